import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, tempDir } from '../helpers/cli.js';

// What cxm writes, given back to validate, is checked against its own schema (the one `cxm diff`
// reads it with): one line per real problem, not the ~90 problems of a file taken for a questionnaire.

const q1 = fixture('diff-playbook', '2026-q1.yaml');
const q2 = fixture('diff-playbook', '2026-q2.yaml');

function written(name: string, args: string[]): { dir: string; path: string; text: string } {
  const result = runCli(args);
  expect(result.code).toBe(0);
  const dir = tempDir('cxm-validate-report-');
  writeFileSync(join(dir, name), result.stdout);
  return { dir, path: join(dir, name), text: result.stdout };
}

/** 1-based line and column of the first `needle` in `text`, plus `shift` characters. */
function position(text: string, needle: string, shift = 0): string {
  const offset = text.indexOf(needle) + shift;
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${(before.at(-1) ?? '').length + 1}`;
}

describe('cxm validate on a JSON report or diff', () => {
  it('a report of cxm score is recognised and valid', () => {
    const { dir } = written('report.json', ['score', q1, '--format', 'json']);
    expect(runCli(['validate', 'report.json'], { cwd: dir })).toEqual({
      code: 0,
      stdout: '✓ report.json (report, 9 capabilities)\n',
      stderr: '',
    });
  });

  it('a diff of cxm diff is recognised and valid', () => {
    const { dir } = written('diff.json', ['diff', q1, q2, '--format', 'json']);
    expect(runCli(['validate', 'diff.json'], { cwd: dir })).toEqual({
      code: 0,
      stdout: '✓ diff.json (diff, 9 capabilities)\n',
      stderr: '',
    });
  });

  it('a broken report: only its real problem, located', () => {
    const result = runCli(['validate', fixture('diff-bad', 'bad-report.json')]);
    expect(result.stderr).toBe(
      'test/fixtures/diff-bad/bad-report.json:11:88 capabilities[0].score: expected a number, found "high"\n1 of 1 file(s) invalid\n',
    );
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
  });

  it('a broken diff: a wrong type and a status it does not know, each at its line and column', () => {
    const { dir, text } = written('diff.json', ['diff', q1, q2, '--format', 'json']);
    const broken = text.replace('"tolerance": 0.5', '"tolerance": "0.5"').replace('"status": "improved"', '"status": "better"');
    writeFileSync(join(dir, 'diff.json'), broken);
    const result = runCli(['validate', 'diff.json'], { cwd: dir });
    expect(result.stderr).toBe(
      [
        `diff.json:${position(broken, '"tolerance": ', 13)} tolerance: expected a number, found "0.5"`,
        `diff.json:${position(broken, '"better"')} capabilities[0].status: invalid option: expected one of "improved"|"regressed"|"unchanged"|"new"|"not-assessed"`,
        '1 of 1 file(s) invalid',
        '',
      ].join('\n'),
    );
    expect(result.code).toBe(2);
  });

  it('reports in a folder are checked as reports, next to answers', () => {
    const { dir } = written('report.json', ['score', q1, '--format', 'json']);
    writeFileSync(join(dir, 'a.yaml'), 'questionnaire: cxm-playbook\nanswers:\n  jt-1: 4\nquestionnaireVersion: 1.0.0\n');
    expect(runCli(['validate', '.'], { cwd: dir })).toEqual({
      code: 0,
      stdout: '✓ a.yaml (answers to cxm-playbook: 1 answered)\n✓ report.json (report, 9 capabilities)\n',
      stderr: '',
    });
  });
});
