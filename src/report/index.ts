import type { DiffReport } from '../model/diff-report.js';
import type { Report } from '../model/report.js';
import { sanitizeData } from '../text/sanitize.js';
import type { DiffRenderOptions } from './diff-format.js';
import type { RenderOptions } from './render-options.js';

export type { DiffRenderOptions } from './diff-format.js';
export type { RenderOptions } from './render-options.js';

/** The one registry of formats: of a report (`cxm score`) and of a diff (`cxm diff`). */

export type Renderer = (report: Report, options: RenderOptions) => string;
/** A format that is a file, not text (a zip package): it needs --out and is written as bytes. */
export type BinaryRenderer = (report: Report, options: RenderOptions) => Promise<Uint8Array>;

export type DiffRenderer = (diff: DiffReport, options: DiffRenderOptions) => string;

export const REPORT_FORMATS = ['text', 'json', 'markdown', 'html', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const BINARY_REPORT_FORMATS = ['xlsx', 'pptx'] as const;
export type BinaryReportFormat = (typeof BINARY_REPORT_FORMATS)[number];

export const DIFF_FORMATS = ['text', 'json', 'markdown', 'html'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

// Each format loads only when asked for: `cxm score --format json` never pays for cli-table3.
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

const diffRenderers: Record<DiffFormat, () => Promise<DiffRenderer>> = {
  text: async () => (await import('./diff-text.js')).renderDiffText,
  json: async () => (await import('./diff-json.js')).renderDiffJson,
  markdown: async () => (await import('./diff-markdown.js')).renderDiffMarkdown,
  html: async () => (await import('./diff-html.js')).renderDiffHtml,
};

/** `cxm run --report FILE`: the format a file name asks for, by its extension. */
const FORMAT_BY_EXTENSION: Readonly<Record<string, ReportFormat>> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.json': 'json',
  '.html': 'html',
  '.htm': 'html',
};

export function reportFormatOfExtension(extension: string): ReportFormat | undefined {
  return Object.hasOwn(FORMAT_BY_EXTENSION, extension) ? FORMAT_BY_EXTENSION[extension] : undefined;
}

export function isReportFormat(format: string): format is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(format);
}

export function isBinaryReportFormat(format: string): format is BinaryReportFormat {
  return (BINARY_REPORT_FORMATS as readonly string[]).includes(format);
}

export function isDiffFormat(format: string): format is DiffFormat {
  return (DIFF_FORMATS as readonly string[]).includes(format);
}

/**
 * Every format gets the report with its texts made safe (SPEC §8: no control character or bidi
 * override from a file reaches a screen, a cell or a slide); JSON escapes them itself, losslessly.
 */
function givenSafeText<Data, Options, Output>(render: (data: Data, options: Options) => Output) {
  return (data: Data, options: Options): Output => render(sanitizeData(data), options);
}

export async function loadRenderer(format: ReportFormat): Promise<Renderer> {
  const render = await renderers[format]();
  return format === 'json' ? render : givenSafeText(render);
}

export async function loadBinaryRenderer(format: BinaryReportFormat): Promise<BinaryRenderer> {
  return givenSafeText(await binaryRenderers[format]());
}

export async function loadDiffRenderer(format: DiffFormat): Promise<DiffRenderer> {
  const render = await diffRenderers[format]();
  return format === 'json' ? render : givenSafeText(render);
}
