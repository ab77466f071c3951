/** The share of the line ahead already admitted, as an accessible progress bar. */
export function QueueProgress({ progress, position }: { progress: number; position: number }) {
  // At position 1 nobody is ahead: all of the line ahead is through, so the bar is full and the
  // caption says so in words, not as the 0% that admittedThrough / place works out to.
  const next = position === 1;
  const shown = next ? 100 : progress;
  const ahead = position - 1;
  const aheadText = `${ahead.toLocaleString('en-US')} ${ahead === 1 ? 'person' : 'people'} ahead of you`;
  return (
    <div className="queue-progress">
      <div
        className="queue-progress__track"
        role="progressbar"
        aria-label="Your progress through the line"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={shown}
        aria-valuetext={next ? 'You are next.' : `${progress}% of the line ahead of you admitted. ${aheadText}.`}
      >
        <div className="queue-progress__bar" style={{ width: `${Math.max(shown, 2)}%` }} />
      </div>
      <p className="queue-progress__caption" aria-hidden="true" data-testid="queue-progress-caption">
        {next ? 'You’re next' : `${progress}% of the line ahead of you is through`}
      </p>
    </div>
  );
}
