import { Link } from 'react-router';
import { formatTime } from '../lib/format';
import { describeWait, type QueueStanding } from '../waiting-room/queuePosition';
import { PositionAnnouncer } from './PositionAnnouncer';
import { QueueProgress } from './QueueProgress';

interface Props {
  concertId: string;
  standing: QueueStanding;
  /** How long an admission lasts; null when the page does not know. */
  admissionMinutes: number | null;
  waitingCount: number | null;
}

const minutes = (count: number) => `${count} ${count === 1 ? 'minute' : 'minutes'}`;

/** Where the shopper stands and what happens next; draws the standing worked out by queuePosition.ts. */
export function WaitingRoomPanel({ concertId, standing, admissionMinutes, waitingCount }: Props) {
  const concertPath = `/concerts/${encodeURIComponent(concertId)}`;
  return (
    <div className="card waiting-room" data-testid="waiting-room" data-standing={standing.kind}>
      <Standing standing={standing} concertPath={concertPath} waitingCount={waitingCount} />
      {standing.kind === 'beforeDraw' || standing.kind === 'placing' || standing.kind === 'waiting' ? (
        <div className="waiting-room__next">
          <h2>What happens next</h2>
          <p>
            When it’s your turn you’ll go to checkout automatically
            {admissionMinutes ? (
              <>
                ; you’ll have <strong>{minutes(admissionMinutes)}</strong> to choose and hold your tickets
              </>
            ) : null}
            . Keep this page open. Reloading it, or coming back on this device, keeps your place.
          </p>
        </div>
      ) : null}
    </div>
  );
}

function Standing({ standing, concertPath, waitingCount }: { standing: QueueStanding; concertPath: string; waitingCount: number | null }) {
  switch (standing.kind) {
    case 'beforeDraw':
      return (
        <>
          <h2>You’re in the waiting room</h2>
          <p data-testid="queue-draw">
            {standing.drawsAt ? (
              <>
                The line is drawn at <strong>{formatTime(standing.drawsAt)}</strong>, when tickets go on sale.
              </>
            ) : (
              'The line is drawn when tickets go on sale.'
            )}{' '}
            Everyone here by then gets a random place, so arriving earlier gives no advantage.
          </p>
          {waitingCount ? <p>{waitingCount === 1 ? '1 person is waiting.' : `${waitingCount.toLocaleString('en-US')} people are waiting.`}</p> : null}
        </>
      );
    case 'placing':
      return (
        <p role="status" className="waiting-room__placing">
          Finding your place in line…
        </p>
      );
    case 'waiting': {
      const waitText = describeWait(standing.waitMinutes);
      return (
        <>
          <p className="waiting-room__position">
            Your position in line
            <strong data-testid="queue-position">{standing.position.toLocaleString('en-US')}</strong>
          </p>
          <p data-testid="queue-estimate">
            Estimated wait: <strong>{waitText}</strong>. This is an estimate: admission slows down while many people are shopping.
          </p>
          {standing.paused ? (
            <p className="notice" data-testid="queue-paused">
              Admission is paused for a moment because the shop is full. It resumes as shoppers finish.
            </p>
          ) : null}
          <QueueProgress progress={standing.progress} position={standing.position} />
          <p className="waiting-room__place">Your place: #{standing.place.toLocaleString('en-US')}</p>
          <PositionAnnouncer position={standing.position} waitText={waitText} />
        </>
      );
    }
    case 'admitted':
      return (
        <p role="status" className="waiting-room__admitted">
          It’s your turn! Taking you to checkout…
        </p>
      );
    case 'used':
      return (
        <>
          <h2>You’ve used your admission</h2>
          <p>
            Your admission was spent on an order, perhaps in another tab. Its confirmation is on its way to your email. <Link to="/my-bookings">Your bookings</Link>
          </p>
        </>
      );
    case 'expired':
      return (
        <>
          <h2>Your admission expired</h2>
          <p>
            Your turn came, but the time to hold tickets ran out, so nothing was held. Each shopper is admitted once per on-sale.{' '}
            <Link to="/">See other concerts</Link>
          </p>
        </>
      );
    case 'off':
      return (
        <>
          <h2>The waiting room is closed</h2>
          <p>
            Tickets for this concert are sold without a queue now. <Link to={concertPath}>Choose your tickets</Link>
          </p>
        </>
      );
  }
}
