import type { Report } from '../model/report.js';
import type { RenderOptions } from './render-options.js';

export type { RenderOptions } from './render-options.js';

export type Renderer = (report: Report, options: RenderOptions) => string;

export const REPORT_FORMATS = ['text', 'json', 'markdown', 'html', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Each format loads only when asked for: `cxm score --format json` never pays for cli-table3. */
const renderers: Record<ReportFormat, () => Promise<Renderer>> = {
  text: async () => (await import('./text.js')).renderText,
  json: async () => (await import('./json.js')).renderJson,
  markdown: async () => (await import('./markdown.js')).renderMarkdown,
  html: async () => (await import('./html.js')).renderHtml,
  csv: async () => (await import('./csv.js')).renderCsv,
};

export function isReportFormat(format: string): format is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(format);
}

export function loadRenderer(format: ReportFormat): Promise<Renderer> {
  return renderers[format]();
}
