import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { serializeAnswerFile, type RunAnswerFile } from '../../src/io/answer-file.js';
import { AnswerFileGuard, sideFilePath } from '../../src/io/guarded-save.js';
import { tempDir } from '../helpers/cli.js';

/** The save path of `cxm run` against a real file changed between saves (SPEC §8). */

const base: RunAnswerFile = {
  questionnaire: 'cxm-playbook',
  questionnaireVersion: '1.0.0',
  respondent: { name: 'A' },
  lang: 'en',
  startedAt: '2026-12-02T09:00:00Z',
  answers: { 'jt-1': 4 },
};

function created(): { path: string; guard: AnswerFileGuard } {
  const path = join(tempDir('cxm-guard-'), 'a.yaml');
  const text = serializeAnswerFile(base, path);
  writeFileSync(path, text);
  return { path, guard: new AnswerFileGuard(path, base, text) };
}

describe('AnswerFileGuard', () => {
  it('writes over a file unchanged since its last write, and recreates a deleted one', async () => {
    const { path, guard } = created();
    const mine = { ...base, answers: { 'jt-1': 4, 'jt-2': 2 } };
    expect(await guard.save(mine)).toEqual({ file: mine, takenFromOther: [], conflicts: [], fieldConflicts: [], diverted: undefined });
    expect(readFileSync(path, 'utf8')).toBe(serializeAnswerFile(mine, path));
    rmSync(path);
    await guard.save(mine);
    expect(parse(readFileSync(path, 'utf8')).answers).toEqual({ 'jt-1': 4, 'jt-2': 2 });
  });

  it("merges the other fields too: a respondent renamed outside is kept, a lang both changed keeps the run's", async () => {
    const { path, guard } = created();
    writeFileSync(path, serializeAnswerFile({ ...base, respondent: { name: 'B' }, lang: 'fr', answers: { 'jt-1': 4, 'jt-5': 1 } }, path));
    const result = await guard.save({ ...base, lang: 'ja', answers: { 'jt-1': 4, 'jt-2': 3 } });
    expect(result.file).toMatchObject({ respondent: { name: 'B' }, lang: 'ja', answers: { 'jt-1': 4, 'jt-2': 3, 'jt-5': 1 } });
    expect(result.fieldConflicts).toEqual(['lang']);
    expect(parse(readFileSync(path, 'utf8'))).toMatchObject({ respondent: { name: 'B' }, lang: 'ja' });
    // The merged file is the new base: an unchanged file is simply written over next time.
    const next = await guard.save({ ...result.file, answers: { ...result.file.answers, 'jt-3': 5 } });
    expect(next.takenFromOther).toEqual([]);
  });

  it('keeps the report path through a merge: the run set it, or the other side did', async () => {
    const { path, guard } = created();
    writeFileSync(path, serializeAnswerFile({ ...base, answers: { 'jt-1': 4, 'jt-5': 1 } }, path));
    const mine = await guard.save({ ...base, report: 'r.md', answers: { 'jt-1': 4, 'jt-2': 3 } });
    expect(mine.file.report).toBe('r.md');
    expect(parse(readFileSync(path, 'utf8')).report).toBe('r.md');
    writeFileSync(path, serializeAnswerFile({ ...mine.file, report: '../out/r.html' }, path));
    const theirs = await guard.save({ ...mine.file, answers: { ...mine.file.answers, 'jt-3': 2 } });
    expect(theirs.file.report).toBe('../out/r.html');
    expect(theirs.fieldConflicts).toEqual([]);
  });

  it('diverts to a side file when the file names an unknown question, back to the file once it is valid again', async () => {
    const { path, guard } = created();
    const invalid = serializeAnswerFile({ ...base, answers: { 'no-such-question': 3 } }, path);
    writeFileSync(path, invalid);
    const result = await guard.save({ ...base, answers: { 'jt-1': 4, 'jt-2': 1 } });
    expect(result.diverted?.problem).toMatch(/a\.yaml:\d+:\d+ .*no-such-question/);
    expect(result.diverted?.first).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(invalid);
    const side = result.diverted?.sideFile ?? '';
    expect(parse(readFileSync(side, 'utf8')).answers).toEqual({ 'jt-1': 4, 'jt-2': 1 });
    expect(guard.savedPath).toBe(side);

    writeFileSync(path, serializeAnswerFile({ ...base, answers: { 'jt-1': 4, 'jt-5': 2 } }, path));
    const back = await guard.save({ ...base, answers: { 'jt-1': 4, 'jt-2': 1 } });
    expect(back.diverted).toBeUndefined();
    expect(parse(readFileSync(path, 'utf8')).answers).toEqual({ 'jt-1': 4, 'jt-2': 1, 'jt-5': 2 });
    expect(guard.savedPath).toBe(path);
    expect(existsSync(side)).toBe(true); // it was announced; the user removes it
  });

  it.each([
    ['/x/a.yaml', '/x/a.cxm-conflict-20261202T090005Z.yaml'],
    ['/x/a.json', '/x/a.cxm-conflict-20261202T090005Z.json'],
    ['/x/answers', '/x/answers.cxm-conflict-20261202T090005Z.yaml'],
  ])('side file of %s: %s', (path, side) => {
    expect(sideFilePath(path, new Date('2026-12-02T09:00:05.123Z'))).toBe(side);
  });
});
