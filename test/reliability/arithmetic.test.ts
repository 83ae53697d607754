import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

/*
 * Issue 12, item 10 (SPEC §5): weights and scale values at the limits of a double once gave
 * "Overall score: 0.0", 0 instead of 50, coverage 0 % or 50 instead of 75, all with exit 0.
 * Each case is worked by hand below and checked through the real CLI's JSON report.
 */

interface Shape {
  capWeights?: [string, string];
  questionWeights?: [string, string];
  values?: [string, string, string];
}

function scoreShape(shape: Shape, answers: Record<string, string>) {
  const dir = tempDir('cxm-arith-');
  const [v1, v2, v3] = shape.values ?? ['1', '2', '3'];
  const [cw1, cw2] = shape.capWeights ?? ['1', '1'];
  const [qw1, qw2] = shape.questionWeights ?? ['1', '1'];
  writeFileSync(
    join(dir, 'q.yaml'),
    `id: arith
version: 1.0.0
title: { en: Arithmetic }
scales:
  s: { options: [{ value: ${v1}, label: { en: Low } }, { value: ${v2}, label: { en: Mid } }, { value: ${v3}, label: { en: High } }] }
levels:
  - { id: low, min: 0, label: { en: Low } }
  - { id: high, min: 60, label: { en: High } }
capabilities:
  - id: a
    title: { en: A }
    weight: ${cw1}
    questions:
      - { id: a1, text: { en: A one }, scale: s, weight: ${qw1} }
      - { id: a2, text: { en: A two }, scale: s, weight: ${qw2} }
  - id: b
    title: { en: B }
    weight: ${cw2}
    questions:
      - { id: b1, text: { en: B one }, scale: s }
`,
  );
  const lines = Object.entries(answers).map(([id, value]) => `  ${id}: ${value}`);
  writeFileSync(join(dir, 'a.yaml'), `questionnaire: ./q.yaml\nanswers:\n${lines.join('\n')}\n`);
  const result = runCli(['score', join(dir, 'a.yaml'), '--format', 'json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe('scores at the limits of a double', () => {
  it('capability weights of 1e308: (50 + 100)/2 = 75, not 0', () => {
    // a: a1 = Mid (q 0.5), a2 = Mid → 50; b: b1 = High → 100; equal weights → 75.
    const report = scoreShape({ capWeights: ['1e308', '1e308'] }, { a1: '2', a2: '2', b1: '3' });
    expect(report.capabilities.map((c: { score: number }) => c.score)).toEqual([50, 100]);
    expect(report.overall.score).toBe(75);
  });

  it('question weights of 1e308: a1 Low (0) and a2 High (1) weigh the same → 50, not 0', () => {
    const report = scoreShape({ questionWeights: ['1e308', '1e308'] }, { a1: '1', a2: '3', b1: '3' });
    expect(report.capabilities[0].score).toBe(50);
  });

  it('the smallest weight (5e-324) on both capabilities: (50 + 100)/2 = 75, not 50', () => {
    const report = scoreShape({ capWeights: ['5e-324', '5e-324'] }, { a1: '2', a2: '2', b1: '3' });
    expect(report.overall.score).toBe(75);
  });

  it('scale values ±1e308: every answer counts (coverage 100 %) and the middle is q = 0.5', () => {
    // Values -1e308, 0, 1e308: max − min overflows a double; q(0) = 0.5, q(1e308) = 1.
    const report = scoreShape({ values: ['-1e308', '0', '1e308'] }, { a1: '0', a2: '1e308', b1: '-1e308' });
    expect(report.overall.coverage).toBe(1);
    expect(report.capabilities.map((c: { score: number }) => c.score)).toEqual([75, 0]);
    expect(report.overall.score).toBe(37.5);
  });

  it('a weight of 1e309 (Infinity) is refused at its line, exit 2', () => {
    const dir = tempDir('cxm-arith-');
    writeFileSync(
      join(dir, 'q.yaml'),
      'id: arith\nversion: 1.0.0\ntitle: { en: A }\nscales:\n  s: { options: [{ value: 1, label: { en: L } }, { value: 2, label: { en: H } }] }\nlevels:\n  - { id: low, min: 0, label: { en: Low } }\ncapabilities:\n  - id: a\n    title: { en: A }\n    weight: 1e309\n    questions:\n      - { id: a1, text: { en: A one }, scale: s }\n',
    );
    const result = runCli(['validate', join(dir, 'q.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toMatch(new RegExp(`^${join(dir, 'q.yaml')}:11:13 capabilities\\[0\\]\\.weight: `));
  });
});
