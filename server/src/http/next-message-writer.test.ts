import type { ExecutionResult } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { createNextWriter } from './next-message-writer.ts';

/** What createNextWriter uses of a ws socket; `flush()` plays the kernel taking the buffered bytes. */
function fakeSocket() {
  const sent: string[] = [];
  const callbacks: (() => void)[] = [];
  const socket = {
    readyState: WebSocket.OPEN as number,
    bufferedAmount: 0,
    send(data: string, callback: () => void) {
      sent.push(data);
      callbacks.push(callback);
    },
    flush() {
      socket.bufferedAmount = 0;
      for (const callback of callbacks.splice(0)) callback();
    },
  };
  return { socket, sent, asWebSocket: socket as unknown as WebSocket };
}

const result: ExecutionResult = { data: { availabilityChanged: { id: 'VGllcjox', available: 3 } } };

describe('createNextWriter', () => {
  it('frames a shared result for each subscription id exactly as graphql-ws stringifies it', () => {
    const { sent, asWebSocket } = fakeSocket();
    for (const id of ['1', 'a "quoted" id']) createNextWriter(asWebSocket, id).write(result);
    expect(sent).toEqual([
      JSON.stringify({ id: '1', type: 'next', payload: result }),
      JSON.stringify({ id: 'a "quoted" id', type: 'next', payload: result }),
    ]);
  });

  it('refuses a result with errors, so graphql-ws formats it, and drops one for a socket no longer open', () => {
    const { socket, sent, asWebSocket } = fakeSocket();
    const writer = createNextWriter(asWebSocket, '1');
    expect(writer.write({ errors: [] } as unknown as ExecutionResult)).toBe(false);
    socket.readyState = WebSocket.CLOSING;
    expect(writer.write(result)).toBe(true);
    expect(sent).toEqual([]);
  });

  it('is busy while the kernel has not taken a write, and says when it has', () => {
    const { socket, asWebSocket } = fakeSocket();
    const writer = createNextWriter(asWebSocket, '1');
    writer.write(result);
    // Taken at once: nothing buffered, though the write's callback has not run yet.
    expect(writer.busy).toBe(false);
    socket.bufferedAmount = 120;
    writer.write(result);
    expect(writer.busy).toBe(true);
    const drained = vi.fn();
    writer.whenWritten(drained);
    expect(drained).not.toHaveBeenCalled();
    socket.flush();
    expect(drained).toHaveBeenCalledTimes(1);
    expect(writer.busy).toBe(false);
  });
});
