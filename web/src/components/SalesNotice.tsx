import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import { salesNotice } from '../booking/salesStatus';

export const SalesNoticeFragment = graphql(/* GraphQL */ `
  fragment SalesNotice_concert on Concert {
    salesStatus
    onSaleAt
    timeZone
    cancellationReason
  }
`);

/** Why tickets cannot be held now (paused, not yet, sold out, over); announced when it changes live. */
export function SalesNotice(props: { concert: FragmentType<typeof SalesNoticeFragment> }) {
  const notice = salesNotice(useFragment(SalesNoticeFragment, props.concert));
  return (
    <div id="sales-notice" role="status" aria-live="polite" data-testid="sales-notice">
      {notice ? (
        <div className="notice sales-notice">
          <p className="sales-notice__title">
            <strong>{notice.title}</strong>
          </p>
          <p>{notice.detail}</p>
        </div>
      ) : null}
    </div>
  );
}
