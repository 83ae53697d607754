// Writes the benchmark inputs: N random answer files of the bundled questionnaire, reproducibly
// (a seeded generator), with the shape `cxm run` writes (respondent, dates, notes on some answers).
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

export const ROLES = ['marketing', 'sales', 'it', 'support', 'product', 'finance'];

export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function questionIds(questionnairePath) {
  const q = parse(await readFile(questionnairePath, 'utf8'));
  return q.capabilities.flatMap((c) => c.questions.map((question) => ({ id: question.id, allowNA: question.allowNA !== false })));
}

export function answerFile(questions, index, rand) {
  const answers = {};
  for (const { id, allowNA } of questions) {
    const r = rand();
    if (r < 0.05) continue; // unanswered
    if (r < 0.08 && allowNA) answers[id] = 'n/a';
    else if (r < 0.12) answers[id] = { value: 1 + Math.floor(rand() * 5), note: `Observed in workshop ${index % 97}` };
    else answers[id] = 1 + Math.floor(rand() * 5);
  }
  return stringify({
    questionnaire: 'cxm-playbook',
    questionnaireVersion: '1.0.0',
    respondent: { name: `Respondent ${index}`, role: ROLES[index % ROLES.length], organization: 'Bench KK' },
    lang: index % 2 ? 'en' : 'ja',
    startedAt: '2026-11-25T09:00:00Z',
    completedAt: '2026-11-25T09:45:00Z',
    answers,
  });
}

/** Creates `dir` with `count` answer files unless it already holds exactly that many. */
export async function ensureAnswerDir(dir, count, questions) {
  try {
    if ((await readdir(dir)).length === count) return;
  } catch {}
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const rand = random(count);
  const batch = [];
  for (let i = 0; i < count; i++) {
    batch.push(writeFile(join(dir, `answers-${String(i).padStart(5, '0')}.yaml`), answerFile(questions, i, rand)));
    if (batch.length === 256) await Promise.all(batch.splice(0));
  }
  await Promise.all(batch);
}
