import type { QuestionPosition } from '../core/flow.js';
import { formatClock, paceOf } from '../core/pace.js';
import type { RunMessages } from './messages.js';

export interface ClockOptions {
  /** When the session started (ms since the epoch). */
  startedAt: number;
  timeboxMs?: number | undefined;
  now?: () => number;
}

/**
 * The header's clock: "12:05", or with a timebox "12:05 of 1:30:00 · on pace". The pace counts
 * from the answers the session started with (a resumed file brings some).
 */
export function sessionClock(clock: ClockOptions | undefined, m: RunMessages): (p: QuestionPosition) => string | undefined {
  let answeredAtStart: number | undefined;
  return (p) => {
    if (!clock) return undefined;
    const elapsedMs = (clock.now ?? Date.now)() - clock.startedAt;
    answeredAtStart ??= p.answered;
    if (clock.timeboxMs === undefined) return m.elapsed(formatClock(elapsedMs), undefined);
    const pace = paceOf({ elapsedMs, timeboxMs: clock.timeboxMs, answeredAtStart, answered: p.answered, total: p.total });
    const word = pace.kind === 'on-pace' ? m.onPace : pace.kind === 'behind' ? m.behind(pace.questions) : m.overTime;
    return `${m.elapsed(formatClock(elapsedMs), formatClock(clock.timeboxMs))} · ${word}`;
  };
}
