import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { scoreAnswerPaths } from '../../src/io/score-files.js';
import type { Report } from '../../src/model/report.js';
import { renderJson } from '../../src/report/json.js';
import { renderJsonChunks, STREAM_JSON_FROM } from '../../src/report/json-stream.js';
import { fixture } from '../helpers/cli.js';

const questionnaire = fixture('survey-google-forms/questionnaire.yaml');
const now = new Date('2026-12-02T00:00:00Z');
const QUESTIONS = [
  { id: 'j-1', allowNA: false, header: 'j-1' },
  { id: 'j-2', allowNA: true, header: 'Each stage has an owner.' },
  { id: 'd-1', allowNA: true, header: '共通の顧客IDがある。' },
  { id: 'd-2', allowNA: true, header: 'D-2' },
];
// A cell and the answer it stands for: values, labels in either language, n/a, empty.
const CELLS: [string, number | 'n/a' | undefined][] = [
  ['1', 1],
  ['Neutral', 2],
  ['そう思う', 3],
  [' agree ', 3],
  ['n/a', 'n/a'],
  ['', undefined],
];

const respondent = fc.record({
  name: fc.option(fc.constantFrom('Aiko Tanaka', 'Ben Carter', '山田 花子'), { nil: undefined }),
  role: fc.option(fc.constantFrom('marketing', 'it'), { nil: undefined }),
  cells: fc.tuple(...QUESTIONS.map((q) => fc.constantFrom(...CELLS.filter(([cell]) => q.allowNA || cell !== 'n/a')))),
});

/** The report without what names the source: respondents' `file` and the generation time. */
function withoutFiles(report: Report): unknown {
  const json = JSON.parse(renderJson(report));
  const strip = (list: { file?: string }[]) => list.map(({ file: _file, ...rest }) => rest);
  json.respondents = strip(json.respondents);
  for (const cap of json.capabilities) cap.respondents = strip(cap.respondents);
  for (const item of json.discussion) item.answers = strip(item.answers);
  return json;
}

describe('a survey export scores as the equivalent answer files', () => {
  it('gives the same report apart from the files (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(respondent, { minLength: 1, maxLength: 8 }), async (rows) => {
        const dir = mkdtempSync(join(tmpdir(), 'cxm-survey-prop-'));
        const lines = [['Name', 'role', ...QUESTIONS.map((q) => q.header)].join(',')];
        rows.forEach((row, r) => {
          lines.push([row.name ?? '', row.role ?? '', ...row.cells.map(([cell]) => cell)].join(','));
          const answers = Object.fromEntries(
            QUESTIONS.flatMap((q, k) => {
              const value = row.cells[k]?.[1];
              return value === undefined ? [] : [[q.id, value]];
            }),
          );
          const who = { ...(row.name && { name: row.name }), ...(row.role && { role: row.role }) };
          const file = { questionnaire, ...(Object.keys(who).length > 0 && { respondent: who }), answers };
          writeFileSync(join(dir, `r-${String(r).padStart(3, '0')}.yaml`), stringify(file));
        });
        writeFileSync(join(dir, 'survey.csv'), `${lines.join('\n')}\n`);
        const fromSurvey = await scoreAnswerPaths([join(dir, 'survey.csv')], { questionnaire, now });
        const fromFiles = await scoreAnswerPaths(
          rows.map((_, r) => join(dir, `r-${String(r).padStart(3, '0')}.yaml`)),
          { now },
        );
        expect(fromSurvey.report.respondents.map((r) => r.file)).toEqual(rows.map((_, r) => `${join(dir, 'survey.csv')}:${r + 2}`));
        expect(withoutFiles(fromSurvey.report)).toEqual(withoutFiles(fromFiles.report));
      }),
      { numRuns: 30 },
    );
  });
});

describe('the JSON report of a large survey, written in pieces', () => {
  it('is byte for byte the JSON report, at 1,001 respondents', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxm-survey-big-'));
    const lines = ['Name,Role,j-1,j-2,d-1,d-2'];
    for (let r = 0; r < STREAM_JSON_FROM; r++) {
      const v = (k: number) => String(1 + ((r * 7 + k * 3) % 3));
      lines.push(
        `"Person ${r}, ""the ${r}th""",${['it', 'sales', ''][r % 3]},${v(1)},${r % 5 ? v(2) : 'n/a'},${r % 4 ? v(3) : ''},${v(4)}`,
      );
    }
    writeFileSync(join(dir, 'big.csv'), `${lines.join('\r\n')}\r\n`);
    const { report } = await scoreAnswerPaths([join(dir, 'big.csv')], { questionnaire, now });
    expect(report.respondents).toHaveLength(1001);
    const pieces = [...renderJsonChunks(report)];
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(renderJson(report));
    // Row 1000: j-2 is n/a (1000 % 5 = 0) and d-1 empty (1000 % 4 = 0).
    expect(report.respondents[1000]).toEqual({
      name: 'Person 1000, "the 1000th"',
      role: 'sales',
      file: `${join(dir, 'big.csv')}:1002`,
      unanswered: 1,
      notApplicable: 1,
    });
  });

  it('is byte for byte the JSON report with no respondents listed and with one', async () => {
    const { report } = await scoreAnswerPaths([fixture('survey-google-forms/responses.csv')], { questionnaire, now });
    expect([...renderJsonChunks(report)].join('')).toBe(renderJson(report));
    const empty = { ...report, respondents: [], capabilities: report.capabilities.map((c) => ({ ...c, respondents: [] })) };
    expect([...renderJsonChunks(empty)].join('')).toBe(renderJson(empty));
  });
});
