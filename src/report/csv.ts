import type { Report } from '../model/report.js';
import type { RenderOptions } from './render-options.js';

// Placeholder until the csv renderer lands: the JSON report, so the format is never silently empty.
export function renderCsv(report: Report, _options: RenderOptions): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
