// The floor for scoring a survey export: one process that only reads the file with the same
// library cxm uses — csv-parse for a .csv, exceljs's streaming reader for an .xlsx — and counts
// the cells; no matching, no validation, no scoring, no report.
import { createReadStream } from 'node:fs';

const path = process.argv[2];
if (path === undefined) throw new Error('usage: node bench/survey-floor.mjs <export.csv|export.xlsx>');
let cells = 0;
if (/\.xlsx$/i.test(path)) {
  // exceljs is CommonJS: under Node ESM its exports arrive only as `default`, which its types omit.
  const { default: ExcelJS } = /** @type {{ default: typeof import('exceljs') }} */ (/** @type {unknown} */ (await import('exceljs')));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache' });
  for await (const sheet of reader) {
    // The streaming reader's row values are always an array (1-based, so index 0 is empty).
    for await (const row of sheet) cells += /** @type {import('exceljs').CellValue[]} */ (row.values).length;
    break;
  }
} else {
  const { parse } = await import('csv-parse');
  const parser = createReadStream(path).pipe(parse({ bom: true, relax_column_count: true }));
  for await (const record of parser) cells += record.length;
}
process.stdout.write(`${cells}\n`);
