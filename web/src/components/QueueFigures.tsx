import { graphql } from '../gql/gql';
import { useFragment, type FragmentType } from '../gql/fragment-masking';
import { formatTime } from '../lib/format';

// Spread by the organizer's query and by its subscription, whose ticks replace the query's figures.
export const QueueFiguresFragment = graphql(/* GraphQL */ `
  fragment QueueFigures_status on WaitingRoomStatus {
    enabled
    drawn
    waiting
    admittedThrough
    lastPlace
    shopping
    maxShopping
    admissionsPerMinute
    at
  }
`);

/** The line as of the last tick, pushed live; the organizer reads it, nothing here is clickable. */
export function QueueFigures(props: { status: FragmentType<typeof QueueFiguresFragment> }) {
  const status = useFragment(QueueFiguresFragment, props.status);
  const full = status.shopping >= status.maxShopping;
  const figures: [string, string, string][] = [
    ['Waiting', status.waiting.toLocaleString('en-US'), 'queue-waiting'],
    ['Admitted', status.admittedThrough.toLocaleString('en-US'), 'queue-admitted'],
    ['Shopping now', `${status.shopping.toLocaleString('en-US')} / ${status.maxShopping.toLocaleString('en-US')}`, 'queue-shopping'],
    ['Admission rate', `${status.admissionsPerMinute.toLocaleString('en-US')} / min`, 'queue-rate'],
  ];
  return (
    <div className="card queue-figures" role="group" aria-labelledby="queue-figures-title">
      <h2 id="queue-figures-title">Live queue</h2>
      <dl className="queue-figures__list">
        {figures.map(([label, value, testId]) => (
          <div key={label} className="queue-figures__item">
            <dt>{label}</dt>
            <dd data-testid={testId}>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="queue-figures__note">
        {!status.enabled
          ? 'The room is off: shoppers buy directly, and everyone keeps their place for when it is on again.'
          : !status.drawn
            ? 'Pre-queue: places are drawn at random when tickets go on sale.'
            : full
              ? 'Admission is paused: the shopping cap is reached.'
              : `${status.lastPlace.toLocaleString('en-US')} places given so far.`}{' '}
        As of <time dateTime={status.at}>{formatTime(status.at)}</time>.
      </p>
    </div>
  );
}
