import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadQuestionnaireFile } from '../../src/io/load-questionnaire.js';
import type { Questionnaire } from '../../src/model/questionnaire.js';
import { reportSchema } from '../../src/model/report.js';
import { repoRoot, runCli, tempDir } from '../helpers/cli.js';

// Issue 13 "Done when", through cxm itself: the questionnaire is read by cxm's loader (which
// validates it), answer files are generated and scored by the built `cxm score`.
async function bundled(name: string): Promise<Questionnaire> {
  return (await loadQuestionnaireFile(join(repoRoot, 'questionnaires', name), { useCompiled: false })).questionnaire;
}

/** An answer file giving every question the option of `rank` (0 = lowest) of its own scale. */
function uniformAnswers(q: Questionnaire, rank: number): string {
  const answers: Record<string, number> = {};
  for (const cap of q.capabilities) {
    for (const question of cap.questions) {
      const values = (q.scales[question.scale]?.options ?? []).map((o) => o.value).sort((a, b) => a - b);
      const value = values[rank];
      if (value === undefined) throw new Error(`${question.id}: no option of rank ${rank}`);
      answers[question.id] = value;
    }
  }
  return stringify({ questionnaire: q.id, questionnaireVersion: q.version, answers });
}

function scoreUniform(q: Questionnaire, rank: number) {
  const dir = tempDir('cxm-calibration-');
  const file = join(dir, `rank-${rank}.yaml`);
  writeFileSync(file, uniformAnswers(q, rank));
  const result = runCli(['score', file, '--format', 'json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return reportSchema.parse(JSON.parse(result.stdout));
}

describe.each(['cxm-playbook.yaml', 'cxm-pulse.yaml'])('%s calibration through cxm score', (name) => {
  it('all-middle answers score below the third level in every capability; one below the top, below the fourth', async () => {
    const q = await bundled(name);
    expect(q.levels.length).toBeGreaterThanOrEqual(4);
    const third = q.levels[2]?.min ?? 0;
    const fourth = q.levels[3]?.min ?? 0;
    // Every scale of these questionnaires has five options: rank 2 is the middle, rank 3 one below the top.
    for (const scale of Object.values(q.scales)) expect(scale.options).toHaveLength(5);

    const middle = scoreUniform(q, 2);
    expect(middle.questionnaire.version).toBe(q.version);
    for (const cap of middle.capabilities) {
      expect(cap.score, cap.id).not.toBeNull();
      expect(cap.score ?? 100, `${cap.id} all-middle`).toBeLessThan(third);
      expect(cap.level, cap.id).toBe(q.levels[1]?.id);
    }
    const belowTop = scoreUniform(q, 3);
    for (const cap of belowTop.capabilities) {
      expect(cap.score ?? 100, `${cap.id} one below the top`).toBeLessThan(fourth);
      expect(cap.level, cap.id).toBe(q.levels[2]?.id);
    }
    // And the top option everywhere reaches the last level: the ladder can be climbed.
    const top = scoreUniform(q, 4);
    for (const cap of top.capabilities) expect(cap.level, cap.id).toBe(q.levels[q.levels.length - 1]?.id);
  });
});

describe('cxm validate questionnaires', () => {
  it('passes for every bundled questionnaire and version', () => {
    const result = runCli(['validate', 'questionnaires']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter((l) => l.startsWith('✓ '))).toEqual([
      '✓ questionnaires/cxm-playbook.yaml (questionnaire cxm-playbook 2.0.0: 10 capabilities, 67 questions)',
      '✓ questionnaires/cxm-pulse.yaml (questionnaire cxm-pulse 1.0.0: 10 capabilities, 10 questions)',
      '✓ questionnaires/versions/cxm-playbook-1.0.0.yaml (questionnaire cxm-playbook 1.0.0: 9 capabilities, 52 questions)',
    ]);
  });
});
