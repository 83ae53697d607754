import type { ListedQuestionnaire } from '../model/listing.js';
import type { Report } from '../model/report.js';
import type { RenderOptions } from './render-options.js';
import { escapeUnsafeInJson } from '../text/sanitize.js';

/** The JSON report contract (SPEC §7): full precision, 2-space indent, a final newline. */
export function renderJson(report: Report, _options?: RenderOptions): string {
  return `${escapeUnsafeInJson(JSON.stringify(report, null, 2))}\n`;
}

/** `cxm list --json`: without cli-table3, which only the table needs. */
export function renderListJson(listed: readonly ListedQuestionnaire[]): string {
  return `${escapeUnsafeInJson(JSON.stringify(listed, null, 2))}\n`;
}
