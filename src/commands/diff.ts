import { DEFAULT_TOLERANCE } from '../core/defaults.js';
import { DifferentQuestionnairesError, diffReports } from '../core/diff.js';
import { isOlderVersion, renameReport } from '../core/rename-report.js';
import { bundledRenames } from '../io/bundled-renames.js';
import { UserError } from '../errors.js';
import { reportOutputOptions, stringOption } from './option-values.js';
import { writeReportOutputs } from './write-outputs.js';
import { type LoadedSide, loadSide } from '../io/load-side.js';
import { checkStdinOnce } from '../io/read-stdin.js';
import type { DiffReport } from '../model/diff-report.js';
import type { Report } from '../model/report.js';
import { shouldUseColor } from '../report/color.js';
import type { DiffRenderOptions } from '../report/diff-format.js';
import { DIFF_FORMATS, type DiffFormat, isDiffFormat, loadDiffRenderer } from '../report/index.js';

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

export interface DiffCommandResult {
  diff: DiffReport;
  /** --fail-on-regression was given and something regressed. */
  failed: boolean;
}

/** `cxm diff`: both sides loaded (exit 2 on bad input), the diff printed or written; the regression gate in the result. */
export async function diffCommand(beforePath: string, afterPath: string, rawOptions: Record<string, unknown>): Promise<DiffCommandResult> {
  const options = parseDiffOptions(rawOptions);
  checkStdinOnce([beforePath, afterPath]);
  const survey = { questionnaire: options.questionnaire, roleColumn: options.roleColumn };
  const before = await loadSide(beforePath, { lang: options.lang, ...survey });
  // Without --lang, the after side is scored in the before side's language so that both read alike.
  const after = await loadSide(afterPath, { lang: options.lang ?? before.report.lang, ...survey });
  const [beforeReport, afterReport] = await comparableReports(before.report, after.report);
  const diff = compareSides(before, after, beforeReport, afterReport, options);
  await writeOutputs(diff, options, options.lang ?? after.report.lang, [...before.inputs, ...after.inputs]);
  return { diff, failed: options.failOnRegression && diff.regressions.length > 0 };
}

function compareSides(
  before: LoadedSide,
  after: LoadedSide,
  beforeReport: Report,
  afterReport: Report,
  options: DiffCommandOptions,
): DiffReport {
  try {
    return diffReports(beforeReport, afterReport, {
      tolerance: options.tolerance,
      detail: options.detail,
      before: { source: before.source, kind: before.kind },
      after: { source: after.source, kind: after.kind },
    });
  } catch (error) {
    if (!(error instanceof DifferentQuestionnairesError)) throw error;
    throw new UserError(error.message, { hint: 'cxm diff compares two assessments of the same questionnaire' });
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

async function writeOutputs(diff: DiffReport, options: DiffCommandOptions, lang: string, inputs: string[]): Promise<void> {
  const screen: DiffRenderOptions = {
    color: shouldUseColor({ color: options.color }),
    width: process.stdout.columns ?? 80,
    lang,
    detail: options.detail,
  };
  const render = await loadDiffRenderer(options.format);
  await writeReportOutputs({
    format: options.format,
    out: options.out,
    inputs,
    quiet: options.quiet,
    screen,
    render: (o) => render(diff, o),
    loadText: async () => {
      const renderText = await loadDiffRenderer('text');
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
  const toleranceText = stringOption(raw, 'tolerance') ?? String(DEFAULT_TOLERANCE);
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
