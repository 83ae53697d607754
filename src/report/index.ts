import type { Report } from '../model/report.js';
import type { RenderOptions } from './render-options.js';

export type { RenderOptions } from './render-options.js';

export type Renderer = (report: Report, options: RenderOptions) => string;
/** A format that is a file, not text (a zip package): it needs --out and is written as bytes. */
export type BinaryRenderer = (report: Report, options: RenderOptions) => Promise<Uint8Array>;

export const REPORT_FORMATS = ['text', 'json', 'markdown', 'html', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const BINARY_REPORT_FORMATS = ['xlsx', 'pptx'] as const;
export type BinaryReportFormat = (typeof BINARY_REPORT_FORMATS)[number];

/** Each format loads only when asked for: `cxm score --format json` never pays for cli-table3. */
const renderers: Record<ReportFormat, () => Promise<Renderer>> = {
  text: async () => (await import('./text.js')).renderText,
  json: async () => (await import('./json.js')).renderJson,
  markdown: async () => (await import('./markdown.js')).renderMarkdown,
  html: async () => (await import('./html.js')).renderHtml,
  csv: async () => (await import('./csv.js')).renderCsv,
};

/** exceljs and pptxgenjs (most of the bundle's size) load only for their own format. */
const binaryRenderers: Record<BinaryReportFormat, () => Promise<BinaryRenderer>> = {
  xlsx: async () => (await import('./xlsx.js')).renderXlsx,
  pptx: async () => (await import('./pptx.js')).renderPptx,
};

export function isReportFormat(format: string): format is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(format);
}

export function isBinaryReportFormat(format: string): format is BinaryReportFormat {
  return (BINARY_REPORT_FORMATS as readonly string[]).includes(format);
}

export function loadRenderer(format: ReportFormat): Promise<Renderer> {
  return renderers[format]();
}

export function loadBinaryRenderer(format: BinaryReportFormat): Promise<BinaryRenderer> {
  return binaryRenderers[format]();
}
