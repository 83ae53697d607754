import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { reportSchema, type Report } from '../../src/model/report.js';
import { fixture, repoRoot, runCli, tempDir } from '../helpers/cli.js';

/*
 * The office files are read back by other libraries than the ones that wrote them: the workbook
 * (exceljs) by SheetJS, the deck (pptxgenjs) unzipped with fflate and its XML read as text; then
 * LibreOffice converts both to PDF, as a client's office software would open them.
 */

const acme = join(repoRoot, 'examples/acme');
const formulaNotes = fixture('office-formula-notes', 'sales.yaml');

function jsonReport(args: string[]): Report {
  const result = runCli(['score', ...args, '--format', 'json', '--detail']);
  expect(result.code).toBe(0);
  return reportSchema.parse(JSON.parse(result.stdout));
}

function write(format: 'xlsx' | 'pptx', args: string[]): string {
  const out = join(tempDir(), `report.${format}`);
  const result = runCli(['score', ...args, '--format', format, '--out', out, '--quiet']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return out;
}

function sheetRows(book: XLSX.WorkBook, name: string): XLSX.CellObject[][] {
  const sheet = book.Sheets[name];
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1');
  const rows: XLSX.CellObject[][] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row: XLSX.CellObject[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) row.push(sheet[XLSX.utils.encode_cell({ r, c })] ?? { t: 'z' });
    rows.push(row);
  }
  return rows;
}

describe('xlsx and pptx need --out', () => {
  for (const format of ['xlsx', 'pptx']) {
    it(`--format ${format} without --out: one line, exit 2, nothing on stdout`, () => {
      const result = runCli(['score', acme, '--format', format]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        `cxm: --format ${format}: needs --out FILE (for example --out report.${format}): it is a file, not text\n`,
      );
    });
  }
});

