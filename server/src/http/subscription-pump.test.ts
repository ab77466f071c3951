import type { ExecutionResult } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { LatestTierQueue } from '../events/latest-tier-queue.ts';
import type { TierRow } from '../events/tier-row.ts';
import type { NextWriter } from './next-message-writer.ts';
import { pumpToWriter, type SharedResult } from './subscription-pump.ts';

const row = (id: string, available: number) => ({ id, available }) as TierRow;
const settled = (value: ExecutionResult): SharedResult => ({ value, promise: Promise.resolve(value), whenSettled: (callback) => callback() });
const resultOf = (tier: TierRow) => settled({ data: { availabilityChanged: { id: tier.id, available: tier.available } } });
const availableOf = (result: ExecutionResult) => (result.data as { availabilityChanged: { available: number } }).availabilityChanged.available;

/** A writer that records what it wrote and can pretend the socket is slow or broken. */
function fakeWriter() {
  const written: ExecutionResult[] = [];
  let drained: (() => void) | null = null;
  const writer = {
    busy: false,
    fail: false,
    write(result: ExecutionResult) {
      if (writer.fail) throw new Error('socket broke');
      if (result.errors) return false;
      written.push(result);
      return true;
    },
    whenWritten(callback: () => void) {
      drained = callback;
    },
    /** The socket drained: resume the pump. */
    drain() {
      writer.busy = false;
      drained?.();
    },
  };
  return { writer: writer as NextWriter & typeof writer, written };
}

describe('pumpToWriter', () => {
  it('writes each change in the loop that pushed it, with no promise per subscriber', () => {
    const queue = new LatestTierQueue(() => {});
    const { writer, written } = fakeWriter();
    pumpToWriter(queue, writer, resultOf);
    queue.push([row('a', 9), row('b', 4)]);
    expect(written.map(availableOf)).toEqual([9, 4]);
  });

  it('takes nothing while the socket has not drained, then only the newest row of each tier', () => {
    const queue = new LatestTierQueue(() => {});
    const { writer, written } = fakeWriter();
    pumpToWriter(queue, writer, resultOf);
    queue.push([row('a', 9)]);
    writer.busy = true;
    queue.push([row('a', 8)]);
    queue.push([row('b', 4)]);
    queue.push([row('a', 7)]);
    expect(written.map(availableOf)).toEqual([9]);
    writer.drain();
    expect(written.map(availableOf)).toEqual([9, 4, 7]);
  });

  it('waits for an execution that is not synchronous, keeps the order, and writes every waiting subscriber at once', () => {
    const waiting: (() => void)[] = [];
    const slow: SharedResult = { promise: new Promise(() => {}), whenSettled: (callback) => waiting.push(callback) };
    const subscribers = [fakeWriter(), fakeWriter()].map(({ writer, written }) => {
      const queue = new LatestTierQueue(() => {});
      pumpToWriter(queue, writer, (tier) => (tier.available === 9 ? slow : resultOf(tier)));
      return { queue, written };
    });
    for (const { queue } of subscribers) {
      queue.push([row('a', 9)]);
      queue.push([row('b', 4)]);
    }
    expect(subscribers.map(({ written }) => written)).toEqual([[], []]);
    slow.value = resultOf(row('a', 9)).value;
    for (const callback of waiting) callback();
    for (const { written } of subscribers) expect(written.map(availableOf)).toEqual([9, 4]);
  });

  it('hands a result with errors to graphql-ws and takes no more until graphql-ws asks again', async () => {
    const queue = new LatestTierQueue(() => {});
    const { writer, written } = fakeWriter();
    const failed = { errors: [{ message: 'Unexpected error.' }] } as unknown as ExecutionResult;
    const stream = pumpToWriter(queue, writer, (tier) => (tier.id === 'x' ? settled(failed) : resultOf(tier)));
    queue.push([row('x', 0), row('a', 9)]);
    expect(await stream.next()).toEqual({ done: false, value: failed });
    expect(written).toEqual([]);
    const after = stream.next();
    expect(written.map(availableOf)).toEqual([9]);
    await stream.return!();
    expect(await after).toEqual({ done: true, value: undefined });
  });

  it('leaves the feed at once on return(): no more writes, the queue is closed', async () => {
    const onClose = vi.fn();
    const queue = new LatestTierQueue(onClose);
    const { writer, written } = fakeWriter();
    const stream = pumpToWriter(queue, writer, resultOf);
    const waiting = stream.next();
    await stream.return!();
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(onClose).toHaveBeenCalledTimes(1);
    queue.push([row('a', 1)]);
    expect(written).toEqual([]);
  });

  it('fails only its own subscription when its socket throws, so the feed goes on to the others', async () => {
    const broken = fakeWriter();
    const healthy = fakeWriter();
    broken.writer.fail = true;
    const queues = [new LatestTierQueue(() => {}), new LatestTierQueue(() => {})];
    const brokenStream = pumpToWriter(queues[0], broken.writer, resultOf);
    pumpToWriter(queues[1], healthy.writer, resultOf);
    for (const queue of queues) queue.push([row('a', 5)]);
    expect(healthy.written.map(availableOf)).toEqual([5]);
    await expect(brokenStream.next()).rejects.toThrow('socket broke');
    expect(queues[0].closed).toBe(true);
  });
});
