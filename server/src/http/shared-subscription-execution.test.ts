import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { useSharedSubscriptionExecution } from './shared-subscription-execution.ts';

interface Context {
  viewer: string;
}

/**
 * A schema whose subscription field answers differently per viewer, fed by one source that hands
 * the same event object to every subscriber, as the availability feed does.
 */
function createTicker(viewerKey: (context: Context) => string | null) {
  const sources = new Set<(event: object) => void>();
  let executions = 0;
  const schema = createSchema<Context>({
    typeDefs: /* GraphQL */ `
      type Query { ok: Boolean }
      type Tick { n: Int!, seenBy: String! }
      type Subscription { tick: Tick! }
    `,
    resolvers: {
      Subscription: {
        tick: {
          subscribe: () => source(),
          resolve: (event: object) => event,
        },
      },
      Tick: {
        seenBy: (_tick: object, _args: unknown, context: Context) => {
          executions += 1;
          return context.viewer;
        },
      },
    },
  });

  function source(): AsyncIterableIterator<object> {
    const pending: object[] = [];
    let wake = () => {};
    const push = (event: object) => {
      pending.push(event);
      wake();
    };
    sources.add(push);
    return (async function* () {
      try {
        for (;;) {
          while (pending.length > 0) yield pending.shift()!;
          await new Promise<void>((resolve) => (wake = resolve));
        }
      } finally {
        sources.delete(push);
      }
    })();
  }

  const yoga = createYoga<Context>({
    schema,
    context: (initial) => ({ viewer: initial.viewer }),
    plugins: [useSharedSubscriptionExecution<Context>({ viewerKey })],
  });

  /** Subscribes the way graphql-ws does: through yoga.getEnveloped, with the viewer's context. */
  async function subscribeAs(viewer: string) {
    const { parse, subscribe, contextFactory, schema: enveloped } = yoga.getEnveloped({ viewer });
    const document = parse(/* GraphQL */ `subscription Tick { tick { n seenBy } }`);
    const stream = await subscribe({ schema: enveloped, document, operationName: 'Tick', contextValue: await contextFactory() });
    return stream as AsyncIterableIterator<{ data: { tick: { n: number; seenBy: string } } }>;
  }

  return {
    subscribeAs,
    /** One event object for every subscriber. */
    publish: (event: object) => sources.forEach((push) => push(event)),
    get executions() {
      return executions;
    },
  };
}

describe('shared subscription execution', () => {
  it('gives each viewer its own result, and executes once for subscribers who are the same viewer', async () => {
    const ticker = createTicker((context) => context.viewer);
    const streams = await Promise.all(['alice', 'alice', 'bob'].map((viewer) => ticker.subscribeAs(viewer)));
    const next = streams.map((stream) => stream.next());
    ticker.publish({ n: 1 });

    const seen = (await Promise.all(next)).map((result) => result.value.data.tick);
    expect(seen).toEqual([
      { n: 1, seenBy: 'alice' },
      { n: 1, seenBy: 'alice' },
      { n: 1, seenBy: 'bob' },
    ]);
    expect(ticker.executions).toBe(2);
    await Promise.all(streams.map((stream) => stream.return?.()));
  });

  it('executes per subscriber for a viewer key of null', async () => {
    const ticker = createTicker(() => null);
    const streams = await Promise.all(['alice', 'alice'].map((viewer) => ticker.subscribeAs(viewer)));
    const next = streams.map((stream) => stream.next());
    ticker.publish({ n: 2 });
    expect((await Promise.all(next)).map((result) => result.value.data.tick.seenBy)).toEqual(['alice', 'alice']);
    expect(ticker.executions).toBe(2);
    await Promise.all(streams.map((stream) => stream.return?.()));
  });
});