describe('the workbook, read back with SheetJS', () => {
  const report = jsonReport([acme]);
  const path = write('xlsx', [acme]);
  const bytes = readFileSync(path);
  const book = XLSX.read(bytes, { type: 'buffer' });

  it('has the six sheets in order', () => {
    expect(book.SheetNames).toEqual(['Summary', 'Capabilities', 'Roadmap', 'Discussion', 'Answers', 'Notes']);
  });

  it('stores every capability score, spread and per-role score as a number equal to the JSON report', () => {
    const [head, ...rows] = sheetRows(book, 'Capabilities');
    const names = (head ?? []).map((c) => c.v);
    expect(names.slice(0, 9)).toEqual(['ID', 'Capability', 'Weight', 'Score', 'Level', 'Target', 'Coverage', 'Spread', 'Disagreement']);
    expect(names.slice(9, 12)).toEqual(['it', 'marketing', 'sales']);
    expect(rows).toHaveLength(report.capabilities.length);
    report.capabilities.forEach((c, i) => {
      const row = rows[i] ?? [];
      expect(row[0]).toMatchObject({ t: 's', v: c.id });
      expect(row[1]).toMatchObject({ t: 's', v: c.title });
      expect(row[3]).toMatchObject({ t: 'n', v: c.score });
      expect(row[5]).toMatchObject({ t: 's', v: 'Managed' });
      expect(row[7]).toMatchObject({ t: 'n', v: c.spread });
      expect(row[8]).toMatchObject({ t: 'b', v: c.disagreement });
      for (const [k, role] of ['it', 'marketing', 'sales'].entries())
        expect(row[9 + k]).toMatchObject({ t: 'n', v: report.byRole[role]?.[c.id] });
    });
  });

  it('has one Answers row per respondent × answered question, values numeric', () => {
    const [head, ...rows] = sheetRows(book, 'Answers');
    expect((head ?? []).map((c) => c.v)[7]).toBe('value');
    const answers = (report.questions ?? []).flatMap((q) => q.answers.map((a) => ({ q, a })));
    expect(rows).toHaveLength(answers.length);
    const numeric = answers.filter(({ a }) => typeof a.value === 'number');
    expect(rows.filter((r) => r[7]?.t === 'n')).toHaveLength(numeric.length);
    // Ken Sato's jt-2 is a 2 (examples/acme/sales.yaml).
    const kenJt2 = rows.find((r) => String(r[2]?.v).endsWith('examples/acme/sales.yaml') && r[6]?.v === 'jt-2');
    expect(kenJt2?.[7]).toMatchObject({ t: 'n', v: 2 });
  });

  it('holds the discussion agenda under Discussion: a row per question × respondent, answers as numbers', () => {
    const [head, ...rows] = sheetRows(book, 'Discussion');
    expect((head ?? []).map((c) => c.v)).toEqual(['ID', 'Capability', 'Question', 'Spread', 'Respondent', 'Role', 'Value', 'Answer']);
    const agenda = report.discussion ?? [];
    expect(agenda.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(agenda.reduce((n, d) => n + d.answers.length, 0));
    expect(rows.map((r) => r[0]?.v)).toEqual(agenda.flatMap((d) => d.answers.map(() => d.question)));
    expect(rows.map((r) => r[3]?.v)).toEqual(agenda.flatMap((d) => d.answers.map(() => d.spread)));
    // cid-2, spread 75: Priya (it) 1, Maria (marketing) 4, Ken (sales) 3 (examples/acme).
    expect(rows.slice(0, 3).map((r) => [r[4]?.v, r[5]?.v, r[6]?.t, r[6]?.v, r[7]?.v])).toEqual([
      ['Priya Nair', 'it', 'n', 1, '1 Strongly disagree'],
      ['Maria Lopez', 'marketing', 'n', 4, '4 Agree'],
      ['Ken Sato', 'sales', 'n', 3, '3 Neutral'],
    ]);
  });

  it('names the organisation and the assessment dates on the Summary sheet, never the day it was written', () => {
    const summary = sheetRows(book, 'Summary').map((r) => [r[0]?.v, r[1]?.v]);
    expect(summary).toContainEqual(['Organisation', 'Acme Corp']);
    expect(summary).toContainEqual(['Assessed', '2026-11-18 – 2026-11-19']);
    expect(summary.filter((r) => r[0] === 'Gap').map((r) => r[1])).toEqual(
      (report.summary?.gaps ?? []).map((id) => report.capabilities.find((c) => c.id === id)?.title),
    );
  });

  it('freezes each header row, sets column widths and holds no formula', () => {
    const files = unzipSync(bytes);
    for (let i = 1; i <= 6; i++) {
      const xml = strFromU8(files[`xl/worksheets/sheet${i}.xml`] ?? new Uint8Array());
      expect(xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
      expect(xml).toMatch(/<cols><col [^>]*width="/);
      expect(xml).not.toContain('<f>');
    }
  });

  it('keeps formula-looking notes as string cells, exactly as written', () => {
    const written = XLSX.read(readFileSync(write('xlsx', [formulaNotes])), { type: 'buffer' });
    const notes = sheetRows(written, 'Notes').map((r) => r[5]);
    for (const text of ["=cmd|' /C calc'!A0", '@SUM(1+1)', '+1-1']) {
      const cell = notes.find((c) => c?.v === text);
      expect(cell).toMatchObject({ t: 's', v: text });
      expect(cell?.f).toBeUndefined();
    }
  });

  it('keeps Japanese intact (--lang ja)', () => {
    const ja = jsonReport([acme, '--lang', 'ja']);
    const written = XLSX.read(readFileSync(write('xlsx', [acme, '--lang', 'ja'])), { type: 'buffer' });
    const [head, ...rows] = sheetRows(written, 'Capabilities');
    expect(head?.[3]?.v).toBe('スコア');
    expect(rows.map((r) => r[1]?.v)).toEqual(ja.capabilities.map((c) => c.title));
    expect(rows[0]?.[1]?.v).toBe('カスタマージャーニー起点のチーム体制');
  });
});

function unzipDeck(path: string): { slides: string[]; charts: string[] } {
  const files = unzipSync(readFileSync(path));
  const byNumber = (prefix: string) =>
    Object.keys(files)
      .filter((name) => new RegExp(`^${prefix}\\d+\\.xml$`).test(name))
      .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]))
      .map((name) => strFromU8(files[name] ?? new Uint8Array()));
  return { slides: byNumber('ppt/slides/slide'), charts: byNumber('ppt/charts/chart') };
}

