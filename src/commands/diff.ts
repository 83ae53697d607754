import { diffReports } from '../core/diff.js';
import { ExitError, UserError } from '../errors.js';
import { reportOutputOptions, stringOption } from './option-values.js';
import { writeReportOutputs } from './write-outputs.js';
import { loadSide } from '../io/load-side.js';
import type { DiffReport } from '../model/diff-report.js';
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
  /** For survey exports (SPEC §4.2). */
  questionnaire: string | undefined;
  roleColumn: string | undefined;
}

/** `cxm diff`: both sides loaded (exit 2 on bad input), the diff printed or written, then the regression gate (exit 1). */
export async function diffCommand(beforePath: string, afterPath: string, rawOptions: Record<string, unknown>): Promise<void> {
  const options = parseDiffOptions(rawOptions);
  const survey = { questionnaire: options.questionnaire, roleColumn: options.roleColumn };
  const before = await loadSide(beforePath, { lang: options.lang, ...survey });
  // Without --lang, the after side is scored in the before side's language so that both read alike.
  const after = await loadSide(afterPath, { lang: options.lang ?? before.report.lang, ...survey });
  const diff = diffReports(before.report, after.report, {
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
    questionnaire: stringOption(raw, 'questionnaire'),
    roleColumn: stringOption(raw, 'roleColumn', '--role-column'),
  };
}

function isDiffFormat(format: string): format is DiffFormat {
  return (DIFF_FORMATS as readonly string[]).includes(format);
}
