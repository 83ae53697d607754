import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bundledPath } from '../../src/io/bundled.js';
import {
  createAnswerFile,
  defaultAnswerPath,
  questionnaireRef,
  serializeAnswerFile,
  slugify,
  type RunAnswerFile,
} from '../../src/io/answer-file.js';
import { answerFileSchema } from '../../src/model/answers.js';
import { tempDir } from '../helpers/cli.js';

const file: RunAnswerFile = {
  questionnaire: 'cxm-playbook',
  questionnaireVersion: '1.0.0',
  respondent: { name: 'Aiko Tanaka', role: 'marketing', organization: undefined },
  lang: 'ja',
  startedAt: '2026-11-25T09:00:00Z',
  answers: { 'sci-1': 4, 'sci-2': 'n/a', 'sci-3': { value: 2, note: 'CRM と MA で ID が違う: "yes"' }, 'sci-4': { note: 'later' } },
};

describe('answer file (SPEC §4)', () => {
  it('writes the fields in order, omitting completedAt while unfinished', () => {
    expect(serializeAnswerFile(file)).toBe(
      [
        '# Written by `cxm run`. Continue with: cxm run --resume <this file>',
        'questionnaire: cxm-playbook',
        'questionnaireVersion: 1.0.0',
        'respondent:',
        '  name: Aiko Tanaka',
        '  role: marketing',
        'lang: ja',
        'startedAt: "2026-11-25T09:00:00Z"',
        'answers:',
        '  sci-1: 4',
        '  sci-2: n/a',
        '  sci-3:',
        '    value: 2',
        `    note: 'CRM と MA で ID が違う: "yes"'`,
        '  sci-4:',
        '    note: later',
        '',
      ].join('\n'),
    );
  });

  it('round-trips through the answers schema, with completedAt once finished; JSON stays JSON', () => {
    const done = { ...file, completedAt: '2026-11-25T09:45:00Z' };
    expect(answerFileSchema.parse(parse(serializeAnswerFile(done)))).toEqual({
      ...done,
      respondent: { name: 'Aiko Tanaka', role: 'marketing' },
    });
    expect(JSON.parse(serializeAnswerFile(done, 'a.json'))).toEqual(answerFileSchema.parse(parse(serializeAnswerFile(done))));
  });

  it('names a bundled questionnaire by id, any other by a path relative to the answer file', () => {
    expect(questionnaireRef(bundledPath('cxm-playbook') ?? '', '/tmp/x/a.yaml')).toBe('cxm-playbook');
    expect(questionnaireRef('/work/q/mine.yaml', '/work/answers/a.yaml')).toBe('../q/mine.yaml');
    expect(questionnaireRef('/work/answers/mine.yaml', '/work/answers/a.yaml')).toBe('./mine.yaml');
  });

  it.each([
    ['Aiko Tanaka', 'aiko-tanaka'],
    ['田中 愛子', '田中-愛子'],
    ["  O'Brien & Co. ", 'o-brien-co'],
    ['!!!', ''],
  ])('slugify(%j) = %j', (text, slug) => expect(slugify(text)).toBe(slug));

  it('defaults to answers-<date>-<respondent>.yaml, then -2, -3…', () => {
    const date = new Date('2026-11-25T09:00:00Z');
    expect(defaultAnswerPath('/d', date, { name: 'Aiko Tanaka' })).toBe('/d/answers-2026-11-25-aiko-tanaka.yaml');
    expect(defaultAnswerPath('/d', date, { role: 'Sales' }, 3)).toBe('/d/answers-2026-11-25-sales-3.yaml');
    expect(defaultAnswerPath('/d', date, {})).toBe('/d/answers-2026-11-25-anonymous.yaml');
  });

  it('creates a new file without ever replacing an existing one', async () => {
    const dir = tempDir('cxm-answer-file-');
    const candidate = (n: number) => join(dir, n === 1 ? 'a.yaml' : `a-${n}.yaml`);
    writeFileSync(candidate(1), 'old');
    writeFileSync(candidate(2), 'old');
    expect(await createAnswerFile(candidate, 'new')).toBe(candidate(3));
    expect([readFileSync(candidate(1), 'utf8'), readFileSync(candidate(2), 'utf8'), readFileSync(candidate(3), 'utf8')]).toEqual([
      'old',
      'old',
      'new',
    ]);
    await expect(createAnswerFile(() => candidate(1), 'new', 1)).rejects.toThrow('file already exists');
    expect(readFileSync(candidate(1), 'utf8')).toBe('old');
    expect(existsSync(join(dir, '.a.yaml.tmp'))).toBe(false);
  });
});
