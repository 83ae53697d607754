import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverAnswerFiles } from '../../src/io/discover-answers.js';
import { scoreAnswerPaths } from '../../src/io/score-files.js';
import { InvalidInputError, UserError } from '../../src/errors.js';
import { reportSchema } from '../../src/model/report.js';
import { fixture, repoRoot, tempDir } from '../helpers/cli.js';

const rel = (path: string) => relative(repoRoot, path);

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('discoverAnswerFiles', () => {
  it('expands folders recursively into sorted .yaml/.yml/.json files, skipping dot-entries and duplicates', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'b'));
    mkdirSync(join(dir, '.git'));
    for (const name of ['z.yaml', 'a.yml', 'b/c.json', 'notes.txt', '.hidden.yaml', '.git/x.yaml']) writeFileSync(join(dir, name), 'x');
    const found = await discoverAnswerFiles([dir, join(dir, 'z.yaml')]);
    expect(found.map((f) => [relative(dir, f.path), f.fromFolder])).toEqual([
      ['a.yml', true],
      ['b/c.json', true],
      ['z.yaml', true],
    ]);
  });

  it('spells each path as join(folder, name) would, however the folder was written', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    for (const name of ['a.yaml', 'sub/b.yaml']) writeFileSync(join(dir, name), 'x');
    const spellings = [dir, `${dir}/`, `${dir}//`, `${dir}/sub/..`, `${dir}/./`, rel(dir), `./${rel(dir)}`];
    for (const folder of spellings) {
      const found = await discoverAnswerFiles([folder]);
      expect(found.map((f) => f.path)).toEqual([join(folder, 'a.yaml'), join(folder, 'sub/b.yaml')]);
    }
  });

  it('keeps a file named on the command line as given, whatever its extension', async () => {
    const file = join(tempDir(), 'answers.txt');
    writeFileSync(file, 'x');
    expect(await discoverAnswerFiles([file])).toEqual([{ path: file, fromFolder: false }]);
  });

  it('fails with exit 2 on a missing path or a folder without answer files', async () => {
    const missing = await rejection(discoverAnswerFiles(['no/such/place']));
    expect(missing).toBeInstanceOf(UserError);
    expect(missing).toMatchObject({ exitCode: 2, message: '"no/such/place" not found' });
    const empty = await rejection(discoverAnswerFiles([fixture('score-empty-folder')]));
    expect(empty).toMatchObject({ exitCode: 2, message: expect.stringContaining('no answer files (.yaml, .yml, .json) in the folder') });
  });
});

