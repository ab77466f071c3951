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
    "\n  fragment Refunds_booking on Booking {\n    payments {\n      id\n      status\n      amount {\n        cents\n        currency\n      }\n      refunded {\n        cents\n        currency\n      }\n    }\n  }\n": typeof types.Refunds_BookingFragmentDoc,
    "\n  mutation HoldTickets($input: BookTicketsInput!, $admissionToken: String) {\n    holdTickets(input: $input, admissionToken: $admissionToken) {\n      __typename\n      ... on HoldTicketsSuccess {\n        replayed\n        booking {\n          id\n          accessToken\n          items {\n            quantity\n            tier {\n              id\n              available\n            }\n          }\n        }\n      }\n      ... on SoldOutError {\n        tierId\n        available\n        tier {\n          id\n          name\n          available\n          capacity\n        }\n      }\n      ... on TicketLimitExceededError {\n        limit\n        alreadyHeld\n      }\n      ... on NotOnSaleError {\n        reason\n        opensAt\n      }\n      ... on ValidationError {\n        field\n      }\n      # Aliased: NotOnSaleError's reason is another enum.\n      ... on InvalidAdmissionError {\n        admissionRefusal: reason\n      }\n    }\n  }\n": typeof types.HoldTicketsDocument,
    "\n  mutation PayForBooking($input: PayForBookingInput!) {\n    payForBooking(input: $input) {\n      __typename\n      ... on PayForBookingSuccess {\n        booking {\n          id\n          status\n          holdRemainingMs\n          payments {\n            id\n            status\n            declineCode\n            cardLast4\n            amount {\n              cents\n              currency\n            }\n          }\n        }\n      }\n      ... on PaymentDeclinedError {\n        declineCode\n      }\n      ... on PaidTooLateError {\n        refundedCents\n      }\n      ... on BookingNotPayableError {\n        reason\n      }\n      ... on ValidationError {\n        field\n      }\n    }\n  }\n": typeof types.PayForBookingDocument,
    "\n  fragment AccountNav_viewer on Viewer {\n    email\n    role\n  }\n": typeof types.AccountNav_ViewerFragmentDoc,
    "\n  mutation AddTier($concertId: ID!, $input: TierInput!) {\n    addTier(concertId: $concertId, input: $input) {\n      __typename\n      ... on TierChangeSuccess {\n        tier {\n          id\n        }\n      }\n      ... on Error {\n        message\n      }\n      ... on ValidationError {\n        field\n      }\n    }\n  }\n": typeof types.AddTierDocument,
    "\n  fragment ApiKeyRow_apiKey on ApiKey {\n    id\n    name\n    start\n    scopes\n    requestsPerMinute\n    enabled\n    createdAt\n  }\n": typeof types.ApiKeyRow_ApiKeyFragmentDoc,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      __typename\n      ... on RevokeApiKeySuccess {\n        apiKey {\n          id\n          enabled\n        }\n      }\n      ... on NotFoundError {\n        message\n      }\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  fragment BookingForm_concert on Concert {\n    id\n    salesStatus\n    ...SalesNotice_concert\n    tiers {\n      id\n      name\n      available\n      capacity\n      price {\n        cents\n        currency\n      }\n      ...TierPicker_tier\n    }\n  }\n": typeof types.BookingForm_ConcertFragmentDoc,
    "\n  fragment BookingSummary_booking on Booking {\n    id\n    status\n    orderCode\n    customerEmail\n    createdAt\n    concert {\n      id\n      name\n      venue\n      startsAt\n      timeZone\n    }\n    items {\n      quantity\n      unitPrice {\n        cents\n        currency\n      }\n      tier {\n        id\n        name\n      }\n    }\n    total {\n      cents\n      currency\n    }\n  }\n": typeof types.BookingSummary_BookingFragmentDoc,
    "\n  fragment BookingUnavailable_viewer on Viewer {\n    email\n  }\n": typeof types.BookingUnavailable_ViewerFragmentDoc,
    "\n  mutation CancelBooking($bookingId: ID!, $accessToken: String) {\n    cancelBooking(bookingId: $bookingId, accessToken: $accessToken) {\n      __typename\n      ... on CancelBookingSuccess {\n        refunded {\n          cents\n          currency\n        }\n        booking {\n          id\n          status\n          ...Refunds_booking\n          ...EmailStatus_booking\n        }\n      }\n      ... on BookingNotCancellableError {\n        reason\n      }\n    }\n  }\n": typeof types.CancelBookingDocument,
    "\n  fragment CancelConcert_concert on Concert {\n    id\n    name\n    cancellationReason\n    cancellation {\n      ...CancellationProgress_job\n    }\n  }\n": typeof types.CancelConcert_ConcertFragmentDoc,
    "\n  mutation CancelConcert($concertId: ID!, $reason: String!) {\n    cancelConcert(concertId: $concertId, reason: $reason) {\n      __typename\n      ... on CancelConcertSuccess {\n        concert {\n          id\n          salesStatus\n          cancelledAt\n          cancellationReason\n          cancellation {\n            ...CancellationProgress_job\n          }\n        }\n      }\n      ... on Error {\n        message\n      }\n      ... on ValidationError {\n        field\n      }\n    }\n  }\n": typeof types.CancelConcertDocument,
    "\n  fragment CancellationProgress_job on ConcertCancellation {\n    status\n    requestedAt\n    finishedAt\n    total\n    bookingsCancelled\n    refunded {\n      cents\n      currency\n    }\n    lastError\n  }\n": typeof types.CancellationProgress_JobFragmentDoc,
    "\n  fragment CheckoutPanel_booking on Booking {\n    id\n    total {\n      cents\n      currency\n    }\n    concert {\n      id\n    }\n    payments {\n      id\n      status\n    }\n  }\n": typeof types.CheckoutPanel_BookingFragmentDoc,
    "\n  fragment ConcertCard_concert on Concert {\n    id\n    name\n    venue\n    startsAt\n    timeZone\n    salesStatus\n    tiers {\n      id\n      price {\n        cents\n        currency\n      }\n      capacity\n      available\n    }\n  }\n": typeof types.ConcertCard_ConcertFragmentDoc,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeySuccess {\n        secret\n        apiKey {\n          id\n        }\n      }\n      ... on ValidationError {\n        field\n        message\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  fragment DashboardConcert_concert on Concert {\n    id\n    name\n    venue\n    startsAt\n    timeZone\n    tiers {\n      id\n      name\n      capacity\n      available\n    }\n  }\n": typeof types.DashboardConcert_ConcertFragmentDoc,
    "\n  fragment DashboardSummary_concert on Concert {\n    id\n    tiers {\n      id\n      capacity\n      available\n    }\n  }\n": typeof types.DashboardSummary_ConcertFragmentDoc,
    "\n  fragment EmailStatus_booking on Booking {\n    customerEmail\n    emails {\n      kind\n      delivery\n    }\n  }\n": typeof types.EmailStatus_BookingFragmentDoc,
    "\n  fragment HoldsVsConfirmed_report on SalesAnalytics {\n    holdsVsConfirmed {\n      held\n      confirmed\n      expired\n      cancelled\n    }\n  }\n": typeof types.HoldsVsConfirmed_ReportFragmentDoc,
    "\n  query LayoutViewer {\n    viewer {\n      ...AccountNav_viewer\n    }\n  }\n": typeof types.LayoutViewerDocument,
    "\n  fragment MyBookingRow_booking on Booking {\n    id\n    orderCode\n    status\n    createdAt\n    total {\n      cents\n      currency\n    }\n    concert {\n      id\n      name\n      startsAt\n      timeZone\n    }\n  }\n": typeof types.MyBookingRow_BookingFragmentDoc,
    "\n  query OrderDetail($id: ID!) {\n    booking(id: $id) {\n      id\n      orderCode\n      status\n      customerEmail\n      items {\n        quantity\n        tier {\n          id\n          name\n        }\n      }\n      # Counted here (\"No payments.\"); PaymentHistory draws them.\n      payments {\n        id\n      }\n      ...OrderEmails_booking\n      ...PaymentHistory_booking\n      ...Refunds_booking\n    }\n  }\n": typeof types.OrderDetailDocument,
    "\n  fragment OrderEmails_booking on Booking {\n    emails {\n      kind\n      delivery\n      subject\n      createdAt\n      sentAt\n    }\n  }\n": typeof types.OrderEmails_BookingFragmentDoc,
    "\n  fragment OrderRow_booking on Booking {\n    id\n    orderCode\n    customerEmail\n    status\n    createdAt\n    items {\n      quantity\n    }\n    total {\n      cents\n      currency\n    }\n  }\n": typeof types.OrderRow_BookingFragmentDoc,
    "\n  mutation OrganizerCancelOrder($bookingId: ID!) {\n    cancelBooking(bookingId: $bookingId) {\n      __typename\n      ... on CancelBookingSuccess {\n        refunded {\n          cents\n          currency\n        }\n        booking {\n          id\n          status\n          ...Refunds_booking\n          ...OrderEmails_booking\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.OrganizerCancelOrderDocument,
    "\n  fragment OrganizerConcertRow_concert on Concert {\n    id\n    name\n    venue\n    startsAt\n    timeZone\n    published\n    salesStatus\n    tiers {\n      id\n      capacity\n      available\n    }\n  }\n": typeof types.OrganizerConcertRow_ConcertFragmentDoc,
    "\n  fragment PaymentHistory_booking on Booking {\n    payments {\n      id\n      status\n      cardLast4\n      declineCode\n      createdAt\n      amount {\n        cents\n        currency\n      }\n      refunded {\n        cents\n        currency\n      }\n    }\n  }\n": typeof types.PaymentHistory_BookingFragmentDoc,
    "\n  fragment QueueFigures_status on WaitingRoomStatus {\n    enabled\n    drawn\n    waiting\n    admittedThrough\n    lastPlace\n    shopping\n    maxShopping\n    admissionsPerMinute\n    at\n  }\n": typeof types.QueueFigures_StatusFragmentDoc,
    "\n  fragment RateControl_settings on WaitingRoomSettings {\n    admissionsPerMinute\n  }\n": typeof types.RateControl_SettingsFragmentDoc,
    "\n  mutation SetWaitingRoomRate($concertId: ID!, $perMinute: Int!) {\n    setWaitingRoomRate(concertId: $concertId, admissionsPerMinute: $perMinute) {\n      __typename\n      ... on WaitingRoomAdmin {\n        settings {\n          ...WaitingRoomSettingsForm_settings\n        }\n        status {\n          concertId\n          admissionsPerMinute\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.SetWaitingRoomRateDocument,
    "\n  mutation ReleaseHold($bookingId: ID!, $accessToken: String) {\n    releaseHold(bookingId: $bookingId, accessToken: $accessToken) {\n      __typename\n      ... on ReleaseHoldSuccess {\n        booking {\n          id\n          status\n          holdRemainingMs\n        }\n      }\n    }\n  }\n": typeof types.ReleaseHoldDocument,
    "\n  fragment SalesAnalyticsReport_report on SalesAnalytics {\n    ...SalesTotals_report\n    ...SalesOverTimeChart_report\n    ...TierRevenueChart_report\n    ...SellThroughList_report\n    ...HoldsVsConfirmed_report\n  }\n": typeof types.SalesAnalyticsReport_ReportFragmentDoc,
    "\n  fragment SalesControls_concert on Concert {\n    id\n    published\n    salesStatus\n  }\n": typeof types.SalesControls_ConcertFragmentDoc,
    "\n  fragment SalesSwitch_result on ConcertChangeSuccess {\n    concert {\n      id\n      published\n      salesStatus\n    }\n  }\n": typeof types.SalesSwitch_ResultFragmentDoc,
    "\n  mutation PauseSales($concertId: ID!) {\n    pauseSales(concertId: $concertId) {\n      __typename\n      ...SalesSwitch_result\n    }\n  }\n": typeof types.PauseSalesDocument,
    "\n  mutation ResumeSales($concertId: ID!) {\n    resumeSales(concertId: $concertId) {\n      __typename\n      ...SalesSwitch_result\n    }\n  }\n": typeof types.ResumeSalesDocument,
    "\n  mutation PublishConcert($concertId: ID!) {\n    publishConcert(concertId: $concertId) {\n      __typename\n      ...SalesSwitch_result\n    }\n  }\n": typeof types.PublishConcertDocument,
    "\n  mutation UnpublishConcert($concertId: ID!) {\n    unpublishConcert(concertId: $concertId) {\n      __typename\n      ...SalesSwitch_result\n    }\n  }\n": typeof types.UnpublishConcertDocument,
    "\n  fragment SalesNotice_concert on Concert {\n    salesStatus\n    onSaleAt\n    timeZone\n    cancellationReason\n  }\n": typeof types.SalesNotice_ConcertFragmentDoc,
    "\n  fragment SalesOverTimeChart_report on SalesAnalytics {\n    overTime {\n      start\n      tickets\n      revenue {\n        cents\n        currency\n      }\n    }\n  }\n": typeof types.SalesOverTimeChart_ReportFragmentDoc,
    "\n  fragment SalesTotals_report on SalesAnalytics {\n    totals {\n      tickets\n      revenue {\n        cents\n        currency\n      }\n      refunded {\n        cents\n        currency\n      }\n    }\n  }\n": typeof types.SalesTotals_ReportFragmentDoc,
    "\n  fragment SellThroughList_report on SalesAnalytics {\n    byTier {\n      tier {\n        id\n        name\n      }\n      ticketsSold\n      held\n      capacity\n      sellThrough\n    }\n  }\n": typeof types.SellThroughList_ReportFragmentDoc,
    "\n  fragment TierEditor_concert on Concert {\n    id\n    tiers {\n      id\n      ...TierRow_tier\n    }\n  }\n": typeof types.TierEditor_ConcertFragmentDoc,
    "\n  fragment TierPicker_tier on TicketTier {\n    id\n    name\n    price {\n      cents\n      currency\n    }\n    capacity\n    available\n  }\n": typeof types.TierPicker_TierFragmentDoc,
    "\n  fragment TierRevenueChart_report on SalesAnalytics {\n    byTier {\n      tier {\n        id\n        name\n      }\n      ticketsSold\n      revenue {\n        cents\n        currency\n      }\n    }\n  }\n": typeof types.TierRevenueChart_ReportFragmentDoc,
    "\n  fragment TierRow_tier on TicketTier {\n    id\n    name\n    capacity\n    available\n    price {\n      cents\n      currency\n    }\n  }\n": typeof types.TierRow_TierFragmentDoc,
    "\n  mutation UpdateTier($id: ID!, $input: UpdateTierInput!) {\n    updateTier(id: $id, input: $input) {\n      __typename\n      ... on TierChangeSuccess {\n        tier {\n          id\n          ...TierRow_tier\n        }\n      }\n      ... on CapacityBelowSoldError {\n        sold\n        held\n        requested\n      }\n      ... on ValidationError {\n        field\n        message\n      }\n    }\n  }\n": typeof types.UpdateTierDocument,
    "\n  fragment WaitingRoomSettingsForm_settings on WaitingRoomSettings {\n    enabled\n    preQueueMinutes\n    admissionsPerMinute\n    maxShopping\n    admissionMinutes\n  }\n": typeof types.WaitingRoomSettingsForm_SettingsFragmentDoc,
    "\n  mutation ConfigureWaitingRoom($concertId: ID!, $input: WaitingRoomSettingsInput!) {\n    configureWaitingRoom(concertId: $concertId, input: $input) {\n      __typename\n      ... on WaitingRoomAdmin {\n        settings {\n          ...WaitingRoomSettingsForm_settings\n        }\n        status {\n          concertId\n          enabled\n          admissionsPerMinute\n          maxShopping\n        }\n      }\n      ... on ValidationError {\n        field\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.ConfigureWaitingRoomDocument,
    "\n  query Account {\n    viewer {\n      email\n      emailVerified\n      role\n    }\n  }\n": typeof types.AccountDocument,
    "\n  query ApiKeys {\n    apiKeys {\n      id\n      ...ApiKeyRow_apiKey\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  query Booking($id: ID!, $accessToken: String) {\n    viewer {\n      ...BookingUnavailable_viewer\n    }\n    booking(id: $id, accessToken: $accessToken) {\n      id\n      status\n      holdRemainingMs\n      concert {\n        id\n        startsAt\n      }\n      # The last payment's status: the page polls while it is being decided.\n      payments {\n        id\n        status\n      }\n      ...Refunds_booking\n      ...BookingSummary_booking\n      ...CheckoutPanel_booking\n      ...EmailStatus_booking\n      ...PaymentHistory_booking\n    }\n  }\n": typeof types.BookingDocument,
    "\n  query Catalogue($first: Int!, $after: String) {\n    concerts(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...ConcertCard_concert\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.CatalogueDocument,
    "\n  subscription CatalogueAvailability {\n    availabilityChanged {\n      id\n      available\n      capacity\n    }\n  }\n": typeof types.CatalogueAvailabilityDocument,
    "\n  query Concert($id: ID!) {\n    concert(id: $id) {\n      id\n      name\n      venue\n      startsAt\n      timeZone\n      waitingRoom {\n        enabled\n      }\n      ...BookingForm_concert\n    }\n  }\n": typeof types.ConcertDocument,
    "\n  subscription ConcertAvailability($concertId: ID!) {\n    availabilityChanged(concertId: $concertId) {\n      id\n      available\n      capacity\n      # Pausing, resuming and sell-outs reach open pages on this stream too; the concert is\n      # written into the cache under its id, so the booking form opens or closes at once.\n      concert {\n        id\n        salesStatus\n        onSaleAt\n      }\n    }\n  }\n": typeof types.ConcertAvailabilityDocument,
    "\n  query Dashboard($first: Int!, $after: String) {\n    concerts(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          ...DashboardConcert_concert\n          ...DashboardSummary_concert\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  subscription DashboardAvailability {\n    availabilityChanged {\n      id\n      available\n      capacity\n    }\n  }\n": typeof types.DashboardAvailabilityDocument,
    "\n  query OrganizerConcert($id: ID!) {\n    concert(id: $id) {\n      id\n      name\n      venue\n      timeZone\n      startsAt\n      onSaleAt\n      maxTicketsPerOrder\n      maxTicketsPerCustomer\n      holdMinutes\n      cancellation {\n        status\n      }\n      ...SalesControls_concert\n      ...TierEditor_concert\n      ...CancelConcert_concert\n    }\n  }\n": typeof types.OrganizerConcertDocument,
    "\n  mutation UpdateConcert($id: ID!, $input: UpdateConcertInput!) {\n    updateConcert(id: $id, input: $input) {\n      __typename\n      ... on ConcertChangeSuccess {\n        concert {\n          id\n          name\n          venue\n          timeZone\n          startsAt\n          onSaleAt\n          maxTicketsPerOrder\n          salesStatus\n        }\n      }\n      ... on Error {\n        message\n      }\n      ... on ValidationError {\n        field\n      }\n    }\n  }\n": typeof types.UpdateConcertDocument,
    "\n  query MyBookingsViewer {\n    viewer {\n      email\n      emailVerified\n    }\n  }\n": typeof types.MyBookingsViewerDocument,
    "\n  query MyBookings($first: Int!, $after: String) {\n    myBookings(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...MyBookingRow_booking\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.MyBookingsDocument,
    "\n  mutation CreateConcert($input: CreateConcertInput!) {\n    createConcert(input: $input) {\n      __typename\n      ... on ConcertChangeSuccess {\n        concert {\n          id\n        }\n      }\n      ... on ValidationError {\n        field\n        message\n      }\n    }\n  }\n": typeof types.CreateConcertDocument,
    "\n  query Orders($concertId: ID!, $search: String, $status: [BookingStatus!], $createdFrom: DateTime, $createdTo: DateTime, $first: Int, $after: String) {\n    concert(id: $concertId) {\n      id\n      name\n    }\n    orders(concertId: $concertId, search: $search, status: $status, createdFrom: $createdFrom, createdTo: $createdTo, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          ...OrderRow_booking\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.OrdersDocument,
    "\n  query OrganizerViewer {\n    viewer {\n      email\n      role\n    }\n  }\n": typeof types.OrganizerViewerDocument,
    "\n  query OrganizerConcerts {\n    concerts(first: 100, mine: true) {\n      edges {\n        node {\n          id\n          ...OrganizerConcertRow_concert\n        }\n      }\n    }\n  }\n": typeof types.OrganizerConcertsDocument,
    "\n  query SalesAnalyticsPage($concertId: ID!, $from: DateTime, $to: DateTime, $bucket: SalesBucket!) {\n    concert(id: $concertId) {\n      id\n      name\n      timeZone\n      salesStatus\n    }\n    salesAnalytics(concertId: $concertId, from: $from, to: $to, bucket: $bucket) {\n      ...SalesAnalyticsReport_report\n    }\n  }\n": typeof types.SalesAnalyticsPageDocument,
    "\n  subscription SalesAnalyticsLive($concertId: ID!, $bucket: SalesBucket!) {\n    salesAnalyticsChanged(concertId: $concertId, bucket: $bucket) {\n      ...SalesAnalyticsReport_report\n    }\n  }\n": typeof types.SalesAnalyticsLiveDocument,
    "\n  query OrganizerQueue($id: ID!) {\n    concert(id: $id) {\n      id\n      name\n    }\n    waitingRoomAdmin(concertId: $id) {\n      settings {\n        ...RateControl_settings\n        ...WaitingRoomSettingsForm_settings\n      }\n      status {\n        concertId\n        ...QueueFigures_status\n      }\n    }\n  }\n": typeof types.OrganizerQueueDocument,
    "\n  subscription OrganizerQueueStatus($concertId: ID!) {\n    waitingRoomStatusChanged(concertId: $concertId) {\n      concertId\n      ...QueueFigures_status\n    }\n  }\n": typeof types.OrganizerQueueStatusDocument,
    "\n  query WaitingRoomConcert($id: ID!) {\n    concert(id: $id) {\n      id\n      name\n      venue\n      startsAt\n      timeZone\n      waitingRoom {\n        admissionMinutes\n      }\n    }\n  }\n": typeof types.WaitingRoomConcertDocument,
    "\n  mutation JoinWaitingRoom($concertId: ID!) {\n    joinWaitingRoom(concertId: $concertId) {\n      __typename\n      ... on QueueTicket {\n        id\n        place\n        status\n        admissionToken\n        admissionExpiresAt\n      }\n      ... on WaitingRoomClosedError {\n        reason\n        opensAt\n        message\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.JoinWaitingRoomDocument,
    "\n  fragment WaitingRoom_status on WaitingRoomStatus {\n    enabled\n    drawn\n    admittedThrough\n    lastPlace\n    admissionsPerMinute\n    waiting\n    shopping\n    maxShopping\n    opensAt\n    drawsAt\n    at\n  }\n": typeof types.WaitingRoom_StatusFragmentDoc,
    "\n  query MyQueueTicket($concertId: ID!) {\n    myQueueTicket(concertId: $concertId) {\n      id\n      place\n      status\n      admissionToken\n      admissionExpiresAt\n    }\n    waitingRoomStatus(concertId: $concertId) {\n      concertId\n      ...WaitingRoom_status\n    }\n  }\n": typeof types.MyQueueTicketDocument,
    "\n  subscription WaitingRoomStatus($concertId: ID!) {\n    waitingRoomStatusChanged(concertId: $concertId) {\n      concertId\n      ...WaitingRoom_status\n    }\n  }\n": typeof types.WaitingRoomStatusDocument,
};
const documents: Documents = {
    "\n  fragment Refunds_booking on Booking {\n    payments {\n      id\n      status\n      amount {\n        cents\n        currency\n      }\n      refunded {\n        cents\n        currency\n      }\n    }\n  }\n": types.Refunds_BookingFragmentDoc,
    "\n  mutation HoldTickets($input: BookTicketsInput!, $admissionToken: String) {\n    holdTickets(input: $input, admissionToken: $admissionToken) {\n      __typename\n      ... on HoldTicketsSuccess {\n        replayed\n        booking {\n          id\n          accessToken\n          items {\n            quantity\n            tier {\n              id\n              available\n            }\n          }\n        }\n      }\n      ... on SoldOutError {\n        tierId\n        available\n        tier {\n          id\n          name\n          available\n          capacity\n        }\n      }\n      ... on TicketLimitExceededError {\n        limit\n        alreadyHeld\n      }\n      ... on NotOnSaleError {\n        reason\n        opensAt\n      }\n      ... on ValidationError {\n        field\n      }\n      # Aliased: NotOnSaleError's reason is another enum.\n      ... on InvalidAdmissionError {\n        admissionRefusal: reason\n      }\n    }\n  }\n": types.HoldTicketsDocument,
    "\n  mutation PayForBooking($input: PayForBookingInput!) {\n    payForBooking(input: $input) {\n      __typename\n      ... on PayForBookingSuccess {\n        booking {\n          id\n          status\n          holdRemainingMs\n          payments {\n            id\n            status\n            declineCode\n            cardLast4\n            amount {\n              cents\n              currency\n            }\n          }\n        }\n      }\n      ... on PaymentDeclinedError {\n        declineCode\n      }\n      ... on PaidTooLateError {\n        refundedCents\n      }\n      ... on BookingNotPayableError {\n        reason\n      }\n      ... on ValidationError {\n        field\n      }\n    }\n  }\n": types.PayForBookingDocument,
    "\n  fragment AccountNav_viewer on Viewer {\n    email\n    role\n  }\n": types.AccountNav_ViewerFragmentDoc,
    "\n  mutation AddTier($concertId: ID!, $input: TierInput!) {\n    addTier(concertId: $concertId, input: $input) {\n      __typename\n      ... on TierChangeSuccess {\n        tier {\n          id\n        }\n      }\n      ... on Error {\n        message\n      }\n      ... on ValidationError {\n        field\n      }\n    }\n  }\n": types.AddTierDocument,
    "\n  fragment ApiKeyRow_apiKey on ApiKey {\n    id\n    name\n    start\n    scopes\n    requestsPerMinute\n    enabled\n    createdAt\n  }\n": types.ApiKeyRow_ApiKeyFragmentDoc,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      __typename\n      ... on RevokeApiKeySuccess {\n        apiKey {\n          id\n          enabled\n        }\n      }\n      ... on NotFoundError {\n        message\n      }\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  fragment BookingForm_concert on Concert {\n    id\n    salesStatus\n    ...SalesNotice_concert\n    tiers {\n      id\n      name\n      available\n      capacity\n      price {\n        cents\n        currency\n      }\n      ...TierPicker_tier\n    }\n  }\n": types.BookingForm_ConcertFragmentDoc,
    "\n  fragment BookingSummary_booking on Booking {\n    id\n    status\n    orderCode\n    customerEmail\n    createdAt\n    concert {\n      id\n      name\n      venue\n      startsAt\n      timeZone\n    }\n    items {\n      quantity\n      unitPrice {\n        cents\n        currency\n      }\n      tier {\n        id\n        name\n      }\n    }\n    total {\n      cents\n      currency\n    }\n  }\n": types.BookingSummary_BookingFragmentDoc,
    "\n  fragment BookingUnavailable_viewer on Viewer {\n    email\n  }\n": types.BookingUnavailable_ViewerFragmentDoc,
    "\n  mutation CancelBooking($bookingId: ID!, $accessToken: String) {\n    cancelBooking(bookingId: $bookingId, accessToken: $accessToken) {\n      __typename\n      ... on CancelBookingSuccess {\n        refunded {\n          cents\n          currency\n        }\n        booking {\n          id\n          status\n          ...Refunds_booking\n          ...EmailStatus_booking\n        }\n      }\n      ... on BookingNotCancellableError {\n        reason\n      }\n    }\n  }\n": types.CancelBookingDocument,
    "\n  fragment CancelConcert_concert on Concert {\n    id\n    name\n    cancellationReason\n    cancellation {\n      ...CancellationProgress_job\n    }\n  }\n": types.CancelConcert_ConcertFragmentDoc,
    "\n  mutation CancelConcert($concertId: ID!, $reason: String!) {\n    cancelConcert(concertId: $concertId, reason: $reason) {\n      __typename\n      ... on CancelConcertSuccess {\n        concert {\n          id\n          salesStatus\n          cancelledAt\n          cancellationReason\n          cancellation {\n            ...CancellationProgress_job\n          }\n        }\n      }\n      ... on Error {\n        message\n      }\n      ... on ValidationError {\n        field\n      }\n    }\n  }\n": types.CancelConcertDocument,
    "\n  fragment CancellationProgress_job on ConcertCancellation {\n    status\n    requestedAt\n    finishedAt\n    total\n    bookingsCancelled\n    refunded {\n      cents\n      currency\n    }\n    lastError\n  }\n": types.CancellationProgress_JobFragmentDoc,
    "\n  fragment CheckoutPanel_booking on Booking {\n    id\n    total {\n      cents\n      currency\n    }\n    concert {\n      id\n    }\n    payments {\n      id\n      status\n    }\n  }\n": types.CheckoutPanel_BookingFragmentDoc,
    "\n  fragment ConcertCard_concert on Concert {\n    id\n    name\n    venue\n    startsAt\n    timeZone\n    salesStatus\n    tiers {\n      id\n      price {\n        cents\n        currency\n      }\n      capacity\n      available\n    }\n  }\n": types.ConcertCard_ConcertFragmentDoc,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeySuccess {\n        secret\n        apiKey {\n          id\n        }\n      }\n      ... on ValidationError {\n        field\n        message\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  fragment DashboardConcert_concert on Concert {\n    id\n    name\n    venue\n    startsAt\n    timeZone\n    tiers {\n      id\n      name\n      capacity\n      available\n    }\n  }\n": types.DashboardConcert_ConcertFragmentDoc,
    "\n  fragment DashboardSummary_concert on Concert {\n    id\n    tiers {\n      id\n      capacity\n      available\n    }\n  }\n": types.DashboardSummary_ConcertFragmentDoc,
    "\n  fragment EmailStatus_booking on Booking {\n    customerEmail\n    emails {\n      kind\n      delivery\n    }\n  }\n": types.EmailStatus_BookingFragmentDoc,
    "\n  fragment HoldsVsConfirmed_report on SalesAnalytics {\n    holdsVsConfirmed {\n      held\n      confirmed\n      expired\n      cancelled\n    }\n  }\n": types.HoldsVsConfirmed_ReportFragmentDoc,
    "\n  query LayoutViewer {\n    viewer {\n      ...AccountNav_viewer\n    }\n  }\n": types.LayoutViewerDocument,
    "\n  fragment MyBookingRow_booking on Booking {\n    id\n    orderCode\n    status\n    createdAt\n    total {\n      cents\n      currency\n    }\n    concert {\n      id\n      name\n      startsAt\n      timeZone\n    }\n  }\n": types.MyBookingRow_BookingFragmentDoc,
    "\n  query OrderDetail($id: ID!) {\n    booking(id: $id) {\n      id\n      orderCode\n      status\n      customerEmail\n      items {\n        quantity\n        tier {\n          id\n          name\n        }\n      }\n      # Counted here (\"No payments.\"); PaymentHistory draws them.\n      payments {\n        id\n      }\n      ...OrderEmails_booking\n      ...PaymentHistory_booking\n      ...Refunds_booking\n    }\n  }\n": types.OrderDetailDocument,
    "\n  fragment OrderEmails_booking on Booking {\n    emails {\n      kind\n      delivery\n      subject\n      createdAt\n      sentAt\n    }\n  }\n": types.OrderEmails_BookingFragmentDoc,
    "\n  fragment OrderRow_booking on Booking {\n    id\n    orderCode\n    customerEmail\n    status\n    createdAt\n    items {\n      quantity\n    }\n    total {\n      cents\n      currency\n    }\n  }\n": types.OrderRow_BookingFragmentDoc,
    "\n  mutation OrganizerCancelOrder($bookingId: ID!) {\n    cancelBooking(bookingId: $bookingId) {\n      __typename\n      ... on CancelBookingSuccess {\n        refunded {\n          cents\n          currency\n        }\n        booking {\n          id\n          status\n          ...Refunds_booking\n          ...OrderEmails_booking\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.OrganizerCancelOrderDocument,
    "\n  fragment OrganizerConcertRow_concert on Concert {\n    id\n    name\n    venue\n    startsAt\n    timeZone\n    published\n    salesStatus\n    tiers {\n      id\n      capacity\n      available\n    }\n  }\n": types.OrganizerConcertRow_ConcertFragmentDoc,
    "\n  fragment PaymentHistory_booking on Booking {\n    payments {\n      id\n      status\n      cardLast4\n      declineCode\n      createdAt\n      amount {\n        cents\n        currency\n      }\n      refunded {\n        cents\n        currency\n      }\n    }\n  }\n": types.PaymentHistory_BookingFragmentDoc,
    "\n  fragment QueueFigures_status on WaitingRoomStatus {\n    enabled\n    drawn\n    waiting\n    admittedThrough\n    lastPlace\n    shopping\n    maxShopping\n    admissionsPerMinute\n    at\n  }\n": types.QueueFigures_StatusFragmentDoc,
    "\n  fragment RateControl_settings on WaitingRoomSettings {\n    admissionsPerMinute\n  }\n": types.RateControl_SettingsFragmentDoc,
    "\n  mutation SetWaitingRoomRate($concertId: ID!, $perMinute: Int!) {\n    setWaitingRoomRate(concertId: $concertId, admissionsPerMinute: $perMinute) {\n      __typename\n      ... on WaitingRoomAdmin {\n        settings {\n          ...WaitingRoomSettingsForm_settings\n        }\n        status {\n          concertId\n          admissionsPerMinute\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.SetWaitingRoomRateDocument,
    "\n  mutation ReleaseHold($bookingId: ID!, $accessToken: String) {\n    releaseHold(bookingId: $bookingId, accessToken: $accessToken) {\n      __typename\n      ... on ReleaseHoldSuccess {\n        booking {\n          id\n          status\n          holdRemainingMs\n        }\n      }\n    }\n  }\n": types.ReleaseHoldDocument,
    "\n  fragment SalesAnalyticsReport_report on SalesAnalytics {\n    ...SalesTotals_report\n    ...SalesOverTimeChart_report\n    ...TierRevenueChart_report\n    ...SellThroughList_report\n    ...HoldsVsConfirmed_report\n  }\n": types.SalesAnalyticsReport_ReportFragmentDoc,
    "\n  fragment SalesControls_concert on Concert {\n    id\n    published\n    salesStatus\n  }\n": types.SalesControls_ConcertFragmentDoc,
    "\n  fragment SalesSwitch_result on ConcertChangeSuccess {\n    concert {\n      id\n      published\n      salesStatus\n    }\n  }\n": types.SalesSwitch_ResultFragmentDoc,
    "\n  mutation PauseSales($concertId: ID!) {\n    pauseSales(concertId: $concertId) {\n      __typename\n      ...SalesSwitch_result\n    }\n  }\n": types.PauseSalesDocument,
    "\n  mutation ResumeSales($concertId: ID!) {\n    resumeSales(concertId: $concertId) {\n      __typename\n      ...SalesSwitch_result\n    }\n  }\n": types.ResumeSalesDocument,
    "\n  mutation PublishConcert($concertId: ID!) {\n    publishConcert(concertId: $concertId) {\n      __typename\n      ...SalesSwitch_result\n    }\n  }\n": types.PublishConcertDocument,
    "\n  mutation UnpublishConcert($concertId: ID!) {\n    unpublishConcert(concertId: $concertId) {\n      __typename\n      ...SalesSwitch_result\n    }\n  }\n": types.UnpublishConcertDocument,
    "\n  fragment SalesNotice_concert on Concert {\n    salesStatus\n    onSaleAt\n    timeZone\n    cancellationReason\n  }\n": types.SalesNotice_ConcertFragmentDoc,
    "\n  fragment SalesOverTimeChart_report on SalesAnalytics {\n    overTime {\n      start\n      tickets\n      revenue {\n        cents\n        currency\n      }\n    }\n  }\n": types.SalesOverTimeChart_ReportFragmentDoc,
    "\n  fragment SalesTotals_report on SalesAnalytics {\n    totals {\n      tickets\n      revenue {\n        cents\n        currency\n      }\n      refunded {\n        cents\n        currency\n      }\n    }\n  }\n": types.SalesTotals_ReportFragmentDoc,
    "\n  fragment SellThroughList_report on SalesAnalytics {\n    byTier {\n      tier {\n        id\n        name\n      }\n      ticketsSold\n      held\n      capacity\n      sellThrough\n    }\n  }\n": types.SellThroughList_ReportFragmentDoc,
    "\n  fragment TierEditor_concert on Concert {\n    id\n    tiers {\n      id\n      ...TierRow_tier\n    }\n  }\n": types.TierEditor_ConcertFragmentDoc,
    "\n  fragment TierPicker_tier on TicketTier {\n    id\n    name\n    price {\n      cents\n      currency\n    }\n    capacity\n    available\n  }\n": types.TierPicker_TierFragmentDoc,
    "\n  fragment TierRevenueChart_report on SalesAnalytics {\n    byTier {\n      tier {\n        id\n        name\n      }\n      ticketsSold\n      revenue {\n        cents\n        currency\n      }\n    }\n  }\n": types.TierRevenueChart_ReportFragmentDoc,
    "\n  fragment TierRow_tier on TicketTier {\n    id\n    name\n    capacity\n    available\n    price {\n      cents\n      currency\n    }\n  }\n": types.TierRow_TierFragmentDoc,
    "\n  mutation UpdateTier($id: ID!, $input: UpdateTierInput!) {\n    updateTier(id: $id, input: $input) {\n      __typename\n      ... on TierChangeSuccess {\n        tier {\n          id\n          ...TierRow_tier\n        }\n      }\n      ... on CapacityBelowSoldError {\n        sold\n        held\n        requested\n      }\n      ... on ValidationError {\n        field\n        message\n      }\n    }\n  }\n": types.UpdateTierDocument,
    "\n  fragment WaitingRoomSettingsForm_settings on WaitingRoomSettings {\n    enabled\n    preQueueMinutes\n    admissionsPerMinute\n    maxShopping\n    admissionMinutes\n  }\n": types.WaitingRoomSettingsForm_SettingsFragmentDoc,
    "\n  mutation ConfigureWaitingRoom($concertId: ID!, $input: WaitingRoomSettingsInput!) {\n    configureWaitingRoom(concertId: $concertId, input: $input) {\n      __typename\n      ... on WaitingRoomAdmin {\n        settings {\n          ...WaitingRoomSettingsForm_settings\n        }\n        status {\n          concertId\n          enabled\n          admissionsPerMinute\n          maxShopping\n        }\n      }\n      ... on ValidationError {\n        field\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.ConfigureWaitingRoomDocument,
    "\n  query Account {\n    viewer {\n      email\n      emailVerified\n      role\n    }\n  }\n": types.AccountDocument,
    "\n  query ApiKeys {\n    apiKeys {\n      id\n      ...ApiKeyRow_apiKey\n    }\n  }\n": types.ApiKeysDocument,
    "\n  query Booking($id: ID!, $accessToken: String) {\n    viewer {\n      ...BookingUnavailable_viewer\n    }\n    booking(id: $id, accessToken: $accessToken) {\n      id\n      status\n      holdRemainingMs\n      concert {\n        id\n        startsAt\n      }\n      # The last payment's status: the page polls while it is being decided.\n      payments {\n        id\n        status\n      }\n      ...Refunds_booking\n      ...BookingSummary_booking\n      ...CheckoutPanel_booking\n      ...EmailStatus_booking\n      ...PaymentHistory_booking\n    }\n  }\n": types.BookingDocument,
    "\n  query Catalogue($first: Int!, $after: String) {\n    concerts(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...ConcertCard_concert\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.CatalogueDocument,
    "\n  subscription CatalogueAvailability {\n    availabilityChanged {\n      id\n      available\n      capacity\n    }\n  }\n": types.CatalogueAvailabilityDocument,
    "\n  query Concert($id: ID!) {\n    concert(id: $id) {\n      id\n      name\n      venue\n      startsAt\n      timeZone\n      waitingRoom {\n        enabled\n      }\n      ...BookingForm_concert\n    }\n  }\n": types.ConcertDocument,
    "\n  subscription ConcertAvailability($concertId: ID!) {\n    availabilityChanged(concertId: $concertId) {\n      id\n      available\n      capacity\n      # Pausing, resuming and sell-outs reach open pages on this stream too; the concert is\n      # written into the cache under its id, so the booking form opens or closes at once.\n      concert {\n        id\n        salesStatus\n        onSaleAt\n      }\n    }\n  }\n": types.ConcertAvailabilityDocument,
    "\n  query Dashboard($first: Int!, $after: String) {\n    concerts(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          ...DashboardConcert_concert\n          ...DashboardSummary_concert\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.DashboardDocument,
    "\n  subscription DashboardAvailability {\n    availabilityChanged {\n      id\n      available\n      capacity\n    }\n  }\n": types.DashboardAvailabilityDocument,
    "\n  query OrganizerConcert($id: ID!) {\n    concert(id: $id) {\n      id\n      name\n      venue\n      timeZone\n      startsAt\n      onSaleAt\n      maxTicketsPerOrder\n      maxTicketsPerCustomer\n      holdMinutes\n      cancellation {\n        status\n      }\n      ...SalesControls_concert\n      ...TierEditor_concert\n      ...CancelConcert_concert\n    }\n  }\n": types.OrganizerConcertDocument,
    "\n  mutation UpdateConcert($id: ID!, $input: UpdateConcertInput!) {\n    updateConcert(id: $id, input: $input) {\n      __typename\n      ... on ConcertChangeSuccess {\n        concert {\n          id\n          name\n          venue\n          timeZone\n          startsAt\n          onSaleAt\n          maxTicketsPerOrder\n          salesStatus\n        }\n      }\n      ... on Error {\n        message\n      }\n      ... on ValidationError {\n        field\n      }\n    }\n  }\n": types.UpdateConcertDocument,
    "\n  query MyBookingsViewer {\n    viewer {\n      email\n      emailVerified\n    }\n  }\n": types.MyBookingsViewerDocument,
    "\n  query MyBookings($first: Int!, $after: String) {\n    myBookings(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...MyBookingRow_booking\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.MyBookingsDocument,
    "\n  mutation CreateConcert($input: CreateConcertInput!) {\n    createConcert(input: $input) {\n      __typename\n      ... on ConcertChangeSuccess {\n        concert {\n          id\n        }\n      }\n      ... on ValidationError {\n        field\n        message\n      }\n    }\n  }\n": types.CreateConcertDocument,
    "\n  query Orders($concertId: ID!, $search: String, $status: [BookingStatus!], $createdFrom: DateTime, $createdTo: DateTime, $first: Int, $after: String) {\n    concert(id: $concertId) {\n      id\n      name\n    }\n    orders(concertId: $concertId, search: $search, status: $status, createdFrom: $createdFrom, createdTo: $createdTo, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          ...OrderRow_booking\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.OrdersDocument,
    "\n  query OrganizerViewer {\n    viewer {\n      email\n      role\n    }\n  }\n": types.OrganizerViewerDocument,
    "\n  query OrganizerConcerts {\n    concerts(first: 100, mine: true) {\n      edges {\n        node {\n          id\n          ...OrganizerConcertRow_concert\n        }\n      }\n    }\n  }\n": types.OrganizerConcertsDocument,
    "\n  query SalesAnalyticsPage($concertId: ID!, $from: DateTime, $to: DateTime, $bucket: SalesBucket!) {\n    concert(id: $concertId) {\n      id\n      name\n      timeZone\n      salesStatus\n    }\n    salesAnalytics(concertId: $concertId, from: $from, to: $to, bucket: $bucket) {\n      ...SalesAnalyticsReport_report\n    }\n  }\n": types.SalesAnalyticsPageDocument,
    "\n  subscription SalesAnalyticsLive($concertId: ID!, $bucket: SalesBucket!) {\n    salesAnalyticsChanged(concertId: $concertId, bucket: $bucket) {\n      ...SalesAnalyticsReport_report\n    }\n  }\n": types.SalesAnalyticsLiveDocument,
    "\n  query OrganizerQueue($id: ID!) {\n    concert(id: $id) {\n      id\n      name\n    }\n    waitingRoomAdmin(concertId: $id) {\n      settings {\n        ...RateControl_settings\n        ...WaitingRoomSettingsForm_settings\n      }\n      status {\n        concertId\n        ...QueueFigures_status\n      }\n    }\n  }\n": types.OrganizerQueueDocument,
    "\n  subscription OrganizerQueueStatus($concertId: ID!) {\n    waitingRoomStatusChanged(concertId: $concertId) {\n      concertId\n      ...QueueFigures_status\n    }\n  }\n": types.OrganizerQueueStatusDocument,
    "\n  query WaitingRoomConcert($id: ID!) {\n    concert(id: $id) {\n      id\n      name\n      venue\n      startsAt\n      timeZone\n      waitingRoom {\n        admissionMinutes\n      }\n    }\n  }\n": types.WaitingRoomConcertDocument,
    "\n  mutation JoinWaitingRoom($concertId: ID!) {\n    joinWaitingRoom(concertId: $concertId) {\n      __typename\n      ... on QueueTicket {\n        id\n        place\n        status\n        admissionToken\n        admissionExpiresAt\n      }\n      ... on WaitingRoomClosedError {\n        reason\n        opensAt\n        message\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.JoinWaitingRoomDocument,
    "\n  fragment WaitingRoom_status on WaitingRoomStatus {\n    enabled\n    drawn\n    admittedThrough\n    lastPlace\n    admissionsPerMinute\n    waiting\n    shopping\n    maxShopping\n    opensAt\n    drawsAt\n    at\n  }\n": types.WaitingRoom_StatusFragmentDoc,
    "\n  query MyQueueTicket($concertId: ID!) {\n    myQueueTicket(concertId: $concertId) {\n      id\n      place\n      status\n      admissionToken\n      admissionExpiresAt\n    }\n    waitingRoomStatus(concertId: $concertId) {\n      concertId\n      ...WaitingRoom_status\n    }\n  }\n": types.MyQueueTicketDocument,
    "\n  subscription WaitingRoomStatus($concertId: ID!) {\n    waitingRoomStatusChanged(concertId: $concertId) {\n      concertId\n      ...WaitingRoom_status\n    }\n  }\n": types.WaitingRoomStatusDocument,
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
export function graphql(source: "\n  fragment Refunds_booking on Booking {\n    payments {\n      id\n      status\n      amount {\n        cents\n        currency\n      }\n      refunded {\n        cents\n        currency\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment Refunds_booking on Booking {\n    payments {\n      id\n      status\n      amount {\n        cents\n        currency\n      }\n      refunded {\n        cents\n        currency\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HoldTickets($input: BookTicketsInput!, $admissionToken: String) {\n    holdTickets(input: $input, admissionToken: $admissionToken) {\n      __typename\n      ... on HoldTicketsSuccess {\n        replayed\n        booking {\n          id\n          accessToken\n          items {\n            quantity\n            tier {\n              id\n              available\n            }\n          }\n        }\n      }\n      ... on SoldOutError {\n        tierId\n        available\n        tier {\n          id\n          name\n          available\n          capacity\n        }\n      }\n      ... on TicketLimitExceededError {\n        limit\n        alreadyHeld\n      }\n      ... on NotOnSaleError {\n        reason\n        opensAt\n      }\n      ... on ValidationError {\n        field\n      }\n      # Aliased: NotOnSaleError's reason is another enum.\n      ... on InvalidAdmissionError {\n        admissionRefusal: reason\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation HoldTickets($input: BookTicketsInput!, $admissionToken: String) {\n    holdTickets(input: $input, admissionToken: $admissionToken) {\n      __typename\n      ... on HoldTicketsSuccess {\n        replayed\n        booking {\n          id\n          accessToken\n          items {\n            quantity\n            tier {\n              id\n              available\n            }\n          }\n        }\n      }\n      ... on SoldOutError {\n        tierId\n        available\n        tier {\n          id\n          name\n          available\n          capacity\n        }\n      }\n      ... on TicketLimitExceededError {\n        limit\n        alreadyHeld\n      }\n      ... on NotOnSaleError {\n        reason\n        opensAt\n      }\n      ... on ValidationError {\n        field\n      }\n      # Aliased: NotOnSaleError's reason is another enum.\n      ... on InvalidAdmissionError {\n        admissionRefusal: reason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PayForBooking($input: PayForBookingInput!) {\n    payForBooking(input: $input) {\n      __typename\n      ... on PayForBookingSuccess {\n        booking {\n          id\n          status\n          holdRemainingMs\n          payments {\n            id\n            status\n            declineCode\n            cardLast4\n            amount {\n              cents\n              currency\n            }\n          }\n        }\n      }\n      ... on PaymentDeclinedError {\n        declineCode\n      }\n      ... on PaidTooLateError {\n        refundedCents\n      }\n      ... on BookingNotPayableError {\n        reason\n      }\n      ... on ValidationError {\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PayForBooking($input: PayForBookingInput!) {\n    payForBooking(input: $input) {\n      __typename\n      ... on PayForBookingSuccess {\n        booking {\n          id\n          status\n          holdRemainingMs\n          payments {\n            id\n            status\n            declineCode\n            cardLast4\n            amount {\n              cents\n              currency\n            }\n          }\n        }\n      }\n      ... on PaymentDeclinedError {\n        declineCode\n      }\n      ... on PaidTooLateError {\n        refundedCents\n      }\n      ... on BookingNotPayableError {\n        reason\n      }\n      ... on ValidationError {\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AccountNav_viewer on Viewer {\n    email\n    role\n  }\n"): (typeof documents)["\n  fragment AccountNav_viewer on Viewer {\n    email\n    role\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddTier($concertId: ID!, $input: TierInput!) {\n    addTier(concertId: $concertId, input: $input) {\n      __typename\n      ... on TierChangeSuccess {\n        tier {\n          id\n        }\n      }\n      ... on Error {\n        message\n      }\n      ... on ValidationError {\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddTier($concertId: ID!, $input: TierInput!) {\n    addTier(concertId: $concertId, input: $input) {\n      __typename\n      ... on TierChangeSuccess {\n        tier {\n          id\n        }\n      }\n      ... on Error {\n        message\n      }\n      ... on ValidationError {\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeyRow_apiKey on ApiKey {\n    id\n    name\n    start\n    scopes\n    requestsPerMinute\n    enabled\n    createdAt\n  }\n"): (typeof documents)["\n  fragment ApiKeyRow_apiKey on ApiKey {\n    id\n    name\n    start\n    scopes\n    requestsPerMinute\n    enabled\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      __typename\n      ... on RevokeApiKeySuccess {\n        apiKey {\n          id\n          enabled\n        }\n      }\n      ... on NotFoundError {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      __typename\n      ... on RevokeApiKeySuccess {\n        apiKey {\n          id\n          enabled\n        }\n      }\n      ... on NotFoundError {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BookingForm_concert on Concert {\n    id\n    salesStatus\n    ...SalesNotice_concert\n    tiers {\n      id\n      name\n      available\n      capacity\n      price {\n        cents\n        currency\n      }\n      ...TierPicker_tier\n    }\n  }\n"): (typeof documents)["\n  fragment BookingForm_concert on Concert {\n    id\n    salesStatus\n    ...SalesNotice_concert\n    tiers {\n      id\n      name\n      available\n      capacity\n      price {\n        cents\n        currency\n      }\n      ...TierPicker_tier\n    }\n  }\n"];
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
export function graphql(source: "\n  mutation CancelBooking($bookingId: ID!, $accessToken: String) {\n    cancelBooking(bookingId: $bookingId, accessToken: $accessToken) {\n      __typename\n      ... on CancelBookingSuccess {\n        refunded {\n          cents\n          currency\n        }\n        booking {\n          id\n          status\n          ...Refunds_booking\n          ...EmailStatus_booking\n        }\n      }\n      ... on BookingNotCancellableError {\n        reason\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CancelBooking($bookingId: ID!, $accessToken: String) {\n    cancelBooking(bookingId: $bookingId, accessToken: $accessToken) {\n      __typename\n      ... on CancelBookingSuccess {\n        refunded {\n          cents\n          currency\n        }\n        booking {\n          id\n          status\n          ...Refunds_booking\n          ...EmailStatus_booking\n        }\n      }\n      ... on BookingNotCancellableError {\n        reason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CancelConcert_concert on Concert {\n    id\n    name\n    cancellationReason\n    cancellation {\n      ...CancellationProgress_job\n    }\n  }\n"): (typeof documents)["\n  fragment CancelConcert_concert on Concert {\n    id\n    name\n    cancellationReason\n    cancellation {\n      ...CancellationProgress_job\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelConcert($concertId: ID!, $reason: String!) {\n    cancelConcert(concertId: $concertId, reason: $reason) {\n      __typename\n      ... on CancelConcertSuccess {\n        concert {\n          id\n          salesStatus\n          cancelledAt\n          cancellationReason\n          cancellation {\n            ...CancellationProgress_job\n          }\n        }\n      }\n      ... on Error {\n        message\n      }\n      ... on ValidationError {\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CancelConcert($concertId: ID!, $reason: String!) {\n    cancelConcert(concertId: $concertId, reason: $reason) {\n      __typename\n      ... on CancelConcertSuccess {\n        concert {\n          id\n          salesStatus\n          cancelledAt\n          cancellationReason\n          cancellation {\n            ...CancellationProgress_job\n          }\n        }\n      }\n      ... on Error {\n        message\n      }\n      ... on ValidationError {\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CancellationProgress_job on ConcertCancellation {\n    status\n    requestedAt\n    finishedAt\n    total\n    bookingsCancelled\n    refunded {\n      cents\n      currency\n    }\n    lastError\n  }\n"): (typeof documents)["\n  fragment CancellationProgress_job on ConcertCancellation {\n    status\n    requestedAt\n    finishedAt\n    total\n    bookingsCancelled\n    refunded {\n      cents\n      currency\n    }\n    lastError\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CheckoutPanel_booking on Booking {\n    id\n    total {\n      cents\n      currency\n    }\n    concert {\n      id\n    }\n    payments {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  fragment CheckoutPanel_booking on Booking {\n    id\n    total {\n      cents\n      currency\n    }\n    concert {\n      id\n    }\n    payments {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConcertCard_concert on Concert {\n    id\n    name\n    venue\n    startsAt\n    timeZone\n    salesStatus\n    tiers {\n      id\n      price {\n        cents\n        currency\n      }\n      capacity\n      available\n    }\n  }\n"): (typeof documents)["\n  fragment ConcertCard_concert on Concert {\n    id\n    name\n    venue\n    startsAt\n    timeZone\n    salesStatus\n    tiers {\n      id\n      price {\n        cents\n        currency\n      }\n      capacity\n      available\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeySuccess {\n        secret\n        apiKey {\n          id\n        }\n      }\n      ... on ValidationError {\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      __typename\n      ... on CreateApiKeySuccess {\n        secret\n        apiKey {\n          id\n        }\n      }\n      ... on ValidationError {\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DashboardConcert_concert on Concert {\n    id\n    name\n    venue\n    startsAt\n    timeZone\n    tiers {\n      id\n      name\n      capacity\n      available\n    }\n  }\n"): (typeof documents)["\n  fragment DashboardConcert_concert on Concert {\n    id\n    name\n    venue\n    startsAt\n    timeZone\n    tiers {\n      id\n      name\n      capacity\n      available\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DashboardSummary_concert on Concert {\n    id\n    tiers {\n      id\n      capacity\n      available\n    }\n  }\n"): (typeof documents)["\n  fragment DashboardSummary_concert on Concert {\n    id\n    tiers {\n      id\n      capacity\n      available\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EmailStatus_booking on Booking {\n    customerEmail\n    emails {\n      kind\n      delivery\n    }\n  }\n"): (typeof documents)["\n  fragment EmailStatus_booking on Booking {\n    customerEmail\n    emails {\n      kind\n      delivery\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HoldsVsConfirmed_report on SalesAnalytics {\n    holdsVsConfirmed {\n      held\n      confirmed\n      expired\n      cancelled\n    }\n  }\n"): (typeof documents)["\n  fragment HoldsVsConfirmed_report on SalesAnalytics {\n    holdsVsConfirmed {\n      held\n      confirmed\n      expired\n      cancelled\n    }\n  }\n"];
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
export function graphql(source: "\n  query OrderDetail($id: ID!) {\n    booking(id: $id) {\n      id\n      orderCode\n      status\n      customerEmail\n      items {\n        quantity\n        tier {\n          id\n          name\n        }\n      }\n      # Counted here (\"No payments.\"); PaymentHistory draws them.\n      payments {\n        id\n      }\n      ...OrderEmails_booking\n      ...PaymentHistory_booking\n      ...Refunds_booking\n    }\n  }\n"): (typeof documents)["\n  query OrderDetail($id: ID!) {\n    booking(id: $id) {\n      id\n      orderCode\n      status\n      customerEmail\n      items {\n        quantity\n        tier {\n          id\n          name\n        }\n      }\n      # Counted here (\"No payments.\"); PaymentHistory draws them.\n      payments {\n        id\n      }\n      ...OrderEmails_booking\n      ...PaymentHistory_booking\n      ...Refunds_booking\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrderEmails_booking on Booking {\n    emails {\n      kind\n      delivery\n      subject\n      createdAt\n      sentAt\n    }\n  }\n"): (typeof documents)["\n  fragment OrderEmails_booking on Booking {\n    emails {\n      kind\n      delivery\n      subject\n      createdAt\n      sentAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrderRow_booking on Booking {\n    id\n    orderCode\n    customerEmail\n    status\n    createdAt\n    items {\n      quantity\n    }\n    total {\n      cents\n      currency\n    }\n  }\n"): (typeof documents)["\n  fragment OrderRow_booking on Booking {\n    id\n    orderCode\n    customerEmail\n    status\n    createdAt\n    items {\n      quantity\n    }\n    total {\n      cents\n      currency\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrganizerCancelOrder($bookingId: ID!) {\n    cancelBooking(bookingId: $bookingId) {\n      __typename\n      ... on CancelBookingSuccess {\n        refunded {\n          cents\n          currency\n        }\n        booking {\n          id\n          status\n          ...Refunds_booking\n          ...OrderEmails_booking\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OrganizerCancelOrder($bookingId: ID!) {\n    cancelBooking(bookingId: $bookingId) {\n      __typename\n      ... on CancelBookingSuccess {\n        refunded {\n          cents\n          currency\n        }\n        booking {\n          id\n          status\n          ...Refunds_booking\n          ...OrderEmails_booking\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganizerConcertRow_concert on Concert {\n    id\n    name\n    venue\n    startsAt\n    timeZone\n    published\n    salesStatus\n    tiers {\n      id\n      capacity\n      available\n    }\n  }\n"): (typeof documents)["\n  fragment OrganizerConcertRow_concert on Concert {\n    id\n    name\n    venue\n    startsAt\n    timeZone\n    published\n    salesStatus\n    tiers {\n      id\n      capacity\n      available\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PaymentHistory_booking on Booking {\n    payments {\n      id\n      status\n      cardLast4\n      declineCode\n      createdAt\n      amount {\n        cents\n        currency\n      }\n      refunded {\n        cents\n        currency\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment PaymentHistory_booking on Booking {\n    payments {\n      id\n      status\n      cardLast4\n      declineCode\n      createdAt\n      amount {\n        cents\n        currency\n      }\n      refunded {\n        cents\n        currency\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QueueFigures_status on WaitingRoomStatus {\n    enabled\n    drawn\n    waiting\n    admittedThrough\n    lastPlace\n    shopping\n    maxShopping\n    admissionsPerMinute\n    at\n  }\n"): (typeof documents)["\n  fragment QueueFigures_status on WaitingRoomStatus {\n    enabled\n    drawn\n    waiting\n    admittedThrough\n    lastPlace\n    shopping\n    maxShopping\n    admissionsPerMinute\n    at\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RateControl_settings on WaitingRoomSettings {\n    admissionsPerMinute\n  }\n"): (typeof documents)["\n  fragment RateControl_settings on WaitingRoomSettings {\n    admissionsPerMinute\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetWaitingRoomRate($concertId: ID!, $perMinute: Int!) {\n    setWaitingRoomRate(concertId: $concertId, admissionsPerMinute: $perMinute) {\n      __typename\n      ... on WaitingRoomAdmin {\n        settings {\n          ...WaitingRoomSettingsForm_settings\n        }\n        status {\n          concertId\n          admissionsPerMinute\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetWaitingRoomRate($concertId: ID!, $perMinute: Int!) {\n    setWaitingRoomRate(concertId: $concertId, admissionsPerMinute: $perMinute) {\n      __typename\n      ... on WaitingRoomAdmin {\n        settings {\n          ...WaitingRoomSettingsForm_settings\n        }\n        status {\n          concertId\n          admissionsPerMinute\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReleaseHold($bookingId: ID!, $accessToken: String) {\n    releaseHold(bookingId: $bookingId, accessToken: $accessToken) {\n      __typename\n      ... on ReleaseHoldSuccess {\n        booking {\n          id\n          status\n          holdRemainingMs\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReleaseHold($bookingId: ID!, $accessToken: String) {\n    releaseHold(bookingId: $bookingId, accessToken: $accessToken) {\n      __typename\n      ... on ReleaseHoldSuccess {\n        booking {\n          id\n          status\n          holdRemainingMs\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SalesAnalyticsReport_report on SalesAnalytics {\n    ...SalesTotals_report\n    ...SalesOverTimeChart_report\n    ...TierRevenueChart_report\n    ...SellThroughList_report\n    ...HoldsVsConfirmed_report\n  }\n"): (typeof documents)["\n  fragment SalesAnalyticsReport_report on SalesAnalytics {\n    ...SalesTotals_report\n    ...SalesOverTimeChart_report\n    ...TierRevenueChart_report\n    ...SellThroughList_report\n    ...HoldsVsConfirmed_report\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SalesControls_concert on Concert {\n    id\n    published\n    salesStatus\n  }\n"): (typeof documents)["\n  fragment SalesControls_concert on Concert {\n    id\n    published\n    salesStatus\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SalesSwitch_result on ConcertChangeSuccess {\n    concert {\n      id\n      published\n      salesStatus\n    }\n  }\n"): (typeof documents)["\n  fragment SalesSwitch_result on ConcertChangeSuccess {\n    concert {\n      id\n      published\n      salesStatus\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PauseSales($concertId: ID!) {\n    pauseSales(concertId: $concertId) {\n      __typename\n      ...SalesSwitch_result\n    }\n  }\n"): (typeof documents)["\n  mutation PauseSales($concertId: ID!) {\n    pauseSales(concertId: $concertId) {\n      __typename\n      ...SalesSwitch_result\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeSales($concertId: ID!) {\n    resumeSales(concertId: $concertId) {\n      __typename\n      ...SalesSwitch_result\n    }\n  }\n"): (typeof documents)["\n  mutation ResumeSales($concertId: ID!) {\n    resumeSales(concertId: $concertId) {\n      __typename\n      ...SalesSwitch_result\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishConcert($concertId: ID!) {\n    publishConcert(concertId: $concertId) {\n      __typename\n      ...SalesSwitch_result\n    }\n  }\n"): (typeof documents)["\n  mutation PublishConcert($concertId: ID!) {\n    publishConcert(concertId: $concertId) {\n      __typename\n      ...SalesSwitch_result\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnpublishConcert($concertId: ID!) {\n    unpublishConcert(concertId: $concertId) {\n      __typename\n      ...SalesSwitch_result\n    }\n  }\n"): (typeof documents)["\n  mutation UnpublishConcert($concertId: ID!) {\n    unpublishConcert(concertId: $concertId) {\n      __typename\n      ...SalesSwitch_result\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SalesNotice_concert on Concert {\n    salesStatus\n    onSaleAt\n    timeZone\n    cancellationReason\n  }\n"): (typeof documents)["\n  fragment SalesNotice_concert on Concert {\n    salesStatus\n    onSaleAt\n    timeZone\n    cancellationReason\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SalesOverTimeChart_report on SalesAnalytics {\n    overTime {\n      start\n      tickets\n      revenue {\n        cents\n        currency\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment SalesOverTimeChart_report on SalesAnalytics {\n    overTime {\n      start\n      tickets\n      revenue {\n        cents\n        currency\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SalesTotals_report on SalesAnalytics {\n    totals {\n      tickets\n      revenue {\n        cents\n        currency\n      }\n      refunded {\n        cents\n        currency\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment SalesTotals_report on SalesAnalytics {\n    totals {\n      tickets\n      revenue {\n        cents\n        currency\n      }\n      refunded {\n        cents\n        currency\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SellThroughList_report on SalesAnalytics {\n    byTier {\n      tier {\n        id\n        name\n      }\n      ticketsSold\n      held\n      capacity\n      sellThrough\n    }\n  }\n"): (typeof documents)["\n  fragment SellThroughList_report on SalesAnalytics {\n    byTier {\n      tier {\n        id\n        name\n      }\n      ticketsSold\n      held\n      capacity\n      sellThrough\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TierEditor_concert on Concert {\n    id\n    tiers {\n      id\n      ...TierRow_tier\n    }\n  }\n"): (typeof documents)["\n  fragment TierEditor_concert on Concert {\n    id\n    tiers {\n      id\n      ...TierRow_tier\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TierPicker_tier on TicketTier {\n    id\n    name\n    price {\n      cents\n      currency\n    }\n    capacity\n    available\n  }\n"): (typeof documents)["\n  fragment TierPicker_tier on TicketTier {\n    id\n    name\n    price {\n      cents\n      currency\n    }\n    capacity\n    available\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TierRevenueChart_report on SalesAnalytics {\n    byTier {\n      tier {\n        id\n        name\n      }\n      ticketsSold\n      revenue {\n        cents\n        currency\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment TierRevenueChart_report on SalesAnalytics {\n    byTier {\n      tier {\n        id\n        name\n      }\n      ticketsSold\n      revenue {\n        cents\n        currency\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TierRow_tier on TicketTier {\n    id\n    name\n    capacity\n    available\n    price {\n      cents\n      currency\n    }\n  }\n"): (typeof documents)["\n  fragment TierRow_tier on TicketTier {\n    id\n    name\n    capacity\n    available\n    price {\n      cents\n      currency\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTier($id: ID!, $input: UpdateTierInput!) {\n    updateTier(id: $id, input: $input) {\n      __typename\n      ... on TierChangeSuccess {\n        tier {\n          id\n          ...TierRow_tier\n        }\n      }\n      ... on CapacityBelowSoldError {\n        sold\n        held\n        requested\n      }\n      ... on ValidationError {\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTier($id: ID!, $input: UpdateTierInput!) {\n    updateTier(id: $id, input: $input) {\n      __typename\n      ... on TierChangeSuccess {\n        tier {\n          id\n          ...TierRow_tier\n        }\n      }\n      ... on CapacityBelowSoldError {\n        sold\n        held\n        requested\n      }\n      ... on ValidationError {\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WaitingRoomSettingsForm_settings on WaitingRoomSettings {\n    enabled\n    preQueueMinutes\n    admissionsPerMinute\n    maxShopping\n    admissionMinutes\n  }\n"): (typeof documents)["\n  fragment WaitingRoomSettingsForm_settings on WaitingRoomSettings {\n    enabled\n    preQueueMinutes\n    admissionsPerMinute\n    maxShopping\n    admissionMinutes\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfigureWaitingRoom($concertId: ID!, $input: WaitingRoomSettingsInput!) {\n    configureWaitingRoom(concertId: $concertId, input: $input) {\n      __typename\n      ... on WaitingRoomAdmin {\n        settings {\n          ...WaitingRoomSettingsForm_settings\n        }\n        status {\n          concertId\n          enabled\n          admissionsPerMinute\n          maxShopping\n        }\n      }\n      ... on ValidationError {\n        field\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfigureWaitingRoom($concertId: ID!, $input: WaitingRoomSettingsInput!) {\n    configureWaitingRoom(concertId: $concertId, input: $input) {\n      __typename\n      ... on WaitingRoomAdmin {\n        settings {\n          ...WaitingRoomSettingsForm_settings\n        }\n        status {\n          concertId\n          enabled\n          admissionsPerMinute\n          maxShopping\n        }\n      }\n      ... on ValidationError {\n        field\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Account {\n    viewer {\n      email\n      emailVerified\n      role\n    }\n  }\n"): (typeof documents)["\n  query Account {\n    viewer {\n      email\n      emailVerified\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys {\n    apiKeys {\n      id\n      ...ApiKeyRow_apiKey\n    }\n  }\n"): (typeof documents)["\n  query ApiKeys {\n    apiKeys {\n      id\n      ...ApiKeyRow_apiKey\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Booking($id: ID!, $accessToken: String) {\n    viewer {\n      ...BookingUnavailable_viewer\n    }\n    booking(id: $id, accessToken: $accessToken) {\n      id\n      status\n      holdRemainingMs\n      concert {\n        id\n        startsAt\n      }\n      # The last payment's status: the page polls while it is being decided.\n      payments {\n        id\n        status\n      }\n      ...Refunds_booking\n      ...BookingSummary_booking\n      ...CheckoutPanel_booking\n      ...EmailStatus_booking\n      ...PaymentHistory_booking\n    }\n  }\n"): (typeof documents)["\n  query Booking($id: ID!, $accessToken: String) {\n    viewer {\n      ...BookingUnavailable_viewer\n    }\n    booking(id: $id, accessToken: $accessToken) {\n      id\n      status\n      holdRemainingMs\n      concert {\n        id\n        startsAt\n      }\n      # The last payment's status: the page polls while it is being decided.\n      payments {\n        id\n        status\n      }\n      ...Refunds_booking\n      ...BookingSummary_booking\n      ...CheckoutPanel_booking\n      ...EmailStatus_booking\n      ...PaymentHistory_booking\n    }\n  }\n"];
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
export function graphql(source: "\n  query Concert($id: ID!) {\n    concert(id: $id) {\n      id\n      name\n      venue\n      startsAt\n      timeZone\n      waitingRoom {\n        enabled\n      }\n      ...BookingForm_concert\n    }\n  }\n"): (typeof documents)["\n  query Concert($id: ID!) {\n    concert(id: $id) {\n      id\n      name\n      venue\n      startsAt\n      timeZone\n      waitingRoom {\n        enabled\n      }\n      ...BookingForm_concert\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConcertAvailability($concertId: ID!) {\n    availabilityChanged(concertId: $concertId) {\n      id\n      available\n      capacity\n      # Pausing, resuming and sell-outs reach open pages on this stream too; the concert is\n      # written into the cache under its id, so the booking form opens or closes at once.\n      concert {\n        id\n        salesStatus\n        onSaleAt\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ConcertAvailability($concertId: ID!) {\n    availabilityChanged(concertId: $concertId) {\n      id\n      available\n      capacity\n      # Pausing, resuming and sell-outs reach open pages on this stream too; the concert is\n      # written into the cache under its id, so the booking form opens or closes at once.\n      concert {\n        id\n        salesStatus\n        onSaleAt\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  query OrganizerConcert($id: ID!) {\n    concert(id: $id) {\n      id\n      name\n      venue\n      timeZone\n      startsAt\n      onSaleAt\n      maxTicketsPerOrder\n      maxTicketsPerCustomer\n      holdMinutes\n      cancellation {\n        status\n      }\n      ...SalesControls_concert\n      ...TierEditor_concert\n      ...CancelConcert_concert\n    }\n  }\n"): (typeof documents)["\n  query OrganizerConcert($id: ID!) {\n    concert(id: $id) {\n      id\n      name\n      venue\n      timeZone\n      startsAt\n      onSaleAt\n      maxTicketsPerOrder\n      maxTicketsPerCustomer\n      holdMinutes\n      cancellation {\n        status\n      }\n      ...SalesControls_concert\n      ...TierEditor_concert\n      ...CancelConcert_concert\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateConcert($id: ID!, $input: UpdateConcertInput!) {\n    updateConcert(id: $id, input: $input) {\n      __typename\n      ... on ConcertChangeSuccess {\n        concert {\n          id\n          name\n          venue\n          timeZone\n          startsAt\n          onSaleAt\n          maxTicketsPerOrder\n          salesStatus\n        }\n      }\n      ... on Error {\n        message\n      }\n      ... on ValidationError {\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateConcert($id: ID!, $input: UpdateConcertInput!) {\n    updateConcert(id: $id, input: $input) {\n      __typename\n      ... on ConcertChangeSuccess {\n        concert {\n          id\n          name\n          venue\n          timeZone\n          startsAt\n          onSaleAt\n          maxTicketsPerOrder\n          salesStatus\n        }\n      }\n      ... on Error {\n        message\n      }\n      ... on ValidationError {\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyBookingsViewer {\n    viewer {\n      email\n      emailVerified\n    }\n  }\n"): (typeof documents)["\n  query MyBookingsViewer {\n    viewer {\n      email\n      emailVerified\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyBookings($first: Int!, $after: String) {\n    myBookings(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...MyBookingRow_booking\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyBookings($first: Int!, $after: String) {\n    myBookings(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...MyBookingRow_booking\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateConcert($input: CreateConcertInput!) {\n    createConcert(input: $input) {\n      __typename\n      ... on ConcertChangeSuccess {\n        concert {\n          id\n        }\n      }\n      ... on ValidationError {\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateConcert($input: CreateConcertInput!) {\n    createConcert(input: $input) {\n      __typename\n      ... on ConcertChangeSuccess {\n        concert {\n          id\n        }\n      }\n      ... on ValidationError {\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Orders($concertId: ID!, $search: String, $status: [BookingStatus!], $createdFrom: DateTime, $createdTo: DateTime, $first: Int, $after: String) {\n    concert(id: $concertId) {\n      id\n      name\n    }\n    orders(concertId: $concertId, search: $search, status: $status, createdFrom: $createdFrom, createdTo: $createdTo, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          ...OrderRow_booking\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Orders($concertId: ID!, $search: String, $status: [BookingStatus!], $createdFrom: DateTime, $createdTo: DateTime, $first: Int, $after: String) {\n    concert(id: $concertId) {\n      id\n      name\n    }\n    orders(concertId: $concertId, search: $search, status: $status, createdFrom: $createdFrom, createdTo: $createdTo, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          ...OrderRow_booking\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizerViewer {\n    viewer {\n      email\n      role\n    }\n  }\n"): (typeof documents)["\n  query OrganizerViewer {\n    viewer {\n      email\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizerConcerts {\n    concerts(first: 100, mine: true) {\n      edges {\n        node {\n          id\n          ...OrganizerConcertRow_concert\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizerConcerts {\n    concerts(first: 100, mine: true) {\n      edges {\n        node {\n          id\n          ...OrganizerConcertRow_concert\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SalesAnalyticsPage($concertId: ID!, $from: DateTime, $to: DateTime, $bucket: SalesBucket!) {\n    concert(id: $concertId) {\n      id\n      name\n      timeZone\n      salesStatus\n    }\n    salesAnalytics(concertId: $concertId, from: $from, to: $to, bucket: $bucket) {\n      ...SalesAnalyticsReport_report\n    }\n  }\n"): (typeof documents)["\n  query SalesAnalyticsPage($concertId: ID!, $from: DateTime, $to: DateTime, $bucket: SalesBucket!) {\n    concert(id: $concertId) {\n      id\n      name\n      timeZone\n      salesStatus\n    }\n    salesAnalytics(concertId: $concertId, from: $from, to: $to, bucket: $bucket) {\n      ...SalesAnalyticsReport_report\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SalesAnalyticsLive($concertId: ID!, $bucket: SalesBucket!) {\n    salesAnalyticsChanged(concertId: $concertId, bucket: $bucket) {\n      ...SalesAnalyticsReport_report\n    }\n  }\n"): (typeof documents)["\n  subscription SalesAnalyticsLive($concertId: ID!, $bucket: SalesBucket!) {\n    salesAnalyticsChanged(concertId: $concertId, bucket: $bucket) {\n      ...SalesAnalyticsReport_report\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizerQueue($id: ID!) {\n    concert(id: $id) {\n      id\n      name\n    }\n    waitingRoomAdmin(concertId: $id) {\n      settings {\n        ...RateControl_settings\n        ...WaitingRoomSettingsForm_settings\n      }\n      status {\n        concertId\n        ...QueueFigures_status\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizerQueue($id: ID!) {\n    concert(id: $id) {\n      id\n      name\n    }\n    waitingRoomAdmin(concertId: $id) {\n      settings {\n        ...RateControl_settings\n        ...WaitingRoomSettingsForm_settings\n      }\n      status {\n        concertId\n        ...QueueFigures_status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OrganizerQueueStatus($concertId: ID!) {\n    waitingRoomStatusChanged(concertId: $concertId) {\n      concertId\n      ...QueueFigures_status\n    }\n  }\n"): (typeof documents)["\n  subscription OrganizerQueueStatus($concertId: ID!) {\n    waitingRoomStatusChanged(concertId: $concertId) {\n      concertId\n      ...QueueFigures_status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WaitingRoomConcert($id: ID!) {\n    concert(id: $id) {\n      id\n      name\n      venue\n      startsAt\n      timeZone\n      waitingRoom {\n        admissionMinutes\n      }\n    }\n  }\n"): (typeof documents)["\n  query WaitingRoomConcert($id: ID!) {\n    concert(id: $id) {\n      id\n      name\n      venue\n      startsAt\n      timeZone\n      waitingRoom {\n        admissionMinutes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JoinWaitingRoom($concertId: ID!) {\n    joinWaitingRoom(concertId: $concertId) {\n      __typename\n      ... on QueueTicket {\n        id\n        place\n        status\n        admissionToken\n        admissionExpiresAt\n      }\n      ... on WaitingRoomClosedError {\n        reason\n        opensAt\n        message\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation JoinWaitingRoom($concertId: ID!) {\n    joinWaitingRoom(concertId: $concertId) {\n      __typename\n      ... on QueueTicket {\n        id\n        place\n        status\n        admissionToken\n        admissionExpiresAt\n      }\n      ... on WaitingRoomClosedError {\n        reason\n        opensAt\n        message\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WaitingRoom_status on WaitingRoomStatus {\n    enabled\n    drawn\n    admittedThrough\n    lastPlace\n    admissionsPerMinute\n    waiting\n    shopping\n    maxShopping\n    opensAt\n    drawsAt\n    at\n  }\n"): (typeof documents)["\n  fragment WaitingRoom_status on WaitingRoomStatus {\n    enabled\n    drawn\n    admittedThrough\n    lastPlace\n    admissionsPerMinute\n    waiting\n    shopping\n    maxShopping\n    opensAt\n    drawsAt\n    at\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyQueueTicket($concertId: ID!) {\n    myQueueTicket(concertId: $concertId) {\n      id\n      place\n      status\n      admissionToken\n      admissionExpiresAt\n    }\n    waitingRoomStatus(concertId: $concertId) {\n      concertId\n      ...WaitingRoom_status\n    }\n  }\n"): (typeof documents)["\n  query MyQueueTicket($concertId: ID!) {\n    myQueueTicket(concertId: $concertId) {\n      id\n      place\n      status\n      admissionToken\n      admissionExpiresAt\n    }\n    waitingRoomStatus(concertId: $concertId) {\n      concertId\n      ...WaitingRoom_status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WaitingRoomStatus($concertId: ID!) {\n    waitingRoomStatusChanged(concertId: $concertId) {\n      concertId\n      ...WaitingRoom_status\n    }\n  }\n"): (typeof documents)["\n  subscription WaitingRoomStatus($concertId: ID!) {\n    waitingRoomStatusChanged(concertId: $concertId) {\n      concertId\n      ...WaitingRoom_status\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;