import { afterEach, describe, expect, it, vi } from 'vitest';
import { RepeatingJob } from './repeating-job.ts';

afterEach(() => {
  vi.useRealTimers();
});

/** When each run of a 60 ms job started, over the first second, at an interval of 100 ms. */
async function startsOf(pace: 'afterRun' | 'fromStart') {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  const origin = performance.now();
  const starts: number[] = [];
  const job = new RepeatingJob(
    'test',
    100,
    () => {
      starts.push(Math.round(performance.now() - origin));
      return new Promise((resolve) => setTimeout(resolve, 60));
    },
    undefined,
    pace,
  );
  job.start();
  await vi.advanceTimersByTimeAsync(1_000);
  const stopping = job.stop();
  await vi.advanceTimersByTimeAsync(100);
  await stopping;
  return starts;
}

describe('RepeatingJob', () => {
  it('rests the interval between runs by default', async () => {
    expect(await startsOf('afterRun')).toEqual([100, 260, 420, 580, 740, 900]);
  });

  it('starts runs every interval, as a clock ticks, when asked to', async () => {
    expect(await startsOf('fromStart')).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
  });
});
