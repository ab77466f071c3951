/** The share of the line ahead already admitted, as an accessible progress bar. */
export function QueueProgress({ progress, position }: { progress: number; position: number }) {
  const label = position === 1 ? 'You are next' : `${position.toLocaleString('en-US')} ahead of you`;
  return (
    <div className="queue-progress">
      <div
        className="queue-progress__track"
        role="progressbar"
        aria-label="Your progress through the line"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress}
        aria-valuetext={`${progress}% of the line ahead of you admitted. ${label}.`}
      >
        <div className="queue-progress__bar" style={{ width: `${Math.max(progress, 2)}%` }} />
      </div>
      <p className="queue-progress__caption" aria-hidden="true">
        {progress}% of the line ahead of you is through
      </p>
    </div>
  );
}
