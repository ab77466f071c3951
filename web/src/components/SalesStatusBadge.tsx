import type { SalesStatus } from '../booking/salesStatus';

const WORDS: Record<SalesStatus, string> = {
  ON_SALE: 'On sale',
  PAUSED: 'Paused',
  NOT_YET_ON_SALE: 'Not yet on sale',
  SOLD_OUT: 'Sold out',
  ENDED: 'Ended',
  CANCELLED: 'Cancelled',
};

export function SalesStatusBadge(props: { status: SalesStatus }) {
  return <span className={`tag tag--${props.status.toLowerCase().replace(/_/g, '-')}`}>{WORDS[props.status]}</span>;
}
