// The simulated card processor's test cards, after Stripe's (https://docs.stripe.com/testing).
// One copy: the server's simulated provider charges by it, and the web app's card form lists it so a
// shopper trying the shop can pick an outcome. No imports: it must load in Node and Vite alike.

export const TEST_CARDS = {
  '4242424242424242': { behaviour: 'succeeds', label: 'Succeeds' },
  '4000000000000002': { behaviour: 'card_declined', label: 'Declined' },
  '4000000000009995': { behaviour: 'insufficient_funds', label: 'Declined: insufficient funds' },
  '4000000000003220': { behaviour: 'processing', label: 'Succeeds after the bank confirms (a few seconds)' },
  '4000000000000119': { behaviour: 'timeout', label: 'The processor times out; settled later, never charged twice' },
} as const;

export type TestCardNumber = keyof typeof TEST_CARDS;
export type TestCardBehaviour = (typeof TEST_CARDS)[TestCardNumber]['behaviour'];
