import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerFile, questionIds } from '../../bench/generate.mjs';
import { repoRoot, runCli, tempDir } from '../helpers/cli.js';

// Large batches are loaded by worker threads; the result must be exactly the in-process one.
describe('scoring many files in worker threads', () => {
  let dir: string;
  beforeAll(async () => {
    dir = join(tempDir(), 'answers');
    mkdirSync(dir);
    const questions = await questionIds(join(repoRoot, 'questionnaires/versions/cxm-playbook-1.0.0.yaml'));
    let seed = 7;
    const rand = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let i = 0; i < 260; i++) writeFileSync(join(dir, `a-${String(i).padStart(3, '0')}.yaml`), answerFile(questions, i, rand));
  });

  const withoutTimestamp = (json: string) => json.replace(/"generatedAt": "[^"]+"/, '');

  // Without --detail, answers are classified where they are read and only typed arrays travel.
  it.each([[['--detail']], [[]]])('gives the same JSON report with workers as in-process (%j)', (extra) => {
    const inProcess = runCli(['score', dir, '--format', 'json', ...extra], { env: { CXM_WORKERS: '0' } });
    const parallel = runCli(['score', dir, '--format', 'json', ...extra], { env: { CXM_WORKERS: '2' } });
    expect(inProcess.code).toBe(0);
    expect(parallel.code).toBe(0);
    expect(JSON.parse(parallel.stdout).respondents).toHaveLength(260);
    expect(withoutTimestamp(parallel.stdout)).toBe(withoutTimestamp(inProcess.stdout));
  });

  it('scores the same with and without --detail', () => {
    const plain = JSON.parse(runCli(['score', dir, '--format', 'json']).stdout);
    const detailed = JSON.parse(runCli(['score', dir, '--format', 'json', '--detail']).stdout);
    expect(detailed.capabilities).toEqual(plain.capabilities);
    expect(detailed.byRole).toEqual(plain.byRole);
    expect(detailed.overall).toEqual(plain.overall);
  });

  it('loads again in-process a batch whose worker ran out of heap (a 4 MB answer file)', () => {
    const big = join(dir, '..', 'big');
    mkdirSync(big);
    const questions = [{ id: 'jt-1', allowNA: true }];
    for (let i = 0; i < 210; i++)
      writeFileSync(
        join(big, `c-${String(i).padStart(3, '0')}.yaml`),
        answerFile(questions, i, () => 0.5),
      );
    // Within the 4 MiB file limit, but its parse does not fit a worker's heap limit.
    const note = 'x'.repeat(4_100_000);
    writeFileSync(
      join(big, 'c-100.yaml'),
      `questionnaire: cxm-playbook\nanswers:\n  jt-1:\n    value: 2\n    note: "${note}"\nquestionnaireVersion: 1.0.0\n`,
    );
    const inProcess = runCli(['score', big, '--format', 'json'], { env: { CXM_WORKERS: '0' } });
    const parallel = runCli(['score', big, '--format', 'json'], { env: { CXM_WORKERS: '2' } });
    expect(parallel.code).toBe(0);
    expect(JSON.parse(parallel.stdout).respondents).toHaveLength(210);
    expect(withoutTimestamp(parallel.stdout)).toBe(withoutTimestamp(inProcess.stdout));
  });

  it('reports the same problems, in file order, when files are invalid', () => {
    const broken = join(dir, '..', 'broken');
    mkdirSync(broken);
    for (let i = 0; i < 210; i++) {
      const body =
        i % 70 === 5
          ? `questionnaire: cxm-playbook\nanswers:\n  jt-1: 9\nquestionnaireVersion: 1.0.0\n`
          : `questionnaire: cxm-playbook\nanswers:\n  jt-1: 3\nquestionnaireVersion: 1.0.0\n`;
      writeFileSync(join(broken, `b-${String(i).padStart(3, '0')}.yaml`), body);
    }
    const inProcess = runCli(['score', broken], { env: { CXM_WORKERS: '0' } });
    const parallel = runCli(['score', broken], { env: { CXM_WORKERS: '2' } });
    expect(parallel.code).toBe(2);
    expect(parallel.stderr).toBe(inProcess.stderr);
    expect(parallel.stderr.split('\n').filter((l) => l.includes('jt-1'))).toHaveLength(3);
  });
});