describe('scoreAnswerPaths', () => {
  it('scores a folder, skipping the questionnaire beside the answers, into a valid report', async () => {
    const now = new Date('2026-11-25T10:00:00Z');
    const { report, files, failedGates } = await scoreAnswerPaths([fixture('score-hand-worked')], { now });
    expect(files.map(rel)).toEqual(['ana', 'ben', 'cho'].map((n) => `test/fixtures/score-hand-worked/${n}.yaml`));
    expect(reportSchema.parse(report)).toEqual(report);
    expect(report).toMatchObject({
      schemaVersion: 1,
      generatedAt: '2026-11-25T10:00:00.000Z',
      lang: 'en',
      target: 'managed',
      spreadThreshold: 25,
    });
    expect(report.respondents.map((r) => [r.name, r.role])).toEqual([
      ['Ana', 'marketing'],
      ['Ben', 'marketing'],
      ['Cho', 'it'],
    ]);
    expect(report.overall.score).toBeCloseTo(59.4444444444, 9); // worked out in test/core/score.test.ts
    expect(report.questions).toBeUndefined();
    expect(failedGates).toEqual([]);
  });

  it('collects the problems of every invalid file before failing', async () => {
    const error = await rejection(scoreAnswerPaths([fixture('score-invalid-answers')]));
    expect(error).toBeInstanceOf(InvalidInputError);
    const problems = error instanceof InvalidInputError ? error.problems : [];
    expect(problems.map((p) => `${p.file.replace(/.*\//, '')}:${p.line}:${p.column} ${p.path}: ${p.message}`)).toEqual([
      'bad-value.yaml:5:9 answers.jt-2: 7 is not on the scale "agreement" (1, 2, 3, 4, 5)',
      'bad-value.yaml:6:10 answers.cid-1: "n/a" is not allowed for cid-1',
      'unknown-question.yaml:4:3 answers.jt-9: unknown question "jt-9"',
    ]);
  });

  it('refuses answers to different questionnaires, naming the files', async () => {
    const error = await rejection(scoreAnswerPaths([fixture('score-mixed-questionnaires')]));
    expect(error).toBeInstanceOf(UserError);
    const message = error instanceof Error ? error.message : '';
    expect(message).toContain('different questionnaires');
    expect(message).toMatch(/hand-worked \(.*score-hand-worked\/questionnaire\.yaml\): .*hand-worked\.yaml/);
    expect(message).toMatch(/cxm-playbook \(.*cxm-playbook-1\.0\.0\.yaml\): .*playbook\.yaml/);
  });

  it('refuses a questionnaire named as an answer file', async () => {
    const error = await rejection(scoreAnswerPaths([fixture('score-hand-worked', 'questionnaire.yaml')]));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error instanceof InvalidInputError && error.problems[0]?.message).toBe(
      'this is a questionnaire, not an answer file (check it with `cxm validate`)',
    );
  });

  it('turns version mismatches and unfinished assessments into located warnings', async () => {
    const { report } = await scoreAnswerPaths([fixture('score-warnings')]);
    expect(report.warnings.map((w) => w.replace(/^.*\/score-warnings\//, ''))).toEqual([
      // 0.9.0 is not bundled: read against the latest (2.0.0), where jm-1 replaces jt-1.
      'old-version.yaml:2:23 questionnaireVersion: answers were given to version 0.9.0; the questionnaire is now 2.0.0',
      'old-version.yaml:6:3 answers.jt-1: "jt-1" is a question of an earlier version; counted for "jm-1"',
      'old-version.yaml:4:12 startedAt: unfinished assessment (no completedAt); scored as answered so far',
    ]);
  });

  it("reports in the answer files' common language unless --lang says otherwise", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), 'questionnaire: cxm-playbook\nlang: ja\nanswers: { jt-1: 4 }\nquestionnaireVersion: 1.0.0\n');
    const ja = (await scoreAnswerPaths([dir])).report;
    expect([ja.lang, ja.capabilities[0]?.title]).toEqual(['ja', 'カスタマージャーニー起点のチーム体制']);
    expect((await scoreAnswerPaths([dir], { lang: 'en' })).report.lang).toBe('en');
    const { report } = await scoreAnswerPaths([dir], { lang: 'fr' });
    expect(report.warnings).toEqual(['"fr" is not a language of the questionnaire (en, ja); texts fall back to en']);
    expect(report.capabilities[0]?.title).toBe('Journey-based teams');
  });

  it('fails with exit 2 on an unknown --target or gate id, and evaluates known gates', async () => {
    const paths = [fixture('score-hand-worked')];
    await expect(scoreAnswerPaths(paths, { target: 'expert' })).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('--target: unknown level "expert"'),
    });
    await expect(scoreAnswerPaths(paths, { gates: [{ kind: 'min-level', capability: 'nope', level: 'defined' }] })).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('unknown capability "nope"'),
    });
    const { failedGates, report } = await scoreAnswerPaths(paths, {
      target: 'optimized',
      gates: [
        { kind: 'fail-under', threshold: 60 },
        { kind: 'min-level', capability: 'dependent', level: 'managed' },
      ],
    });
    expect(report.target).toBe('optimized');
    expect(failedGates).toEqual([{ rule: 'overall >= 60', passed: false, detail: 'overall 59.4 is below 60' }]);
    expect(report.gates).toHaveLength(2);
  });
});
