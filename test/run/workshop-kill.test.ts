import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { visibleQuestions } from '../../src/core/flow.js';
import { loadAnswerFile } from '../../src/io/load-answers.js';
import { loadQuestionnaire } from '../../src/io/load-questionnaire.js';
import { cxmBin, repoRoot, tempDir } from '../helpers/cli.js';
import { skipTerminalTests, sleep, TmuxSession } from './tmux.js';

/**
 * kill -9 at random moments of a scripted workshop (three groups): the workshop file must always be
 * valid and hold the votes of every question confirmed before the kill ("confirmed": the next
 * question was on screen, which is drawn only after the save). As test/run/kill.test.ts for one respondent.
 */

const ITERATIONS = Number(process.env.CXM_KILL_ITERATIONS ?? 10);
const SEED = Number(process.env.CXM_KILL_SEED ?? Date.now() % 1_000_000);

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

describe.skipIf(skipTerminalTests)('cxm run --groups under kill -9', () => {
  it(`keeps every confirmed question's votes in a valid file (${ITERATIONS} random kills, seed ${SEED})`, {
    timeout: 30_000 + ITERATIONS * 15_000,
  }, async () => {
    const rand = random(SEED);
    const order = visibleQuestions((await loadQuestionnaire('cxm-playbook@1.0.0')).questionnaire, {}).map((item) => item.question.id);
    for (let i = 0; i < ITERATIONS; i++) {
      const dir = tempDir('cxm-workshop-kill-');
      const t = new TmuxSession(
        `exec '${cxmBin}' run cxm-playbook@1.0.0 --groups 'Marketing,Sales,IT' --answers ws.yaml --organization o --facilitator f`,
        { cwd: dir, keep: false },
      );
      const pid = t.panePid();
      // Up to 4 questions: all in the first capability, and the same vote for every group, so no
      // discussion or summary screen comes between two questions.
      const killAt = rand(5);
      const sent: Record<string, number> = {};
      let confirmed = 0;
      try {
        if (killAt === 0) await sleep(rand(400));
        for (let k = 1; k <= killAt; k++) {
          await t.waitFor(new RegExp(`Q ${k} of \\d+[\\s\\S]*q save and quit`));
          confirmed = k - 1;
          const value = 1 + rand(5);
          sent[order[k - 1] ?? ''] = value;
          t.keys(String(value), '=', 'Enter');
        }
        if (killAt > 0) {
          await sleep(rand(40));
          if (new RegExp(`Q ${killAt + 1} of `).test(t.screen())) confirmed = killAt;
        }
        process.kill(pid, 'SIGKILL');
      } finally {
        t.kill();
      }
      const path = join(dir, 'ws.yaml');
      const context = `iteration ${i} (seed ${SEED}): kill after ${killAt}, ${confirmed} confirmed; files: ${readdirSync(dir).join(', ')}`;
      if (!existsSync(path)) {
        // The file is created with the first save: none before a vote was confirmed.
        expect(confirmed, context).toBe(0);
        continue;
      }
      const loaded = await loadAnswerFile(path); // parses, and is valid against the questionnaire
      const answers = loaded.workshop?.answers ?? {};
      for (const id of order.slice(0, confirmed)) {
        const value = sent[id];
        expect(answers[id]?.votes, `${context}: ${id}`).toEqual({ marketing: value, sales: value, it: value });
      }
      for (const [id, entry] of Object.entries(answers)) expect(entry.votes.marketing, `${context}: only votes sent`).toBe(sent[id]);
    }
  });
});
