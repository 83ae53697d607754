import ExcelJS from 'exceljs';
import type { Report } from '../model/report.js';
import { officeFont } from './office-fonts.js';
import { workbookSheets, type Sheet, type SheetCell } from './office-sheets.js';
import { textColumns, xmlSafeText } from './office-view.js';
import type { RenderOptions } from './render-options.js';

/** Excel refuses a cell longer than this. */
const MAX_CELL_TEXT = 32_767;
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/**
 * The report as an Excel workbook (exceljs): one sheet per part of the report (src/report/office-sheets.ts),
 * a frozen, filterable header row, columns sized to their content. Numbers are numeric cells; every
 * text is a string cell — exceljs writes a formula only for a `{ formula }` value, so an answer
 * note "=cmd|..." stays the text it was (no CSV-style apostrophe needed).
 */
export async function renderXlsx(report: Report, options: RenderOptions): Promise<Uint8Array> {
  const lang = options.lang || report.lang;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'cxm';
  // The report's own time, not the time of writing: the same input gives the same workbook content.
  workbook.created = new Date(report.generatedAt);
  workbook.modified = workbook.created;
  for (const sheet of workbookSheets(report, lang)) addSheet(workbook, sheet, officeFont(lang));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function addSheet(workbook: ExcelJS.Workbook, sheet: Sheet, fontName: string): void {
  const worksheet = workbook.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    // Printed (or converted to PDF), a sheet is as wide as a landscape page, its header on every page.
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  const font = { name: fontName, size: 11 };
  worksheet.addRow(sheet.header.map(xmlSafeText));
  for (const row of sheet.rows) worksheet.addRow(row.map(cellValue));
  worksheet.getRow(1).font = { ...font, bold: true };
  worksheet.eachRow((row, index) => {
    if (index > 1) row.font = font;
    row.eachCell((cell, column) => {
      const source = index === 1 ? null : sheet.rows[index - 2]?.[column - 1];
      if (source !== null && typeof source === 'object') cell.numFmt = source.format;
      if (typeof cell.value === 'string' && cell.value.includes('\n')) cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
  sheet.header.forEach((head, i) => {
    const widest = Math.max(textColumns(head), ...sheet.rows.map((row) => cellColumns(row[i] ?? null)));
    worksheet.getColumn(i + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
  });
  if (sheet.header.length > 0) worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.header.length } };
}

function cellValue(cell: SheetCell): string | number | boolean | null {
  if (cell === null || typeof cell === 'number' || typeof cell === 'boolean') return cell;
  if (typeof cell === 'object') return cell.number;
  return xmlSafeText(cell).slice(0, MAX_CELL_TEXT);
}

/** The widest line of a cell as shown (scores with one decimal). */
function cellColumns(cell: SheetCell): number {
  if (cell === null) return 0;
  if (typeof cell === 'object') return cell.format.includes('%') ? 4 : 6;
  if (typeof cell !== 'string') return String(cell).length;
  return Math.max(0, ...cell.split('\n').map(textColumns));
}
