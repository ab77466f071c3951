// CPU of the processes under test, read from /proc, so the report can show where the
// two cores went: server, Postgres, or the load generator itself.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces; fields after it are space separated.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

export function parentPid(pid: number): number {
  return Number(statFields(pid)?.[1] ?? 0);
}

/** CPU seconds (user + system) used so far by one process. */
export function cpuSeconds(pid: number): number {
  const fields = statFields(pid);
  if (!fields) return 0;
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/**
 * CPU seconds of a process and its direct children (Postgres: the postmaster and its backends),
 * including children that have exited since (their time is in the parent's cutime/cstime).
 */
export function treeCpuSeconds(pid: number): number {
  const fields = statFields(pid);
  if (!fields) return 0;
  let total = (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = Number(entry);
    if (parentPid(child) === pid) total += cpuSeconds(child);
  }
  return total;
}

/** Resident memory of a process and its direct children (a cluster primary and its workers), in bytes. */
export function treeRssBytes(pid: number): number {
  const rss = (of: number) => {
    try {
      return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${of}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {
      return 0;
    }
  };
  let total = rss(pid);
  for (const entry of readdirSync('/proc')) {
    if (/^\d+$/.test(entry) && parentPid(Number(entry)) === pid) total += rss(Number(entry));
  }
  return total;
}

export interface CpuWindow {
  /** Cores used on average over the window, per process group. */
  stop(): Record<string, number>;
}

/** Starts measuring CPU of named process groups; stop() returns cores used per group. */
export function cpuWindow(groups: Record<string, () => number>): CpuWindow {
  const started = performance.now();
  const before = Object.fromEntries(Object.entries(groups).map(([name, read]) => [name, read()]));
  return {
    stop() {
      const seconds = (performance.now() - started) / 1000;
      return Object.fromEntries(
        Object.entries(groups).map(([name, read]) => [name, round((read() - before[name]) / seconds, 2)]),
      );
    },
  };
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));
