import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.js';

// 100 × 823 / (823 + 1177) = 41.15 exactly on paper; the double is 41.1499999…
const before = fixture('score-rounding', 'before.yaml');
const after = fixture('score-rounding', 'after.yaml');

describe('one value, one way: score, diff and the gates print 41.15 as 41.2', () => {
  it('cxm score shows 41.2 for the capability and overall, and the gate says 41.2', () => {
    const result = runCli(['score', before, '--fail-under', '50']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Overall score: 41.2 Low');
    expect(result.stdout).toMatch(/│ Ends in a half +│ {2}41\.2 │/);
    expect(result.stderr).toBe('gate failed: overall 41.2 is below 50\n');
    expect(result.stdout).not.toContain('41.1');
  });

  it('cxm diff shows the same 41.2 as the before score, and +58.9 for 100 − 41.15', () => {
    const result = runCli(['diff', before, after]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/│ Ends in a half │ {3}41\.2 │ 100\.0 │ ▲ \+58\.9 │/);
    expect(result.stdout).toMatch(/│ Overall +│ {3}41\.2 │ 100\.0 │ ▲ \+58\.9 │/);
    expect(result.stdout).not.toContain('41.1');
  });

  it('cxm diff --format markdown and cxm score --format markdown agree', () => {
    const score = runCli(['score', before, '--format', 'markdown']);
    const diff = runCli(['diff', before, after, '--format', 'markdown']);
    expect(score.stdout).toContain('| 41.2 |');
    expect(diff.stdout).toContain('| 41.2 |');
  });
});
