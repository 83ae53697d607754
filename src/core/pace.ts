/**
 * The session clock of `cxm run --timebox`: pure arithmetic on milliseconds, so the rule is tested
 * without waiting. The timebox covers the questions still open when the session started.
 */

export interface PaceInput {
  elapsedMs: number;
  timeboxMs: number;
  /** Answered when this session started (a resumed file brings its answers). */
  answeredAtStart: number;
  answered: number;
  total: number;
}

export type Pace = { kind: 'on-pace' } | { kind: 'behind'; questions: number } | { kind: 'over-time' };

/** Behind by the whole questions the time spent should have answered, at an even speed. */
export function paceOf(input: PaceInput): Pace {
  const { elapsedMs, timeboxMs, answeredAtStart, answered, total } = input;
  if (answered >= total) return { kind: 'on-pace' };
  if (elapsedMs >= timeboxMs) return { kind: 'over-time' };
  const expected = answeredAtStart + (total - answeredAtStart) * (elapsedMs / timeboxMs);
  const behind = Math.floor(expected - answered);
  return behind >= 1 ? { kind: 'behind', questions: behind } : { kind: 'on-pace' };
}

const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, min: 60_000, s: 1000 };

/** `90m`, `1h30m`, `1h`, `45min`, `2700s`, or bare minutes (`90`); undefined when it is none of them or zero. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) > 0 ? Number(trimmed) * 60_000 : undefined;
  const parts = [...trimmed.matchAll(/(\d+)\s*(h|min|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== trimmed.replace(/\s+/g, '')) return undefined;
  const ms = parts.reduce((sum, [, n, unit]) => sum + Number(n) * (UNIT_MS[unit ?? ''] ?? 0), 0);
  return ms > 0 ? ms : undefined;
}

/** `7:05`, `1:02:03`: minutes and seconds, hours when there are any. */
export function formatClock(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
