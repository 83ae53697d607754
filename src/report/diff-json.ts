import type { DiffReport } from '../model/diff-report.js';
import { escapeUnsafeInJson } from '../text/sanitize.js';

/** The diff JSON contract (src/model/diff-report.ts): full precision, 2-space indent, a final newline. */
export function renderDiffJson(diff: DiffReport): string {
  return `${escapeUnsafeInJson(JSON.stringify(diff, null, 2))}\n`;
}
