// What the waiting room's polite live region says. Status arrives every second; a screen reader
// reading every change would talk without pause, so the position is announced when it has moved
// and at least MIN_GAP_MS has passed since the last announcement, or at once when it reaches a
// milestone (the shopper is nearly there), so long waits stay quiet and the last steps are heard.

export const MIN_GAP_MS = 30_000;
const MILESTONES = [100, 50, 10, 5, 1];

export interface Announced {
  position: number;
  at: number;
}

export function shouldAnnounce(previous: Announced | null, position: number, now: number): boolean {
  if (!previous) return true;
  if (position === previous.position) return false;
  if (MILESTONES.some((mark) => position <= mark && previous.position > mark)) return true;
  return now - previous.at >= MIN_GAP_MS;
}

export function positionSentence(position: number, waitText: string): string {
  if (position === 1) return 'You are next in line.';
  return `You are number ${position.toLocaleString('en-US')} in line. Estimated wait: ${waitText}.`;
}
