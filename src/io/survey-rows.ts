import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Transform } from 'node:stream';
import type { CellFinding } from './survey-columns.js';

/** One row of an export: its number as the spreadsheet shows it (the header is row 1) and its cells as text. */
export interface SurveyRow {
  row: number;
  cells: string[];
}

/** The export cannot be read as a table at all: where, and why. */
export class SurveyReadError extends Error {
  constructor(readonly finding: CellFinding) {
    super(finding.message);
    this.name = 'SurveyReadError';
  }
}

export const SURVEY_EXPORT_PATTERN = /\.(csv|xlsx)$/i;

/** The one test of "is this argument a survey export": its extension, as the survey tools name them. */
export function isSurveyExport(path: string): boolean {
  return SURVEY_EXPORT_PATTERN.test(path);
}

/** The rows of a CSV (UTF-8, BOM or not) or of an xlsx workbook's first sheet, streamed. */
export async function* readSurveyRows(path: string): AsyncGenerator<SurveyRow> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    throw new SurveyReadError({ row: 1, column: 1, message: 'cannot be read (not found or no permission)', whole: true });
  }
  // A FIFO or a device would be read without end (SPEC §8).
  if (!info.isFile()) throw new SurveyReadError({ row: 1, column: 1, message: 'not a regular file', whole: true });
  if (/\.xlsx$/i.test(path)) yield* readXlsxRows(path);
  else yield* readCsvRows(path);
}

async function* readCsvRows(path: string): AsyncGenerator<SurveyRow> {
  const { parse } = await import('csv-parse');
  // Empty lines are rows in a spreadsheet too: kept, so that row numbers match what the user sees.
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: false });
  const input = createReadStream(path);
  const check = textCheck();
  input.on('error', (error) => parser.destroy(error));
  check.on('error', (error) => parser.destroy(error));
  input.pipe(check).pipe(parser);
  let row = 0;
  try {
    for await (const record of parser) {
      row++;
      yield { row, cells: record };
    }
  } catch (error) {
    if (error instanceof SurveyReadError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new SurveyReadError({ row: row + 1, column: 1, message: `not a readable CSV file: ${message}`, whole: true });
  } finally {
    input.destroy();
  }
}

/**
 * Passes the bytes through unchanged, failing at the first one that is not UTF-8 text or is a NUL
 * (a binary file named .csv, or a CSV saved in a legacy encoding such as Shift_JIS).
 */
function textCheck(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  /** Lines before the current chunk: counted natively, byte by byte only where a problem is. */
  let line = 1;
  let lastLine: Buffer = Buffer.alloc(0);
  const fail = (chunk: Buffer, at: number, message: string) => {
    const before = chunk.subarray(0, Math.max(0, at));
    let lines = line;
    for (let i = before.indexOf(10); i >= 0; i = before.indexOf(10, i + 1)) lines++;
    const start = before.lastIndexOf(10);
    const text = new TextDecoder('utf-8').decode(start >= 0 ? before.subarray(start + 1) : Buffer.concat([lastLine, before]));
    return new SurveyReadError({ row: lines, column: text.length + 1, message: `${message}; save the export as "CSV UTF-8"`, whole: true });
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        // Only to say where: the first byte that does not decode.
        const lenient = new TextDecoder('utf-8').decode(chunk);
        const bad = lenient.indexOf('\uFFFD');
        callback(fail(chunk, Buffer.byteLength(lenient.slice(0, Math.max(0, bad))), 'not UTF-8 text'));
        return;
      }
      const nul = chunk.indexOf(0);
      if (nul >= 0) {
        callback(fail(chunk, nul, 'not a text file (contains NUL bytes)'));
        return;
      }
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) line++;
      const end = chunk.lastIndexOf(10);
      lastLine = end >= 0 ? chunk.subarray(end + 1) : Buffer.concat([lastLine, chunk]);
      callback(null, chunk);
    },
    flush(callback) {
      try {
        decoder.decode();
        callback();
      } catch {
        callback(fail(Buffer.alloc(0), 0, 'not UTF-8 text (the file ends inside a character)'));
      }
    },
  });
}

async function* readXlsxRows(path: string): AsyncGenerator<SurveyRow> {
  const { openWorkbookReader } = await import('./xlsx-reader.js');
  const reader = openWorkbookReader(path);
  let row = 0;
  try {
    for await (const sheet of reader) {
      for await (const found of sheet) {
        row = found.number;
        yield { row, cells: cellTexts(found.values) };
      }
      // The first sheet only: a survey tool puts its responses there.
      break;
    }
  } catch (error) {
    if (error instanceof SurveyReadError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new SurveyReadError({ row: row + 1, column: 1, message: `not a readable xlsx workbook: ${message}`, whole: true });
  }
}

/** exceljs gives row.values 1-based and sparse, each cell a number, text, date, rich text or formula. */
function cellTexts(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  const cells: string[] = [];
  for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
  return cells;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part: unknown) => textOf(part)).join('');
    if ('result' in value) return cellText(value.result);
    if ('text' in value) return cellText(value.text);
    if ('error' in value) return cellText(value.error);
  }
  return '';
}

function textOf(part: unknown): string {
  return part !== null && typeof part === 'object' && 'text' in part && typeof part.text === 'string' ? part.text : '';
}
