// The floor for scoring a survey export: one process that only reads the file with the same
// library cxm uses — csv-parse for a .csv, exceljs's streaming reader for an .xlsx — and counts
// the cells; no matching, no validation, no scoring, no report.
import { createReadStream } from 'node:fs';

const path = process.argv[2];
let cells = 0;
if (/\.xlsx$/i.test(path)) {
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache' });
  for await (const sheet of reader) {
    for await (const row of sheet) cells += row.values.length;
    break;
  }
} else {
  const { parse } = await import('csv-parse');
  const parser = createReadStream(path).pipe(parse({ bom: true, relax_column_count: true }));
  for await (const record of parser) cells += record.length;
}
process.stdout.write(`${cells}\n`);