describe('the deck, unzipped', () => {
  const report = jsonReport([acme]);
  const path = write('pptx', [acme]);
  const { slides, charts } = unzipDeck(path);

  it('has the slides a presenter needs, 16:9', () => {
    // title, summary, radar, roles, capability table (9 rows fit one) = 5; the discussion agenda,
    // its first 10 questions (of 13) each with three answers under a two-line heading, takes 4; each
    // roadmap step (3 actions) takes a whole column, two columns a slide: phase 1 (the next steps,
    // not repeated elsewhere) has 6 steps (3 slides), phase 2 has 7 (4), phase 3 has 3 (2).
    // 5 + 4 + 3 + 4 + 2 = 18.
    expect(report.roadmap.map((p) => p.steps.length)).toEqual([6, 7, 3]);
    expect(report.discussion).toHaveLength(13);
    expect(slides).toHaveLength(18);
    const presentation = strFromU8(unzipSync(readFileSync(path))['ppt/presentation.xml'] ?? new Uint8Array());
    expect(presentation).toContain('<p:sldSz cx="12192000" cy="6858000"/>');
  });

  it('has a native radar chart and a native bar chart', () => {
    expect(charts).toHaveLength(2);
    expect(charts[0]).toContain('<c:radarChart>');
    expect(charts[1]).toContain('<c:barChart>');
    expect(charts[1]).toContain('<c:barDir val="bar"/>');
  });

  it('titles the phases with their horizon, phase 1 as the next steps, and lists the agenda', () => {
    const titles = slides.map((xml) => /<a:t>([^<]*)<\/a:t>/.exec(xml)?.[1]);
    expect(titles.slice(5, 10)).toEqual([
      'Discussion agenda (1/4)',
      'Discussion agenda (2/4)',
      'Discussion agenda (3/4)',
      'Discussion agenda (4/4)',
      'Next steps · Phase 1 · months 1–3 (1/3)',
    ]);
    expect(titles).toContain('Roadmap · Phase 3 · months 7–9 (1/2)');
    expect(slides[5]).toContain('Priya Nair (it): 1 Strongly disagree');
    // Every action is on one slide only.
    const action = 'Name an accountable owner for each journey stage and record it on the journey map.';
    expect(slides.filter((xml) => xml.includes(action))).toHaveLength(1);
  });

  it('names the organisation and the assessment dates on the title slide, and every capability somewhere', () => {
    expect(slides[0]).toContain('Acme Corp');
    expect(slides[0]).toContain('Assessed: 2026-11-18 – 2026-11-19');
    expect(slides[0]).toContain('CXM Playbook maturity assessment');
    const all = slides.join('\n');
    for (const c of report.capabilities) expect(all).toContain(c.title);
  });

  it('has no text below 14 pt and body text at 18 pt', () => {
    const sizes = slides.flatMap((xml) => [...xml.matchAll(/ sz="(\d+)"/g)].map((m) => Number(m[1])));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1400);
    expect(sizes).toContain(1800);
  });

  it('declares the Japanese font for East Asian text (--lang ja)', () => {
    const ja = unzipDeck(write('pptx', [acme, '--lang', 'ja']));
    expect(ja.slides[1]).toContain('<a:ea typeface="Yu Gothic"');
    expect(ja.slides[1]).toContain('lang="ja-JP"');
    expect(ja.slides.join('\n')).toContain('カスタマージャーニー起点のチーム体制');
  });
});

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
const hasSoffice = soffice.status === 0;
if (!hasSoffice) {
  console.warn(
    'office.test.ts: soffice not found, the LibreOffice conversion test is skipped (apt: libreoffice-calc-nogui libreoffice-impress-nogui)',
  );
}

// .ci/run installs LibreOffice: in CI a missing soffice is a failure, not a skip.
it.runIf(process.env.CI === 'true')('LibreOffice is installed in CI', () => {
  expect(hasSoffice).toBe(true);
});

function pdfPages(pdf: Buffer): number {
  return [...pdf.toString('latin1').matchAll(/\/Type\s*\/Page(?!s)/g)].length;
}

describe.skipIf(!hasSoffice)('LibreOffice opens both files', () => {
  it('converts the workbook and the deck to PDF', () => {
    const dir = tempDir();
    const xlsx = write('xlsx', [acme]);
    const pptx = write('pptx', [acme]);
    // A profile of its own: a LibreOffice already running elsewhere would otherwise take the job.
    const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
    for (const file of [xlsx, pptx]) {
      const outdir = join(dir, file.endsWith('.xlsx') ? 'xlsx' : 'pptx');
      const result = spawnSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', outdir, file], {
        encoding: 'utf8',
        timeout: 180_000,
      });
      expect(result.status).toBe(0);
    }
    expect(pdfPages(readFileSync(join(dir, 'pptx', 'report.pdf')))).toBe(18);
    // A page per sheet at least, each sheet fitted to the page width: here 7 (the 147 Answers rows
    // take two); unfitted, LibreOffice printed the same workbook on 47 pages.
    const sheetPages = pdfPages(readFileSync(join(dir, 'xlsx', 'report.pdf')));
    expect(sheetPages).toBeGreaterThanOrEqual(6);
    expect(sheetPages).toBeLessThanOrEqual(10);
  }, 240_000);
});
