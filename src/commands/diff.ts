import { diffReports } from '../core/diff.js';
import { isOlderVersion, renameReport } from '../core/rename-report.js';
import { bundledRenames } from '../io/bundled-renames.js';
import { ExitError, UserError } from '../errors.js';
import { reportOutputOptions, stringOption } from './option-values.js';
import { writeReportOutputs } from './write-outputs.js';
import { loadSide } from '../io/load-side.js';
import { checkStdinOnce } from '../io/read-stdin.js';
import type { DiffReport } from '../model/diff-report.js';
import type { Report } from '../model/report.js';
import { shouldUseColor } from '../report/color.js';
import { regressionLines, type DiffRenderOptions } from '../report/diff-format.js';

export const DIFF_FORMATS = ['text', 'json', 'markdown', 'html'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];
type DiffRenderer = (diff: DiffReport, options: DiffRenderOptions) => string;

/** Each format loads only when asked for. */
const renderers: Record<DiffFormat, () => Promise<DiffRenderer>> = {
  text: async () => (await import('../report/diff-text.js')).renderDiffText,
  json: async () => (await import('../report/diff-json.js')).renderDiffJson,
  markdown: async () => (await import('../report/diff-markdown.js')).renderDiffMarkdown,
  html: async () => (await import('../report/diff-html.js')).renderDiffHtml,
};

export interface DiffCommandOptions {
  format: DiffFormat;
  out: string | undefined;
  lang: string | undefined;
  tolerance: number;
  detail: boolean;
  failOnRegression: boolean;
  quiet: boolean;
  color: boolean;
}

/** `cxm diff`: both sides loaded (exit 2 on bad input), the diff printed or written, then the regression gate (exit 1). */
export async function diffCommand(beforePath: string, afterPath: string, rawOptions: Record<string, unknown>): Promise<void> {
  const options = parseDiffOptions(rawOptions);
  checkStdinOnce([beforePath, afterPath]);
  const before = await loadSide(beforePath, { lang: options.lang });
  // Without --lang, the after side is scored in the before side's language so that both read alike.
  const after = await loadSide(afterPath, { lang: options.lang ?? before.report.lang });
  const [beforeReport, afterReport] = await comparableReports(before.report, after.report);
  const diff = diffReports(beforeReport, afterReport, {
    tolerance: options.tolerance,
    detail: options.detail,
    before: { source: before.source, kind: before.kind },
    after: { source: after.source, kind: after.kind },
  });
  await writeOutputs(diff, options, options.lang ?? after.report.lang);
  if (options.failOnRegression && diff.regressions.length > 0) {
    process.stderr.write(`cxm: ${diff.regressions.length} regression(s) beyond ±${diff.tolerance} points:\n`);
    for (const line of regressionLines(diff)) process.stderr.write(`  regressed: ${line}\n`);
    throw new ExitError(1);
  }
}

/**
 * SPEC §3: across versions of a bundled questionnaire, the older side's ids are renamed through the
 * newer version's `replaces`, so a capability or question is compared with the one replacing it.
 * Returns [before, after], the older of the two renamed.
 */
async function comparableReports(before: Report, after: Report): Promise<[Report, Report]> {
  const [b, a] = [before.questionnaire, after.questionnaire];
  if (b.id !== a.id || b.version === a.version) return [before, after];
  const beforeIsOlder = isOlderVersion(b.version, a.version);
  const newer = beforeIsOlder ? a : b;
  const renames = await bundledRenames(newer.id, newer.version);
  if (!renames) return [before, after];
  return beforeIsOlder ? [renameReport(before, renames), after] : [before, renameReport(after, renames)];
}

async function writeOutputs(diff: DiffReport, options: DiffCommandOptions, lang: string): Promise<void> {
  const screen: DiffRenderOptions = {
    color: shouldUseColor({ color: options.color }),
    width: process.stdout.columns ?? 80,
    lang,
    detail: options.detail,
  };
  const render = await renderers[options.format]();
  await writeReportOutputs({
    format: options.format,
    out: options.out,
    quiet: options.quiet,
    screen,
    render: (o) => render(diff, o),
    loadText: async () => {
      const renderText = await renderers.text();
      return (o) => renderText(diff, o);
    },
    warnings: diff.warnings,
  });
}

/** Commander hands over strings; anything malformed is a usage error (exit 2) before a file is read. */
export function parseDiffOptions(raw: Record<string, unknown>): DiffCommandOptions {
  const format = stringOption(raw, 'format') ?? 'text';
  if (!isDiffFormat(format)) throw new UserError(`--format: unknown format "${format}" (known: ${DIFF_FORMATS.join(', ')})`);
  const { lang, out } = reportOutputOptions(raw);
  const toleranceText = stringOption(raw, 'tolerance') ?? '0.5';
  const tolerance = toleranceText.trim() === '' ? NaN : Number(toleranceText);
  if (!Number.isFinite(tolerance) || tolerance < 0) {
    throw new UserError(`--tolerance: expected a number of points ≥ 0, found "${toleranceText}"`);
  }
  return {
    format,
    out,
    lang,
    tolerance,
    detail: raw.detail === true,
    failOnRegression: raw.failOnRegression === true,
    quiet: raw.quiet === true,
    color: raw.color !== false,
  };
}

function isDiffFormat(format: string): format is DiffFormat {
  return (DIFF_FORMATS as readonly string[]).includes(format);
}
