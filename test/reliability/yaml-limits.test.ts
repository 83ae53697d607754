import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, tempDir } from '../helpers/cli.js';

const questionnaire = fixture('score-hand-worked', 'questionnaire.yaml');

// Both crashed with exit 1 and a minified stack: a RangeError, or "YAML syntax: Maximum call stack size exceeded".
describe('a YAML alias that refers to itself', () => {
  it('in a questionnaire: one line at the alias, exit 2', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'q.yaml'), 'id: loop\nversion: 1.0.0\ncapabilities: &r [*r]\n');
    const result = runCli(['validate', 'q.yaml'], { cwd: dir });
    expect(result.stderr).toBe('q.yaml:3:19 alias *r refers to itself (a recursive alias)\n1 of 1 file(s) invalid\n');
    expect(result.code).toBe(2);
  });

  it('in an answer file, through a map (score)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), `questionnaire: ${questionnaire}\nanswers: &all\n  q1: 3\n  again: *all\n`);
    const result = runCli(['score', 'a.yaml'], { cwd: dir });
    expect(result.stderr).toBe('a.yaml:4:10 alias *all refers to itself (a recursive alias)\n');
    expect(result.code).toBe(2);
  });

  it('an alias of an earlier node is still fine', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), `questionnaire: ${questionnaire}\nrespondent: &who { name: Ana }\nanswers: { }\nx: *who\n`);
    const result = runCli(['validate', 'a.yaml'], { cwd: dir });
    expect(result.stderr).not.toContain('alias');
  });
});

describe('deep nesting', () => {
  it.each([
    ['10,000 flow lists', `answers: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, 'a.yaml:1:110 nesting deeper than 100 levels'],
    [
      '2,000 block lists',
      `answers:\n${Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}-\n`).join('')}`,
      'a.yaml:102:101 nesting deeper than 100 levels',
    ],
  ])('%s: "nesting deeper than 100 levels" at the first level too deep, exit 2', (_name, text, line) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), text);
    const result = runCli(['validate', 'a.yaml'], { cwd: dir });
    expect(result.stderr).toBe(`${line}\n1 of 1 file(s) invalid\n`);
    expect(result.code).toBe(2);
  });

  it('100 levels (100 lists inside the top-level map) are still read: the limit is not off by one', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), `answers: ${'['.repeat(100)}${']'.repeat(100)}\n`);
    const result = runCli(['validate', 'a.yaml'], { cwd: dir });
    expect(result.stderr).not.toContain('nesting');
    expect(result.code).toBe(2);
  });
});
