import { UserError } from '../errors.js';
import { reportOutputOptions, stringOption } from './option-values.js';
import { DEFAULT_DISCUSS, DEFAULT_PHASE_MONTHS, DEFAULT_SPREAD } from '../core/defaults.js';
import { parseMinLevel, type GateRule } from '../core/gates.js';
import { respondentCountOf } from '../core/respondent-entries.js';
import { scoreAnswerPaths, type ScoreResult } from '../io/score-files.js';
import { shouldUseColor } from '../report/color.js';
import {
  BINARY_REPORT_FORMATS,
  isBinaryReportFormat,
  isReportFormat,
  loadBinaryRenderer,
  loadRenderer,
  REPORT_FORMATS,
  type BinaryReportFormat,
  type ReportFormat,
} from '../report/index.js';
import type { RenderOptions } from '../report/render-options.js';
import { writeReportOutputs } from './write-outputs.js';

export interface ScoreCommandOptions {
  format: ReportFormat | BinaryReportFormat;
  out: string | undefined;
  lang: string | undefined;
  spread: number;
  discuss: number;
  phaseMonths: number;
  notes: boolean;
  target: string | undefined;
  detail: boolean;
  gates: GateRule[];
  quiet: boolean;
  color: boolean;
  /** For survey exports (SPEC §4.2). */
  questionnaire: string | undefined;
  roleColumn: string | undefined;
}

/** `cxm score`: the report to stdout (or --out, with the text on screen); the failed gates are in the result. */
export async function scoreCommand(answers: string[], rawOptions: Record<string, unknown>): Promise<ScoreResult> {
  const options = parseScoreOptions(rawOptions);
  const result = await scoreAnswerPaths(answers, {
    lang: options.lang,
    target: options.target,
    spread: options.spread,
    discuss: options.discuss,
    phaseMonths: options.phaseMonths,
    notes: options.notes,
    // The CSV (and the workbook's Answers and Notes sheets) is one row per answer: it needs the per-question detail.
    detail: options.detail || options.format === 'csv' || options.format === 'xlsx',
    gates: options.gates,
    questionnaire: options.questionnaire,
    roleColumn: options.roleColumn,
  });
  await writeOutputs(result, options);
  return result;
}

async function writeOutputs({ report, files, questionnairePath }: ScoreResult, options: ScoreCommandOptions): Promise<void> {
  const screen: RenderOptions = {
    color: shouldUseColor({ color: options.color }),
    width: process.stdout.columns ?? 80,
    lang: report.lang,
    detail: options.detail,
  };
  const format = options.format;
  const render = isBinaryReportFormat(format) ? await loadBinaryRenderer(format) : await loadRenderer(format);
  await writeReportOutputs({
    format,
    out: options.out,
    inputs: [...files, questionnairePath],
    quiet: options.quiet,
    screen,
    render: (o) => render(report, o),
    renderPieces: await jsonPieces(report, options.format),
    loadText: async () => {
      const renderText = await loadRenderer('text');
      return (o) => renderText(report, o);
    },
    warnings: report.warnings,
  });
}

/** A JSON report of a large survey is written in pieces (SPEC §7 keeps every respondent's scores). */
async function jsonPieces(report: ScoreResult['report'], format: ReportFormat | BinaryReportFormat) {
  if (format !== 'json') return undefined;
  const { renderJsonChunks, STREAM_JSON_FROM } = await import('../report/json-stream.js');
  return respondentCountOf(report) >= STREAM_JSON_FROM ? (o: RenderOptions) => renderJsonChunks(report, o) : undefined;
}

/** Commander hands over strings; anything malformed is a usage error (exit 2) before a file is read. */
export function parseScoreOptions(raw: Record<string, unknown>): ScoreCommandOptions {
  const format = stringOption(raw, 'format') ?? 'text';
  if (!isReportFormat(format) && !isBinaryReportFormat(format)) {
    throw new UserError(`--format: unknown format "${format}" (known: ${[...REPORT_FORMATS, ...BINARY_REPORT_FORMATS].join(', ')})`);
  }
  const { lang, out } = reportOutputOptions(raw);
  // A zip package on a terminal is garbage, and in a pipe it is better written by name.
  if (isBinaryReportFormat(format) && out === undefined) {
    throw new UserError(`--format ${format}: needs --out FILE (for example --out report.${format}): it is a file, not text`);
  }

  const spreadText = stringOption(raw, 'spread');
  const spread = spreadText === undefined ? DEFAULT_SPREAD : parseNumber('--spread', spreadText, 0, Infinity);
  const discussText = stringOption(raw, 'discuss');
  const discuss = discussText === undefined ? DEFAULT_DISCUSS : parseNumber('--discuss', discussText, 0, 100);
  const monthsText = stringOption(raw, 'phaseMonths', '--phase-months');
  const phaseMonths = monthsText === undefined ? DEFAULT_PHASE_MONTHS : parseNumber('--phase-months', monthsText, 0, 120);
  if (!Number.isInteger(phaseMonths)) throw new UserError(`--phase-months: expected a whole number of months, found "${monthsText}"`);
  const gates: GateRule[] = [];
  const failUnder = stringOption(raw, 'failUnder', '--fail-under');
  if (failUnder !== undefined) gates.push({ kind: 'fail-under', threshold: parseNumber('--fail-under', failUnder, 0, 100) });
  const minLevels = raw.minLevel === undefined ? [] : Array.isArray(raw.minLevel) ? raw.minLevel : [raw.minLevel];
  for (const text of minLevels) {
    const rule = typeof text === 'string' ? parseMinLevel(text) : undefined;
    if (!rule) {
      throw new UserError(`--min-level: expected CAPABILITY=LEVEL, found "${String(text)}"`, {
        hint: 'for example shared-customer-id=defined, or "*=developing" for every capability',
      });
    }
    gates.push(rule);
  }
  return {
    format,
    out,
    lang,
    spread,
    discuss,
    phaseMonths,
    notes: raw.notes !== false,
    target: stringOption(raw, 'target'),
    detail: raw.detail === true,
    gates,
    quiet: raw.quiet === true,
    color: raw.color !== false,
    questionnaire: stringOption(raw, 'questionnaire'),
    roleColumn: stringOption(raw, 'roleColumn', '--role-column'),
  };
}

export function parseNumber(option: string, text: string, min: number, max: number): number {
  const value = text.trim() === '' ? NaN : Number(text);
  const range = max === Infinity ? `a number ≥ ${min}` : `a number from ${min} to ${max}`;
  if (!Number.isFinite(value) || value < min || value > max) throw new UserError(`${option}: expected ${range}, found "${text}"`);
  return value;
}
