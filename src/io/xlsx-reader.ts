import ExcelJS from 'exceljs';

/**
 * exceljs's streaming workbook reader, in a module of its own so that only an xlsx survey loads
 * exceljs. It is CommonJS: a default import is what both TypeScript and the bundle agree on (a
 * named `stream` import is undefined once esbuild has bundled it).
 */
export function openWorkbookReader(path: string): ExcelJS.stream.xlsx.WorkbookReader {
  return new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
}
