import { describe, expect, it } from 'vitest';
import { parseDiffOptions } from '../../src/commands/diff.js';
import { parseScoreOptions } from '../../src/commands/score.js';
import { DEFAULT_SPREAD, DEFAULT_TOLERANCE } from '../../src/core/defaults.js';
import { diffReports } from '../../src/core/diff.js';
import { runCli } from '../helpers/cli.js';
import { cap, report } from '../diff/build-report.js';

// Each default once (SPEC §5: spread 25; diff tolerance 0.5), the same in --help, the options and the core.
describe('defaults', () => {
  it('are the SPEC values', () => {
    expect([DEFAULT_SPREAD, DEFAULT_TOLERANCE]).toEqual([25, 0.5]);
  });

  it.each([
    ['score', '--spread <points>  spread that flags a disagreement (default: "25")'],
    ['diff', '--tolerance <points>  changes within ±POINTS count as unchanged (default: "0.5")'],
  ])('cxm %s --help shows it', (command, line) => {
    expect(runCli([command, '--help']).stdout.replace(/\s+/g, ' ')).toContain(line.replace(/ +/g, ' '));
  });

  it('apply when the option is not given', () => {
    expect(parseScoreOptions({}).spread).toBe(25);
    expect(parseDiffOptions({}).tolerance).toBe(0.5);
  });

  it('the core diff falls back on the same tolerance: 0.5 is unchanged, 0.6 is not', () => {
    const before = report([cap('a', 50), cap('b', 50)]);
    const after = report([cap('a', 50.5), cap('b', 50.6)]);
    const diff = diffReports(before, after, {});
    expect(diff.tolerance).toBe(0.5);
    expect(diff.capabilities.map((c) => c.status)).toEqual(['unchanged', 'improved']);
  });
});
