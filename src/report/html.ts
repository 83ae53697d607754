import type { Report } from '../model/report.js';
import type { RenderOptions } from './render-options.js';

// Placeholder until the html renderer lands: the JSON report, so the format is never silently empty.
export function renderHtml(report: Report, _options: RenderOptions): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
