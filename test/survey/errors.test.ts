import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, tempDir } from '../helpers/cli.js';

// Each mistake in an export is one line `file:row:column "header": message` on stderr, every one
// of the file at once, exit 2 and no report. Columns are numbers (A = 1).
const HEADER = 'Name,j-1,Each stage has an owner.,d-1,d-2';

function scoreIn(files: Record<string, string | Uint8Array>, args: string[]) {
  const dir = tempDir('cxm-survey-');
  copyFileSync(fixture('survey-google-forms/questionnaire.yaml'), join(dir, 'questionnaire.yaml'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return runCli(['score', ...args, '--questionnaire', 'questionnaire.yaml'], { cwd: dir });
}

describe('survey export errors', () => {
  it.each([
    ['a cell off the scale', `${HEADER}\nAiko,7,3,,\n`, 'bad.csv:2:2 "j-1": 7 is not on the scale "agreement" (1, 2, 3)'],
    [
      'an unknown label',
      `${HEADER}\nAiko,3,Sometimes,,\n`,
      'bad.csv:2:3 "Each stage has an owner.": "Sometimes" is neither a value nor a label of the scale "agreement" (1, 2, 3: Disagree, Neutral, Agree)',
    ],
    ['n/a where it is not allowed', `${HEADER}\nAiko,N/A,3,,\n`, 'bad.csv:2:2 "j-1": "n/a" is not allowed for j-1'],
    [
      'a duplicate question column',
      'Name,j-1,We map the customer journey.,d-1\nAiko,3,3,2\n',
      'bad.csv:1:3 "We map the customer journey.": a second column for question j-1 (the first is column 2)',
    ],
    ['an empty export', '', 'bad.csv:1:1 the export is empty (no header row)'],
    ['a header without rows', `${HEADER}\n`, 'bad.csv:2:1 the export has no respondents (only the header row)'],
    ['a cell beyond the headers', `${HEADER}\nAiko,3,3,3,3,oops\n`, 'bad.csv:2:6 a cell beyond the last column with a header'],
    [
      'an unclosed quote',
      `${HEADER}\nAiko,"3,3,3,3\n`,
      'bad.csv:2:1 not a readable CSV file: Quote Not Closed: the parsing is finished with an opening quote at line 2',
    ],
    [
      'no question column',
      'Name,Email\nAiko,a@example.com\n',
      'bad.csv:1:1 no column matches a question of survey-test (by id, e.g. "j-1", or by its text)',
    ],
  ])('%s', (_what, content, line) => {
    const result = scoreIn({ 'bad.csv': content }, ['bad.csv']);
    expect(result.stderr).toBe(`${line}\n`);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  });

  it('a binary file named .csv', () => {
    const result = scoreIn({ 'bad.csv': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x0a, 0x00, 0x00, 0x00]) }, ['bad.csv']);
    expect(result.stderr).toBe('bad.csv:2:1 not a text file (contains NUL bytes); save the export as "CSV UTF-8"\n');
    expect(result.code).toBe(2);
  });

  it('a CSV saved as Shift_JIS rather than UTF-8', () => {
    // "Name,j-1\nそう" with そう in Shift_JIS (0x82 0xBB 0x82 0xA4).
    const bytes = new Uint8Array([...Buffer.from('Name,j-1\nAiko,'), 0x82, 0xbb, 0x82, 0xa4, 0x0a]);
    const result = scoreIn({ 'bad.csv': bytes }, ['bad.csv']);
    expect(result.stderr).toBe('bad.csv:2:6 not UTF-8 text; save the export as "CSV UTF-8"\n');
    expect(result.code).toBe(2);
  });

  it('an xlsx that is not a workbook', () => {
    const result = scoreIn({ 'bad.xlsx': 'Name,j-1\nAiko,3\n' }, ['bad.xlsx']);
    expect(result.stderr).toMatch(/^bad\.xlsx:1:1 not a readable xlsx workbook: .+\n$/);
    expect(result.code).toBe(2);
  });

  it('lists every problem of every export at once, in row order', () => {
    const result = scoreIn(
      {
        'a.csv': `${HEADER}\nAiko,7,3,,\nBen,3,3,Often,\nCho,,,,0\n`,
        'b.csv': 'Name,d-1,d-1\nDan,1,1\n',
      },
      ['a.csv', 'b.csv'],
    );
    expect(result.stderr).toBe(
      [
        'a.csv:2:2 "j-1": 7 is not on the scale "agreement" (1, 2, 3)',
        'a.csv:3:4 "d-1": "Often" is neither a value nor a label of the scale "agreement" (1, 2, 3: Disagree, Neutral, Agree)',
        'a.csv:4:5 "d-2": 0 is not on the scale "agreement" (1, 2, 3)',
        'b.csv:1:3 "d-1": a second column for question d-1 (the first is column 2)',
        '',
      ].join('\n'),
    );
    expect(result.code).toBe(2);
  });

  it('a survey without --questionnaire, or with an unknown --role-column', () => {
    const without = runCli(['score', fixture('survey-google-forms/responses.csv')]);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('is a survey export: name the questionnaire it answers with --questionnaire <id|path>');
    const role = scoreIn({ 's.csv': `${HEADER}\nAiko,3,3,3,3\n` }, ['s.csv', '--role-column', 'Department']);
    expect(role.stderr).toBe('s.csv:1:1 no column is headed "Department" (--role-column)\n');
    expect(role.code).toBe(2);
  });

  it('an answer file of another questionnaire next to the export', () => {
    const result = runCli([
      'score',
      fixture('survey-google-forms/responses.csv'),
      'examples/acme/it.yaml',
      '--questionnaire',
      fixture('survey-google-forms/questionnaire.yaml'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the answer files answer different questionnaires');
  });
});
