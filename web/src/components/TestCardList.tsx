import { TEST_CARDS } from '../../../shared/test-cards';
import { formatCardNumber } from '../checkout/cardInput';

const expiryNextYear = () => `12/${String((new Date().getFullYear() + 1) % 100).padStart(2, '0')}`;

// The shop charges through a simulated card processor: listing its cards lets anyone trying the
// shop pick an outcome, and says plainly that no real card is charged.
export function TestCardList({ onChoose, disabled }: { onChoose: (number: string, expiry: string) => void; disabled: boolean }) {
  return (
    <details className="test-cards">
      <summary>Test cards (no real card is charged)</summary>
      <ul>
        {Object.entries(TEST_CARDS).map(([number, card]) => (
          <li key={number}>
            <button type="button" className="link-button" disabled={disabled} onClick={() => onChoose(number, expiryNextYear())}>
              <code>{formatCardNumber(number)}</code>
            </button>{' '}
            {card.label}
          </li>
        ))}
      </ul>
      <p>Any future expiry date and any 3-digit security code work.</p>
    </details>
  );
}
