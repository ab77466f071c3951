import { afterEach, beforeEach, expect, vi } from 'vitest';
import { cleanup } from '@testing-library/react';

// A React or Apollo warning (act(), missing fields, unmatched fragments) is a
// bug the shopper would not see; fail the test that caused it.
let consoleProblems: unknown[][] = [];
beforeEach(() => {
  consoleProblems = [];
  for (const level of ['error', 'warn'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      consoleProblems.push([level, ...args]);
    });
  }
});

// Vitest runs without globals, so Testing Library cannot register this itself.
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  expect(consoleProblems, 'console errors or warnings during the test').toEqual([]);
});
