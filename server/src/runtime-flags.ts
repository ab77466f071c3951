/**
 * V8 flags the server runs with, wherever it is started: `npm start` (server/package.json, checked
 * by runtime-flags.test.ts), the Dockerfile (through `npm start`), cluster workers (which inherit
 * the primary's flags) and every spawned server of the tests and the bench (dev/server-process.ts).
 *
 * A 32 MB semi-space instead of V8's 16 MB: with 64 requests in flight, a small young generation
 * is scavenged while most of their objects are still alive, so they are copied, some twice, and
 * promoted. Measured in the bench (hot tier, interleaved with the default): 12 % less server CPU per
 * booking; 64 MB gained nothing more. It costs at most 3 × 16 MB more memory per process.
 */
export const SERVER_V8_FLAGS = ['--max-semi-space-size=32'] as const;
