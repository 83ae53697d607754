import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type RunWorkshopFile, serializeWorkshopFile, WorkshopFileGuard } from '../../src/io/workshop-file.js';
import { tempDir } from '../helpers/cli.js';

/** The saves of `cxm run --groups` against a real file changed between saves (SPEC §8, §4.1). */

const base: RunWorkshopFile = {
  questionnaire: 'cxm-playbook',
  questionnaireVersion: '1.0.0',
  groups: [
    { id: 'marketing', name: 'Marketing' },
    { id: 'it', name: 'IT' },
  ],
  organization: 'Example KK',
  lang: 'en',
  facilitator: 'Ken Sato',
  startedAt: '2026-12-02T09:00:00Z',
  answers: { 'jt-1': { votes: { marketing: 4, it: 1 } } },
};

function created(): { path: string; guard: WorkshopFileGuard } {
  const path = join(tempDir('cxm-workshop-guard-'), 'ws.yaml');
  const text = serializeWorkshopFile(base, path);
  writeFileSync(path, text);
  return { path, guard: new WorkshopFileGuard(path, base, text) };
}

describe('WorkshopFileGuard', () => {
  it('writes the file as SPEC §4.1 shows it, one line per group and per question', async () => {
    const { path, guard } = created();
    await guard.save({ ...base, answers: { ...base.answers, 'jt-2': { votes: { marketing: 'n/a', it: 2 }, note: 'agreed' } } });
    expect(readFileSync(path, 'utf8')).toBe(
      [
        '# Written by `cxm run --groups`. Continue with: cxm run --resume <this file>',
        'questionnaire: cxm-playbook',
        'questionnaireVersion: 1.0.0',
        'groups:',
        '  - { id: marketing, name: Marketing }',
        '  - { id: it, name: IT }',
        'respondent: { organization: Example KK }',
        'lang: en',
        'facilitator: Ken Sato',
        'startedAt: "2026-12-02T09:00:00Z"',
        'answers:',
        '  jt-1: { votes: { marketing: 4, it: 1 } }',
        '  jt-2: { votes: { marketing: n/a, it: 2 }, note: agreed }',
        '',
      ].join('\n'),
    );
  });

  it("merges a vote and a note made in an editor meanwhile; where both changed a vote, the run's is kept and reported", async () => {
    const { path, guard } = created();
    const theirs = {
      ...base,
      answers: { 'jt-1': { votes: { marketing: 5, it: 1 } }, 'jt-3': { votes: { it: 3 }, note: 'from git' } },
    };
    writeFileSync(path, serializeWorkshopFile(theirs, path));
    const result = await guard.save({ ...base, answers: { 'jt-1': { votes: { marketing: 2, it: 1 } }, 'jt-2': { votes: { it: 4 } } } });
    expect(result.conflicts).toEqual([{ id: 'jt-1 (marketing)', part: 'value', kept: 2, other: 5 }]);
    expect(result.takenFromOther).toEqual(['jt-3']);
    expect(parse(readFileSync(path, 'utf8')).answers).toEqual({
      'jt-1': { votes: { marketing: 2, it: 1 } },
      'jt-2': { votes: { it: 4 } },
      'jt-3': { votes: { it: 3 }, note: 'from git' },
    });
  });

  it('leaves a file made invalid alone and saves beside it', async () => {
    const { path, guard } = created();
    const broken = readFileSync(path, 'utf8').replace('it: 1 }', 'sales: 1 }');
    writeFileSync(path, broken);
    const result = await guard.save({ ...base, answers: { 'jt-1': { votes: { marketing: 3, it: 1 } } } });
    expect(result.diverted?.problem).toContain('"sales" is not a group of this workshop');
    expect(readFileSync(path, 'utf8')).toBe(broken);
    expect(existsSync(result.diverted?.sideFile ?? '')).toBe(true);
    expect(guard.savedPath).toBe(result.diverted?.sideFile);
  });
});
