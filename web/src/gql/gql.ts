/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation HoldTickets($input: BookTicketsInput!) {\n    holdTickets(input: $input) {\n      __typename\n      ... on HoldTicketsSuccess {\n        replayed\n        booking {\n          id\n          accessToken\n          items {\n            quantity\n            tier {\n              id\n              available\n            }\n          }\n        }\n      }\n      ... on SoldOutError {\n        tierId\n        available\n        tier {\n          id\n          name\n          available\n          capacity\n        }\n      }\n      ... on TicketLimitExceededError {\n        limit\n        alreadyHeld\n      }\n      ... on NotOnSaleError {\n        reason\n        opensAt\n      }\n      ... on ValidationError {\n        field\n      }\n    }\n  }\n": typeof types.HoldTicketsDocument,
    "\n  mutation PayForBooking($input: PayForBookingInput!) {\n    payForBooking(input: $input) {\n      __typename\n      ... on PayForBookingSuccess {\n        booking {\n          id\n          status\n          holdRemainingMs\n          payments {\n            id\n            status\n            declineCode\n            cardLast4\n            amount {\n              cents\n              currency\n            }\n          }\n        }\n      }\n      ... on PaymentDeclinedError {\n        declineCode\n      }\n      ... on PaidTooLateError {\n        refundedCents\n      }\n      ... on BookingNotPayableError {\n        reason\n      }\n      ... on ValidationError {\n        field\n      }\n    }\n  }\n": typeof types.PayForBookingDocument,
    "\n  fragment AccountNav_viewer on Viewer {\n    email\n  }\n": typeof types.AccountNav_ViewerFragmentDoc,
    "\n  fragment BookingForm_concert on Concert {\n    id\n    tiers {\n      id\n      name\n      available\n      capacity\n      price {\n        cents\n        currency\n      }\n      ...TierPicker_tier\n    }\n  }\n": typeof types.BookingForm_ConcertFragmentDoc,
    "\n  fragment BookingSummary_booking on Booking {\n    id\n    status\n    orderCode\n    customerEmail\n    createdAt\n    concert {\n      id\n      name\n      venue\n      startsAt\n      timeZone\n    }\n    items {\n      quantity\n      unitPrice {\n        cents\n        currency\n      }\n      tier {\n        id\n        name\n      }\n    }\n    total {\n      cents\n      currency\n    }\n  }\n": typeof types.BookingSummary_BookingFragmentDoc,
    "\n  fragment BookingUnavailable_viewer on Viewer {\n    email\n  }\n": typeof types.BookingUnavailable_ViewerFragmentDoc,
    "\n  mutation CancelBooking($bookingId: ID!, $accessToken: String) {\n    cancelBooking(bookingId: $bookingId, accessToken: $accessToken) {\n      __typename\n      ... on CancelBookingSuccess {\n        refunded {\n          cents\n          currency\n        }\n        booking {\n          id\n          status\n          payments {\n            id\n            status\n            refunded {\n              cents\n              currency\n            }\n          }\n          emails {\n            kind\n            delivery\n          }\n        }\n      }\n      ... on BookingNotCancellableError {\n        reason\n      }\n    }\n  }\n": typeof types.CancelBookingDocument,
    "\n  fragment CheckoutPanel_booking on Booking {\n    id\n    total {\n      cents\n      currency\n    }\n    concert {\n      id\n    }\n    payments {\n      id\n      status\n    }\n  }\n": typeof types.CheckoutPanel_BookingFragmentDoc,
    "\n  fragment ConcertCard_concert on Concert {\n    id\n    name\n    venue\n    startsAt\n    timeZone\n    tiers {\n      id\n      price {\n        cents\n        currency\n      }\n      capacity\n      available\n    }\n  }\n": typeof types.ConcertCard_ConcertFragmentDoc,
    "\n  fragment DashboardConcert_concert on Concert {\n    id\n    name\n    venue\n    startsAt\n    timeZone\n    tiers {\n      id\n      name\n      capacity\n      available\n      price {\n        cents\n        currency\n      }\n    }\n  }\n": typeof types.DashboardConcert_ConcertFragmentDoc,
    "\n  fragment DashboardSummary_concert on Concert {\n    id\n    tiers {\n      id\n      capacity\n      available\n      price {\n        cents\n        currency\n      }\n    }\n  }\n": typeof types.DashboardSummary_ConcertFragmentDoc,
    "\n  fragment EmailStatus_booking on Booking {\n    customerEmail\n    emails {\n      kind\n      delivery\n    }\n  }\n": typeof types.EmailStatus_BookingFragmentDoc,
    "\n  query LayoutViewer {\n    viewer {\n      ...AccountNav_viewer\n    }\n  }\n": typeof types.LayoutViewerDocument,
    "\n  fragment MyBookingRow_booking on Booking {\n    id\n    orderCode\n    status\n    createdAt\n    total {\n      cents\n      currency\n    }\n    concert {\n      id\n      name\n      startsAt\n      timeZone\n    }\n  }\n": typeof types.MyBookingRow_BookingFragmentDoc,
    "\n  fragment PaymentHistory_booking on Booking {\n    payments {\n      id\n      status\n      cardLast4\n      declineCode\n      createdAt\n      amount {\n        cents\n        currency\n      }\n      refunded {\n        cents\n        currency\n      }\n    }\n  }\n": typeof types.PaymentHistory_BookingFragmentDoc,
    "\n  mutation ReleaseHold($bookingId: ID!, $accessToken: String) {\n    releaseHold(bookingId: $bookingId, accessToken: $accessToken) {\n      __typename\n      ... on ReleaseHoldSuccess {\n        booking {\n          id\n          status\n          holdRemainingMs\n        }\n      }\n    }\n  }\n": typeof types.ReleaseHoldDocument,
    "\n  fragment TierPicker_tier on TicketTier {\n    id\n    name\n    price {\n      cents\n      currency\n    }\n    capacity\n    available\n  }\n": typeof types.TierPicker_TierFragmentDoc,
    "\n  query Account {\n    viewer {\n      email\n      emailVerified\n      role\n    }\n  }\n": typeof types.AccountDocument,
    "\n  query Booking($id: ID!, $accessToken: String) {\n    viewer {\n      ...BookingUnavailable_viewer\n    }\n    booking(id: $id, accessToken: $accessToken) {\n      id\n      status\n      holdRemainingMs\n      concert {\n        id\n        startsAt\n      }\n      payments {\n        id\n        status\n        amount {\n          cents\n          currency\n        }\n        refunded {\n          cents\n          currency\n        }\n      }\n      ...BookingSummary_booking\n      ...CheckoutPanel_booking\n      ...EmailStatus_booking\n      ...PaymentHistory_booking\n    }\n  }\n": typeof types.BookingDocument,
    "\n  query Catalogue($first: Int!, $after: String) {\n    concerts(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...ConcertCard_concert\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.CatalogueDocument,
    "\n  subscription CatalogueAvailability {\n    availabilityChanged {\n      id\n      available\n      capacity\n    }\n  }\n": typeof types.CatalogueAvailabilityDocument,
    "\n  query Concert($id: ID!) {\n    concert(id: $id) {\n      id\n      name\n      venue\n      startsAt\n      timeZone\n      ...BookingForm_concert\n    }\n  }\n": typeof types.ConcertDocument,
    "\n  subscription ConcertAvailability($concertId: ID!) {\n    availabilityChanged(concertId: $concertId) {\n      id\n      available\n      capacity\n    }\n  }\n": typeof types.ConcertAvailabilityDocument,
    "\n  query Dashboard($first: Int!, $after: String) {\n    concerts(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          ...DashboardConcert_concert\n          ...DashboardSummary_concert\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  subscription DashboardAvailability {\n    availabilityChanged {\n      id\n      available\n      capacity\n    }\n  }\n": typeof types.DashboardAvailabilityDocument,
    "\n  query MyBookingsViewer {\n    viewer {\n      email\n      emailVerified\n    }\n  }\n": typeof types.MyBookingsViewerDocument,
    "\n  query MyBookings($first: Int!, $after: String) {\n    myBookings(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...MyBookingRow_booking\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.MyBookingsDocument,
};
const documents: Documents = {
    "\n  mutation HoldTickets($input: BookTicketsInput!) {\n    holdTickets(input: $input) {\n      __typename\n      ... on HoldTicketsSuccess {\n        replayed\n        booking {\n          id\n          accessToken\n          items {\n            quantity\n            tier {\n              id\n              available\n            }\n          }\n        }\n      }\n      ... on SoldOutError {\n        tierId\n        available\n        tier {\n          id\n          name\n          available\n          capacity\n        }\n      }\n      ... on TicketLimitExceededError {\n        limit\n        alreadyHeld\n      }\n      ... on NotOnSaleError {\n        reason\n        opensAt\n      }\n      ... on ValidationError {\n        field\n      }\n    }\n  }\n": types.HoldTicketsDocument,
    "\n  mutation PayForBooking($input: PayForBookingInput!) {\n    payForBooking(input: $input) {\n      __typename\n      ... on PayForBookingSuccess {\n        booking {\n          id\n          status\n          holdRemainingMs\n          payments {\n            id\n            status\n            declineCode\n            cardLast4\n            amount {\n              cents\n              currency\n            }\n          }\n        }\n      }\n      ... on PaymentDeclinedError {\n        declineCode\n      }\n      ... on PaidTooLateError {\n        refundedCents\n      }\n      ... on BookingNotPayableError {\n        reason\n      }\n      ... on ValidationError {\n        field\n      }\n    }\n  }\n": types.PayForBookingDocument,
    "\n  fragment AccountNav_viewer on Viewer {\n    email\n  }\n": types.AccountNav_ViewerFragmentDoc,
    "\n  fragment BookingForm_concert on Concert {\n    id\n    tiers {\n      id\n      name\n      available\n      capacity\n      price {\n        cents\n        currency\n      }\n      ...TierPicker_tier\n    }\n  }\n": types.BookingForm_ConcertFragmentDoc,
    "\n  fragment BookingSummary_booking on Booking {\n    id\n    status\n    orderCode\n    customerEmail\n    createdAt\n    concert {\n      id\n      name\n      venue\n      startsAt\n      timeZone\n    }\n    items {\n      quantity\n      unitPrice {\n        cents\n        currency\n      }\n      tier {\n        id\n        name\n      }\n    }\n    total {\n      cents\n      currency\n    }\n  }\n": types.BookingSummary_BookingFragmentDoc,
    "\n  fragment BookingUnavailable_viewer on Viewer {\n    email\n  }\n": types.BookingUnavailable_ViewerFragmentDoc,
    "\n  mutation CancelBooking($bookingId: ID!, $accessToken: String) {\n    cancelBooking(bookingId: $bookingId, accessToken: $accessToken) {\n      __typename\n      ... on CancelBookingSuccess {\n        refunded {\n          cents\n          currency\n        }\n        booking {\n          id\n          status\n          payments {\n            id\n            status\n            refunded {\n              cents\n              currency\n            }\n          }\n          emails {\n            kind\n            delivery\n          }\n        }\n      }\n      ... on BookingNotCancellableError {\n        reason\n      }\n    }\n  }\n": types.CancelBookingDocument,
    "\n  fragment CheckoutPanel_booking on Booking {\n    id\n    total {\n      cents\n      currency\n    }\n    concert {\n      id\n    }\n    payments {\n      id\n      status\n    }\n  }\n": types.CheckoutPanel_BookingFragmentDoc,
    "\n  fragment ConcertCard_concert on Concert {\n    id\n    name\n    venue\n    startsAt\n    timeZone\n    tiers {\n      id\n      price {\n        cents\n        currency\n      }\n      capacity\n      available\n    }\n  }\n": types.ConcertCard_ConcertFragmentDoc,
    "\n  fragment DashboardConcert_concert on Concert {\n    id\n    name\n    venue\n    startsAt\n    timeZone\n    tiers {\n      id\n      name\n      capacity\n      available\n      price {\n        cents\n        currency\n      }\n    }\n  }\n": types.DashboardConcert_ConcertFragmentDoc,
    "\n  fragment DashboardSummary_concert on Concert {\n    id\n    tiers {\n      id\n      capacity\n      available\n      price {\n        cents\n        currency\n      }\n    }\n  }\n": types.DashboardSummary_ConcertFragmentDoc,
    "\n  fragment EmailStatus_booking on Booking {\n    customerEmail\n    emails {\n      kind\n      delivery\n    }\n  }\n": types.EmailStatus_BookingFragmentDoc,
    "\n  query LayoutViewer {\n    viewer {\n      ...AccountNav_viewer\n    }\n  }\n": types.LayoutViewerDocument,
    "\n  fragment MyBookingRow_booking on Booking {\n    id\n    orderCode\n    status\n    createdAt\n    total {\n      cents\n      currency\n    }\n    concert {\n      id\n      name\n      startsAt\n      timeZone\n    }\n  }\n": types.MyBookingRow_BookingFragmentDoc,
    "\n  fragment PaymentHistory_booking on Booking {\n    payments {\n      id\n      status\n      cardLast4\n      declineCode\n      createdAt\n      amount {\n        cents\n        currency\n      }\n      refunded {\n        cents\n        currency\n      }\n    }\n  }\n": types.PaymentHistory_BookingFragmentDoc,
    "\n  mutation ReleaseHold($bookingId: ID!, $accessToken: String) {\n    releaseHold(bookingId: $bookingId, accessToken: $accessToken) {\n      __typename\n      ... on ReleaseHoldSuccess {\n        booking {\n          id\n          status\n          holdRemainingMs\n        }\n      }\n    }\n  }\n": types.ReleaseHoldDocument,
    "\n  fragment TierPicker_tier on TicketTier {\n    id\n    name\n    price {\n      cents\n      currency\n    }\n    capacity\n    available\n  }\n": types.TierPicker_TierFragmentDoc,
    "\n  query Account {\n    viewer {\n      email\n      emailVerified\n      role\n    }\n  }\n": types.AccountDocument,
    "\n  query Booking($id: ID!, $accessToken: String) {\n    viewer {\n      ...BookingUnavailable_viewer\n    }\n    booking(id: $id, accessToken: $accessToken) {\n      id\n      status\n      holdRemainingMs\n      concert {\n        id\n        startsAt\n      }\n      payments {\n        id\n        status\n        amount {\n          cents\n          currency\n        }\n        refunded {\n          cents\n          currency\n        }\n      }\n      ...BookingSummary_booking\n      ...CheckoutPanel_booking\n      ...EmailStatus_booking\n      ...PaymentHistory_booking\n    }\n  }\n": types.BookingDocument,
    "\n  query Catalogue($first: Int!, $after: String) {\n    concerts(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...ConcertCard_concert\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.CatalogueDocument,
    "\n  subscription CatalogueAvailability {\n    availabilityChanged {\n      id\n      available\n      capacity\n    }\n  }\n": types.CatalogueAvailabilityDocument,
    "\n  query Concert($id: ID!) {\n    concert(id: $id) {\n      id\n      name\n      venue\n      startsAt\n      timeZone\n      ...BookingForm_concert\n    }\n  }\n": types.ConcertDocument,
    "\n  subscription ConcertAvailability($concertId: ID!) {\n    availabilityChanged(concertId: $concertId) {\n      id\n      available\n      capacity\n    }\n  }\n": types.ConcertAvailabilityDocument,
    "\n  query Dashboard($first: Int!, $after: String) {\n    concerts(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          ...DashboardConcert_concert\n          ...DashboardSummary_concert\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.DashboardDocument,
    "\n  subscription DashboardAvailability {\n    availabilityChanged {\n      id\n      available\n      capacity\n    }\n  }\n": types.DashboardAvailabilityDocument,
    "\n  query MyBookingsViewer {\n    viewer {\n      email\n      emailVerified\n    }\n  }\n": types.MyBookingsViewerDocument,
    "\n  query MyBookings($first: Int!, $after: String) {\n    myBookings(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...MyBookingRow_booking\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.MyBookingsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HoldTickets($input: BookTicketsInput!) {\n    holdTickets(input: $input) {\n      __typename\n      ... on HoldTicketsSuccess {\n        replayed\n        booking {\n          id\n          accessToken\n          items {\n            quantity\n            tier {\n              id\n              available\n            }\n          }\n        }\n      }\n      ... on SoldOutError {\n        tierId\n        available\n        tier {\n          id\n          name\n          available\n          capacity\n        }\n      }\n      ... on TicketLimitExceededError {\n        limit\n        alreadyHeld\n      }\n      ... on NotOnSaleError {\n        reason\n        opensAt\n      }\n      ... on ValidationError {\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation HoldTickets($input: BookTicketsInput!) {\n    holdTickets(input: $input) {\n      __typename\n      ... on HoldTicketsSuccess {\n        replayed\n        booking {\n          id\n          accessToken\n          items {\n            quantity\n            tier {\n              id\n              available\n            }\n          }\n        }\n      }\n      ... on SoldOutError {\n        tierId\n        available\n        tier {\n          id\n          name\n          available\n          capacity\n        }\n      }\n      ... on TicketLimitExceededError {\n        limit\n        alreadyHeld\n      }\n      ... on NotOnSaleError {\n        reason\n        opensAt\n      }\n      ... on ValidationError {\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PayForBooking($input: PayForBookingInput!) {\n    payForBooking(input: $input) {\n      __typename\n      ... on PayForBookingSuccess {\n        booking {\n          id\n          status\n          holdRemainingMs\n          payments {\n            id\n            status\n            declineCode\n            cardLast4\n            amount {\n              cents\n              currency\n            }\n          }\n        }\n      }\n      ... on PaymentDeclinedError {\n        declineCode\n      }\n      ... on PaidTooLateError {\n        refundedCents\n      }\n      ... on BookingNotPayableError {\n        reason\n      }\n      ... on ValidationError {\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PayForBooking($input: PayForBookingInput!) {\n    payForBooking(input: $input) {\n      __typename\n      ... on PayForBookingSuccess {\n        booking {\n          id\n          status\n          holdRemainingMs\n          payments {\n            id\n            status\n            declineCode\n            cardLast4\n            amount {\n              cents\n              currency\n            }\n          }\n        }\n      }\n      ... on PaymentDeclinedError {\n        declineCode\n      }\n      ... on PaidTooLateError {\n        refundedCents\n      }\n      ... on BookingNotPayableError {\n        reason\n      }\n      ... on ValidationError {\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AccountNav_viewer on Viewer {\n    email\n  }\n"): (typeof documents)["\n  fragment AccountNav_viewer on Viewer {\n    email\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BookingForm_concert on Concert {\n    id\n    tiers {\n      id\n      name\n      available\n      capacity\n      price {\n        cents\n        currency\n      }\n      ...TierPicker_tier\n    }\n  }\n"): (typeof documents)["\n  fragment BookingForm_concert on Concert {\n    id\n    tiers {\n      id\n      name\n      available\n      capacity\n      price {\n        cents\n        currency\n      }\n      ...TierPicker_tier\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BookingSummary_booking on Booking {\n    id\n    status\n    orderCode\n    customerEmail\n    createdAt\n    concert {\n      id\n      name\n      venue\n      startsAt\n      timeZone\n    }\n    items {\n      quantity\n      unitPrice {\n        cents\n        currency\n      }\n      tier {\n        id\n        name\n      }\n    }\n    total {\n      cents\n      currency\n    }\n  }\n"): (typeof documents)["\n  fragment BookingSummary_booking on Booking {\n    id\n    status\n    orderCode\n    customerEmail\n    createdAt\n    concert {\n      id\n      name\n      venue\n      startsAt\n      timeZone\n    }\n    items {\n      quantity\n      unitPrice {\n        cents\n        currency\n      }\n      tier {\n        id\n        name\n      }\n    }\n    total {\n      cents\n      currency\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BookingUnavailable_viewer on Viewer {\n    email\n  }\n"): (typeof documents)["\n  fragment BookingUnavailable_viewer on Viewer {\n    email\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelBooking($bookingId: ID!, $accessToken: String) {\n    cancelBooking(bookingId: $bookingId, accessToken: $accessToken) {\n      __typename\n      ... on CancelBookingSuccess {\n        refunded {\n          cents\n          currency\n        }\n        booking {\n          id\n          status\n          payments {\n            id\n            status\n            refunded {\n              cents\n              currency\n            }\n          }\n          emails {\n            kind\n            delivery\n          }\n        }\n      }\n      ... on BookingNotCancellableError {\n        reason\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CancelBooking($bookingId: ID!, $accessToken: String) {\n    cancelBooking(bookingId: $bookingId, accessToken: $accessToken) {\n      __typename\n      ... on CancelBookingSuccess {\n        refunded {\n          cents\n          currency\n        }\n        booking {\n          id\n          status\n          payments {\n            id\n            status\n            refunded {\n              cents\n              currency\n            }\n          }\n          emails {\n            kind\n            delivery\n          }\n        }\n      }\n      ... on BookingNotCancellableError {\n        reason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CheckoutPanel_booking on Booking {\n    id\n    total {\n      cents\n      currency\n    }\n    concert {\n      id\n    }\n    payments {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  fragment CheckoutPanel_booking on Booking {\n    id\n    total {\n      cents\n      currency\n    }\n    concert {\n      id\n    }\n    payments {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConcertCard_concert on Concert {\n    id\n    name\n    venue\n    startsAt\n    timeZone\n    tiers {\n      id\n      price {\n        cents\n        currency\n      }\n      capacity\n      available\n    }\n  }\n"): (typeof documents)["\n  fragment ConcertCard_concert on Concert {\n    id\n    name\n    venue\n    startsAt\n    timeZone\n    tiers {\n      id\n      price {\n        cents\n        currency\n      }\n      capacity\n      available\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DashboardConcert_concert on Concert {\n    id\n    name\n    venue\n    startsAt\n    timeZone\n    tiers {\n      id\n      name\n      capacity\n      available\n      price {\n        cents\n        currency\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment DashboardConcert_concert on Concert {\n    id\n    name\n    venue\n    startsAt\n    timeZone\n    tiers {\n      id\n      name\n      capacity\n      available\n      price {\n        cents\n        currency\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DashboardSummary_concert on Concert {\n    id\n    tiers {\n      id\n      capacity\n      available\n      price {\n        cents\n        currency\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment DashboardSummary_concert on Concert {\n    id\n    tiers {\n      id\n      capacity\n      available\n      price {\n        cents\n        currency\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EmailStatus_booking on Booking {\n    customerEmail\n    emails {\n      kind\n      delivery\n    }\n  }\n"): (typeof documents)["\n  fragment EmailStatus_booking on Booking {\n    customerEmail\n    emails {\n      kind\n      delivery\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LayoutViewer {\n    viewer {\n      ...AccountNav_viewer\n    }\n  }\n"): (typeof documents)["\n  query LayoutViewer {\n    viewer {\n      ...AccountNav_viewer\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MyBookingRow_booking on Booking {\n    id\n    orderCode\n    status\n    createdAt\n    total {\n      cents\n      currency\n    }\n    concert {\n      id\n      name\n      startsAt\n      timeZone\n    }\n  }\n"): (typeof documents)["\n  fragment MyBookingRow_booking on Booking {\n    id\n    orderCode\n    status\n    createdAt\n    total {\n      cents\n      currency\n    }\n    concert {\n      id\n      name\n      startsAt\n      timeZone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PaymentHistory_booking on Booking {\n    payments {\n      id\n      status\n      cardLast4\n      declineCode\n      createdAt\n      amount {\n        cents\n        currency\n      }\n      refunded {\n        cents\n        currency\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment PaymentHistory_booking on Booking {\n    payments {\n      id\n      status\n      cardLast4\n      declineCode\n      createdAt\n      amount {\n        cents\n        currency\n      }\n      refunded {\n        cents\n        currency\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReleaseHold($bookingId: ID!, $accessToken: String) {\n    releaseHold(bookingId: $bookingId, accessToken: $accessToken) {\n      __typename\n      ... on ReleaseHoldSuccess {\n        booking {\n          id\n          status\n          holdRemainingMs\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReleaseHold($bookingId: ID!, $accessToken: String) {\n    releaseHold(bookingId: $bookingId, accessToken: $accessToken) {\n      __typename\n      ... on ReleaseHoldSuccess {\n        booking {\n          id\n          status\n          holdRemainingMs\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TierPicker_tier on TicketTier {\n    id\n    name\n    price {\n      cents\n      currency\n    }\n    capacity\n    available\n  }\n"): (typeof documents)["\n  fragment TierPicker_tier on TicketTier {\n    id\n    name\n    price {\n      cents\n      currency\n    }\n    capacity\n    available\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Account {\n    viewer {\n      email\n      emailVerified\n      role\n    }\n  }\n"): (typeof documents)["\n  query Account {\n    viewer {\n      email\n      emailVerified\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Booking($id: ID!, $accessToken: String) {\n    viewer {\n      ...BookingUnavailable_viewer\n    }\n    booking(id: $id, accessToken: $accessToken) {\n      id\n      status\n      holdRemainingMs\n      concert {\n        id\n        startsAt\n      }\n      payments {\n        id\n        status\n        amount {\n          cents\n          currency\n        }\n        refunded {\n          cents\n          currency\n        }\n      }\n      ...BookingSummary_booking\n      ...CheckoutPanel_booking\n      ...EmailStatus_booking\n      ...PaymentHistory_booking\n    }\n  }\n"): (typeof documents)["\n  query Booking($id: ID!, $accessToken: String) {\n    viewer {\n      ...BookingUnavailable_viewer\n    }\n    booking(id: $id, accessToken: $accessToken) {\n      id\n      status\n      holdRemainingMs\n      concert {\n        id\n        startsAt\n      }\n      payments {\n        id\n        status\n        amount {\n          cents\n          currency\n        }\n        refunded {\n          cents\n          currency\n        }\n      }\n      ...BookingSummary_booking\n      ...CheckoutPanel_booking\n      ...EmailStatus_booking\n      ...PaymentHistory_booking\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Catalogue($first: Int!, $after: String) {\n    concerts(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...ConcertCard_concert\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Catalogue($first: Int!, $after: String) {\n    concerts(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...ConcertCard_concert\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CatalogueAvailability {\n    availabilityChanged {\n      id\n      available\n      capacity\n    }\n  }\n"): (typeof documents)["\n  subscription CatalogueAvailability {\n    availabilityChanged {\n      id\n      available\n      capacity\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Concert($id: ID!) {\n    concert(id: $id) {\n      id\n      name\n      venue\n      startsAt\n      timeZone\n      ...BookingForm_concert\n    }\n  }\n"): (typeof documents)["\n  query Concert($id: ID!) {\n    concert(id: $id) {\n      id\n      name\n      venue\n      startsAt\n      timeZone\n      ...BookingForm_concert\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConcertAvailability($concertId: ID!) {\n    availabilityChanged(concertId: $concertId) {\n      id\n      available\n      capacity\n    }\n  }\n"): (typeof documents)["\n  subscription ConcertAvailability($concertId: ID!) {\n    availabilityChanged(concertId: $concertId) {\n      id\n      available\n      capacity\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard($first: Int!, $after: String) {\n    concerts(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          ...DashboardConcert_concert\n          ...DashboardSummary_concert\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Dashboard($first: Int!, $after: String) {\n    concerts(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          ...DashboardConcert_concert\n          ...DashboardSummary_concert\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DashboardAvailability {\n    availabilityChanged {\n      id\n      available\n      capacity\n    }\n  }\n"): (typeof documents)["\n  subscription DashboardAvailability {\n    availabilityChanged {\n      id\n      available\n      capacity\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyBookingsViewer {\n    viewer {\n      email\n      emailVerified\n    }\n  }\n"): (typeof documents)["\n  query MyBookingsViewer {\n    viewer {\n      email\n      emailVerified\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyBookings($first: Int!, $after: String) {\n    myBookings(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...MyBookingRow_booking\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyBookings($first: Int!, $after: String) {\n    myBookings(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...MyBookingRow_booking\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;