import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { visibleQuestions } from '../../src/core/flow.js';
import { loadAnswerFile } from '../../src/io/load-answers.js';
import { loadQuestionnaire } from '../../src/io/load-questionnaire.js';
import { normalizeAnswer } from '../../src/model/answers.js';
import { cxmBin, repoRoot, tempDir } from '../helpers/cli.js';
import { skipTerminalTests, sleep, TmuxSession } from './tmux.js';

/**
 * `kill -9` at random moments of a scripted run, many times: the answer file must always be a valid
 * answer file holding every answer that was confirmed before the kill. "Confirmed" means the screen
 * had shown the next question, which `cxm run` draws only after the save (temp file, fsync, rename).
 */

const ITERATIONS = Number(process.env.CXM_KILL_ITERATIONS ?? 20);
const SEED = Number(process.env.CXM_KILL_SEED ?? Date.now() % 1_000_000);

/** mulberry32: a small seeded generator, so that a failing run can be replayed with CXM_KILL_SEED. */
function random(seed: number): (n: number) => number {
  let a = seed;
  return (n) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

beforeAll(() => {
  if (!existsSync(join(repoRoot, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
});

describe.skipIf(skipTerminalTests)('cxm run under kill -9', () => {
  it(`keeps every confirmed answer in a valid file (${ITERATIONS} random kills, seed ${SEED})`, {
    timeout: 30_000 + ITERATIONS * 15_000,
  }, async () => {
    const rand = random(SEED);
    const order = visibleQuestions((await loadQuestionnaire('cxm-playbook@1.0.0')).questionnaire, {}).map((item) => item.question.id);
    const stats = { killedAtStart: 0, lastAnswerConfirmed: 0, lastAnswerSavedUnconfirmed: 0, lastAnswerLost: 0, confirmedTotal: 0 };

    for (let i = 0; i < ITERATIONS; i++) {
      const dir = tempDir('cxm-run-kill-');
      const t = new TmuxSession(`exec '${cxmBin}' run cxm-playbook@1.0.0 --answers a.yaml --name K --role r --organization o`, {
        cwd: dir,
        keep: false,
      });
      const pid = t.panePid();
      const killAt = rand(7); // 0: during start-up; k: just after sending the k-th answer
      const sent: Record<string, number> = {};
      let confirmed = 0;
      try {
        if (killAt === 0) await sleep(rand(400));
        for (let k = 1; k <= killAt; k++) {
          await t.waitFor(new RegExp(`Q ${k} of \\d+ [\\s\\S]*q Save and quit`));
          confirmed = k - 1;
          const value = 1 + rand(5);
          const id = order[k - 1] ?? '';
          sent[id] = value;
          t.keys(String(value), 'Enter');
        }
        if (killAt > 0) {
          await sleep(rand(40)); // before, during or after the save of the last answer
          if (new RegExp(`Q ${killAt + 1} of `).test(t.screen())) confirmed = killAt;
        }
        process.kill(pid, 'SIGKILL');
      } finally {
        t.kill();
      }

      const path = join(dir, 'a.yaml');
      const context = `iteration ${i} (seed ${SEED}): kill after ${killAt} answer(s), ${confirmed} confirmed; files: ${readdirSync(dir).join(', ')}`;
      if (killAt === 0) stats.killedAtStart++;
      if (!existsSync(path)) {
        // The file is written with the first answer: none without a confirmed one.
        expect(confirmed, context).toBe(0);
        continue;
      }
      const { answers } = (await loadAnswerFile(path)).answers; // parses, and is valid against the questionnaire
      const recorded = Object.fromEntries(Object.entries(answers).map(([id, entry]) => [id, normalizeAnswer(entry).value]));
      for (const id of order.slice(0, confirmed)) expect(recorded[id], `${context}: ${id}`).toBe(sent[id]);
      for (const [id, value] of Object.entries(recorded)) expect(value, `${context}: only answers that were sent`).toBe(sent[id]);
      stats.confirmedTotal += confirmed;
      if (killAt > 0) {
        const last = order[killAt - 1] ?? '';
        if (confirmed === killAt) stats.lastAnswerConfirmed++;
        else if (recorded[last] !== undefined) stats.lastAnswerSavedUnconfirmed++;
        else stats.lastAnswerLost++;
      }
    }
    console.log(`kill -9 × ${ITERATIONS} (seed ${SEED}): ${JSON.stringify(stats)}`);
  });
});
