import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, neutralizeFormula, quoteCsvField, renderCsv } from '../../src/report/csv.js';
import { loadReport, renderOptions } from './fixtures.js';

const HEADER = CSV_COLUMNS.join(',');

/** A strict RFC 4180 reader (CRLF only between records), to check that what we write reads back as the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else if (c === '\r' || c === '\n') throw new Error(`bare line break outside quotes at ${i}`);
    else cell += c;
  }
  return rows;
}

describe('CSV cells', () => {
  it.each([
    ['plain', 'plain'],
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTabbed', "'\tTabbed"],
    ['\rCR first', "'\rCR first"],
    ['a=1', 'a=1'],
  ])('neutralizeFormula(%j) → %j', (input, output) => {
    expect(neutralizeFormula(input)).toBe(output);
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ["o'brien", "o'brien"],
  ])('quoteCsvField(%j) → %j', (input, output) => {
    expect(quoteCsvField(input)).toBe(output);
  });
});

describe('renderCsv', () => {
  it('writes one row per respondent × question, with a BOM and CRLF line ends', () => {
    const csv = renderCsv(loadReport('report-single-respondent'), renderOptions());
    expect(csv).toBe(
      '\uFEFF' +
        [
          HEADER,
          'cx-mini,1.2.0,answers/aiko.yaml,Aiko Tanaka,marketing,journey-teams,jt-1,2,0.25,false,false,',
          'cx-mini,1.2.0,answers/aiko.yaml,Aiko Tanaka,marketing,journey-teams,jt-2,3,0.5,false,false,',
          'cx-mini,1.2.0,answers/aiko.yaml,Aiko Tanaka,marketing,journey-teams,jt-3,2,0.25,false,false,',
          'cx-mini,1.2.0,answers/aiko.yaml,Aiko Tanaka,marketing,shared-customer-id,cid-1,4,0.75,false,false,',
          'cx-mini,1.2.0,answers/aiko.yaml,Aiko Tanaka,marketing,shared-customer-id,cid-2,4,0.75,false,false,Support uses the CRM view',
          'cx-mini,1.2.0,answers/aiko.yaml,Aiko Tanaka,marketing,shared-customer-id,cid-3,1,0.75,false,false,',
          'cx-mini,1.2.0,answers/aiko.yaml,Aiko Tanaka,marketing,data-driven-decisions,dd-1,5,1,false,false,',
          'cx-mini,1.2.0,answers/aiko.yaml,Aiko Tanaka,marketing,data-driven-decisions,dd-2,4,0.75,false,false,',
        ]
          .map((line) => `${line}\r\n`)
          .join(''),
    );
  });

  it('writes n/a and unanswered as empty numbers', () => {
    const rows = parseCsv(renderCsv(loadReport('report-not-assessed')).slice(1));
    expect(rows.find((r) => r[6] === 'dd-1')?.slice(7)).toEqual(['', '', 'true', 'false', '']);
    expect(rows.find((r) => r[6] === 'dd-2')?.slice(7)).toEqual(['', '', 'false', 'false', '']);
  });

  it('keeps Japanese names readable (UTF-8 with BOM)', () => {
    const csv = renderCsv(loadReport('report-japanese'));
    expect(csv.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect(csv).toContain(',answers/marketing.yaml,田中 愛子,マーケティング,journey-teams,jt-1,');
    expect(csv).toContain(',セグメントごとにテンプレートが同じ\r\n');
  });

  describe('with hostile names, roles, files and notes', () => {
    const csv = renderCsv(loadReport('report-injection'));
    const rows = parseCsv(csv.slice(1));

    it('quotes by RFC 4180 so every row reads back with 12 cells', () => {
      expect(rows[0]).toEqual([...CSV_COLUMNS]);
      expect(rows).toHaveLength(1 + 3 * 8);
      for (const row of rows) expect(row).toHaveLength(12);
      expect(csv.endsWith('\r\n')).toBe(true);
    });

    it('neutralises formulas in text cells but keeps numbers numbers', () => {
      const byKey = new Map(rows.map((r) => [`${r[2]} ${r[6]}`, r]));
      expect(byKey.get('answers/=1+1.yaml jt-1')).toEqual([
        'cx-mini',
        '1.2.0',
        'answers/=1+1.yaml',
        '<script>alert(1)</script>',
        "'=cmd|' /C calc'!A0",
        'journey-teams',
        'jt-1',
        '1',
        '0',
        'false',
        'false',
        "'=1+1",
      ]);
      // −2 on a −2…2 scale is a genuine number: no apostrophe.
      expect(byKey.get('answers/=1+1.yaml cid-3')?.slice(7, 9)).toEqual(['-2', '0']);
      expect(byKey.get('answers/=1+1.yaml jt-2')?.[11]).toBe('\'+1, "quoted" text\r\nsecond line');
      expect(byKey.get(`answers/o'brien, "x".yaml jt-1`)?.slice(3, 5)).toEqual(['Ann | "Pipe" `Tick`', "'@SUM(A1)"]);
      expect(byKey.get(`answers/o'brien, "x".yaml jt-1`)?.[11]).toBe("'-2");
      expect(byKey.get(`answers/o'brien, "x".yaml cid-2`)?.[11]).toBe("'\tTabbed");
      expect(byKey.get('answers/+1.yaml dd-2')?.[11]).toBe("'\rCR first");
      expect(byKey.get('answers/+1.yaml jt-1')?.slice(3, 5)).toEqual(['# Heading name\nnewline', "'-2"]);
      // No text cell that a spreadsheet would run starts with a formula character.
      for (const row of rows.slice(1)) {
        for (const [i, cell] of row.entries()) if (i !== 7 && i !== 8) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
      }
    });

    it('quotes the raw CSV cells that hold separators', () => {
      expect(csv).toContain(`,"answers/o'brien, ""x"".yaml","Ann | ""Pipe"" \`Tick\`",'@SUM(A1),`);
    });
  });

  it('writes the header alone when the report has no per-question detail', () => {
    const { questions: _omitted, ...report } = loadReport('report-single-respondent');
    expect(renderCsv(report, renderOptions())).toBe(`\uFEFF${HEADER}\r\n`);
  });
});
