import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { reportSchema } from '../../src/model/report.js';
import { runCli } from '../helpers/cli.js';

// Hand-worked: the working is in the comments of test/fixtures/score-v2/*.yaml.
const DIR = 'test/fixtures/score-v2';

function score(...args: string[]): { report: Report; stderr: string } {
  const result = runCli(['score', ...args, '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return { report: reportSchema.parse(JSON.parse(result.stdout)), stderr: result.stderr };
}

const capability = (report: Report, id: string) => report.capabilities.find((c) => c.id === id);

describe('questionnaire model 2 scoring (SPEC §5, §6)', () => {
  it('ifHidden: lowest counts a hidden question as q = 0 and visible; exclude leaves it out', () => {
    const { report } = score(`${DIR}/if-hidden.yaml`);
    expect(capability(report, 'base')).toMatchObject({ score: 25, level: 'low', coverage: 1 });
    expect(capability(report, 'core')).toMatchObject({ score: 75, level: 'high', coverage: 1 });
    expect(report.overall).toEqual({ score: 50, level: 'mid', coverage: 1 });
  });

  it("uses each capability's own target for next steps and the roadmap", () => {
    const { report } = score(`${DIR}/if-hidden.yaml`);
    expect(report.target).toBe('mid');
    expect(capability(report, 'base')).toMatchObject({ target: 'mid', nextSteps: ['Write the base practice down.'] });
    expect(capability(report, 'core')).toMatchObject({
      target: 'top',
      nextSteps: ['Review the core practice every quarter.', 'Share the results.'],
      doneWhen: ['Two quarterly reviews have taken place.', null],
    });
    expect(report.roadmap).toEqual([
      {
        phase: 1,
        months: { from: 1, to: 3 },
        steps: [{ capability: 'base', fromLevel: 'low', toLevel: 'mid', actions: ['Write the base practice down.'] }],
      },
      {
        phase: 2,
        months: { from: 4, to: 6 },
        steps: [
          {
            capability: 'core',
            fromLevel: 'high',
            toLevel: 'top',
            actions: ['Review the core practice every quarter.', 'Share the results.'],
            doneWhen: ['Two quarterly reviews have taken place.', null],
          },
        ],
      },
    ]);
  });

  it('--target overrides every capability target', () => {
    const { report } = score(`${DIR}/if-hidden.yaml`, '--target', 'mid');
    expect(capability(report, 'core')?.nextSteps).toEqual([]);
    expect(capability(report, 'core')?.target).toBe('mid');
    expect(report.roadmap).toEqual([
      {
        phase: 1,
        months: { from: 1, to: 3 },
        steps: [{ capability: 'base', fromLevel: 'low', toLevel: 'mid', actions: ['Write the base practice down.'] }],
      },
    ]);
  });

  it('gives the level description of the current level', () => {
    expect(capability(score(`${DIR}/if-hidden.yaml`).report, 'base')?.levelDescription).toBe('Nothing is written down.');
    expect(capability(score(`${DIR}/ana.yaml`, `${DIR}/ben.yaml`).report, 'base')?.levelDescription).toBe('It is written down and used.');
  });

  it('applies advice when the merged value is at most atMost, whatever the level', () => {
    expect(capability(score(`${DIR}/if-hidden.yaml`).report, 'core')?.advice).toEqual([
      { question: 'c-1', text: 'Spread the core practice to a second team.' },
    ]);
    // v̄ = 2 exactly: both apply.
    expect(capability(score(`${DIR}/ana.yaml`, `${DIR}/ben.yaml`).report, 'core')?.advice).toEqual([
      { question: 'c-1', text: 'Start the core practice in one team.' },
      { question: 'c-1', text: 'Spread the core practice to a second team.' },
    ]);
  });

  it('reads an answer keyed by a replaced id for the question replacing it, with one warning', () => {
    const { report, stderr } = score(`${DIR}/ana.yaml`, `${DIR}/ben.yaml`);
    expect(report.overall.score).toBe(56.25);
    expect(capability(report, 'base')).toMatchObject({ score: 62.5, spread: 37.5 });
    expect(capability(report, 'core')).toMatchObject({ score: 50, spread: 25 });
    expect(report.warnings).toEqual([
      `${DIR}/ben.yaml:3:23 questionnaireVersion: answers were given to version 1.0.0; the questionnaire is now 2.0.0`,
      `${DIR}/ben.yaml:9:3 answers.old-c-1: "old-c-1" is a question of an earlier version; counted for "c-1"`,
    ]);
    expect(stderr.split('\n').filter((l) => l.includes('old-c-1'))).toHaveLength(1);
  });
});

// Each action is printed once: in its roadmap phase (phase 1's in the executive summary), with its
// done-criterion under it; advice goes with the capability's level description in the details.
describe('renderers show advice with the capability and doneWhen after an action', () => {
  it('text', () => {
    const result = runCli(['score', `${DIR}/if-hidden.yaml`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      [
        '  Base — 25.0 Low (Target: Mid)',
        '    What Low looks like here: Nothing is written down.',
        '    Next step: Low → Mid, in Phase 1 · months 1–3 of the roadmap.',
        '  Core — 75.0 High (Target: Top)',
        '    - Advice (c-1): Spread the core practice to a second team.',
        '    Next step: High → Top, in Phase 2 · months 4–6 of the roadmap.',
      ].join('\n'),
    );
    expect(result.stdout).toContain(
      [
        '  Phase 2 · months 4–6',
        '    Core: High → Top',
        '      - Review the core practice every quarter.',
        '        Done when: Two quarterly reviews have taken place.',
        '      - Share the results.',
      ].join('\n'),
    );
    expect(result.stdout.split('Review the core practice every quarter.')).toHaveLength(2);
  });

  it('markdown', () => {
    const result = runCli(['score', `${DIR}/if-hidden.yaml`, '--format', 'markdown']);
    expect(result.stdout).toContain(
      ['### Core — 75.0 (High; Target: Top)', '', '- Advice (c-1): Spread the core practice to a second team.'].join('\n'),
    );
    expect(result.stdout).toContain(
      [
        '- **Core:** High → Top',
        '  - Review the core practice every quarter.',
        '    Done when: Two quarterly reviews have taken place.',
        '  - Share the results.',
      ].join('\n'),
    );
    expect(result.stdout.split('Review the core practice every quarter.')).toHaveLength(2);
  });

  it('html', () => {
    const result = runCli(['score', `${DIR}/if-hidden.yaml`, '--format', 'html']);
    expect(result.stdout).toContain(
      '<li>Review the core practice every quarter.<br><small>Done when: Two quarterly reviews have taken place.</small></li><li>Share the results.</li>',
    );
    expect(result.stdout).toContain('<li>Advice (c-1): Spread the core practice to a second team.</li>');
    expect(result.stdout.split('Review the core practice every quarter.')).toHaveLength(2);
  });
});
