// Calibration and content checks of cxm-playbook 2.0.0 and cxm-pulse (issue 13), read here with the
// yaml package and a zod schema of their own, and scored following SPEC §5 independently of src/core.
// calibration-cli.test.ts checks the same through cxm's own loader and `cxm score`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { repoRoot } from '../helpers/cli.js';

const bilingual = z.object({ en: z.string().min(1), ja: z.string().min(1) }).strict();
const when = z.object({
  question: z.string(),
  atLeast: z.number().optional(),
  atMost: z.number().optional(),
  in: z.array(z.number()).optional(),
});
const question = z
  .object({
    id: z.string(),
    text: bilingual,
    help: bilingual.optional(),
    scale: z.string(),
    weight: z.number().positive().optional(),
    allowNA: z.boolean().optional(),
    when: when.optional(),
    ifHidden: z.enum(['exclude', 'lowest']).optional(),
    replaces: z.array(z.string()).optional(),
    advice: z.array(z.object({ atMost: z.number(), text: bilingual }).strict()).optional(),
  })
  .strict();
const recommendation = z.object({ action: bilingual, doneWhen: bilingual }).strict();
const capability = z
  .object({
    id: z.string(),
    title: bilingual,
    description: bilingual.optional(),
    weight: z.number().positive().optional(),
    requires: z.array(z.string()).optional(),
    target: z.string().optional(),
    replaces: z.array(z.string()).optional(),
    levelDescriptions: z.record(z.string(), bilingual).optional(),
    questions: z.array(question).min(1),
    recommendations: z.record(z.string(), z.array(recommendation)).optional(),
  })
  .strict();
const questionnaire = z
  .object({
    id: z.string(),
    version: z.string(),
    title: bilingual,
    languages: z.array(z.string()),
    scales: z.record(z.string(), z.object({ options: z.array(z.object({ value: z.number(), label: bilingual })).min(2) })),
    levels: z.array(z.object({ id: z.string(), min: z.number(), label: bilingual })).min(2),
    target: z.string().optional(),
    capabilities: z.array(capability).min(1),
  })
  .strict();
type Questionnaire = z.infer<typeof questionnaire>;
type Capability = z.infer<typeof capability>;

function load(name: string): Questionnaire {
  return questionnaire.parse(parse(readFileSync(join(repoRoot, 'questionnaires', name), 'utf8'), { uniqueKeys: true }));
}
const playbook = load('cxm-playbook.yaml');
const pulse = load('cxm-pulse.yaml');

function scaleValues(q: Questionnaire, scale: string): number[] {
  const s = q.scales[scale];
  if (!s) throw new Error(`unknown scale ${scale}`);
  return s.options.map((o) => o.value).sort((a, b) => a - b);
}

/** Every question answered with the option of the same rank (0 = lowest) on its own scale. */
function uniformScore(q: Questionnaire, cap: Capability, rank: number): number {
  const answer = new Map<string, number>();
  const visible = new Set<string>();
  for (const c of q.capabilities)
    for (const question of c.questions) {
      const values = scaleValues(q, question.scale);
      const v = values[rank];
      if (v === undefined) throw new Error(`${question.id}: no option of rank ${rank}`);
      answer.set(question.id, v);
      const w = question.when;
      // A condition on a hidden question is not met (SPEC §3); questions only refer to earlier ones.
      const ref = w ? answer.get(w.question) : undefined;
      const met =
        !w ||
        (visible.has(w.question) &&
          ref !== undefined &&
          (w.atLeast === undefined || ref >= w.atLeast) &&
          (w.atMost === undefined || ref <= w.atMost) &&
          (w.in === undefined || w.in.includes(ref)));
      if (met) visible.add(question.id);
    }
  let sum = 0;
  let weights = 0;
  for (const question of cap.questions) {
    const values = scaleValues(q, question.scale);
    const min = values[0] ?? 0;
    const max = values[values.length - 1] ?? 1;
    const weight = question.weight ?? 1;
    if (visible.has(question.id)) {
      sum += (weight * ((answer.get(question.id) ?? min) - min)) / (max - min);
      weights += weight;
    } else if (question.ifHidden === 'lowest') weights += weight; // counted with q = 0
  }
  return (100 * sum) / weights;
}

function levelOf(q: Questionnaire, score: number): string {
  return q.levels.filter((l) => l.min <= score + 1e-9).at(-1)?.id ?? '';
}
function minOf(q: Questionnaire, level: string): number {
  const found = q.levels.find((l) => l.id === level);
  if (!found) throw new Error(`unknown level ${level}`);
  return found.min;
}

const middle = 2; // of five options: Neutral / In some teams / Now and then
const belowTop = 3; // Agree / Across most of the company / On a fixed schedule

describe('cxm-playbook 2.0.0 calibration', () => {
  // Worked by hand (docs/questionnaire-2.0.0-notes.md): uniform middle gives q = 0.5 on every visible
  // question; follow-ups (when … atLeast: 4, ifHidden: lowest) are hidden and count q = 0, so the
  // score is 50 × (W − H) / W with W the capability's total weight and H the hidden follow-ups' weight.
  // One below the top (value 4) shows every follow-up, so every capability scores 75.
  const expectedMiddle: Record<string, number> = {
    'journey-map': (50 * 6) / 7, // W 7 (jm-1 weighs 2), H 1 (jm-6)
    'journey-teams': (50 * 5) / 6, // W 6 (jt-3 weighs 2), H 1 (jt-8)
    'customer-success-kpis': (50 * 8) / 9, // W 9 (kpi-1 weighs 2), H 1 (kpi-4)
    'data-driven-decisions': (50 * 6) / 7, // W 7 (dd-2 weighs 2), H 1 (dd-8)
    'shared-customer-id': (50 * 7) / 8, // W 8 (cid-2 weighs 2), H 1 (cid-6)
    personalization: (50 * 6) / 8, // W 8 (per-7 weighs 2), H 2 (per-8, and per-9 which depends on it)
    'privacy-trust': (50 * 8) / 9, // W 9 (pt-7 weighs 2), H 1 (pt-12)
    'measurement-improvement': (50 * 5) / 7, // W 7, H 2 (mi-8, mi-5)
    'omnichannel-self-service': (50 * 6) / 7, // W 7 (oc-3 weighs 2), H 1 (oc-5)
    'cx-culture-leadership': 50, // no follow-up
  };

  it('scores uniform answers as worked by hand', () => {
    expect(playbook.capabilities.map((c) => c.id)).toEqual(Object.keys(expectedMiddle));
    for (const cap of playbook.capabilities) {
      expect(uniformScore(playbook, cap, middle), cap.id).toBeCloseTo(expectedMiddle[cap.id] ?? Number.NaN, 9);
      expect(uniformScore(playbook, cap, belowTop), cap.id).toBeCloseTo(75, 9);
      expect(uniformScore(playbook, cap, 0), cap.id).toBe(0);
      expect(uniformScore(playbook, cap, 4), cap.id).toBe(100);
    }
  });

  it('puts all-middle answers below the third level in every capability (at the second)', () => {
    for (const cap of playbook.capabilities) {
      const score = uniformScore(playbook, cap, middle);
      expect(score, cap.id).toBeLessThan(minOf(playbook, 'defined'));
      expect(levelOf(playbook, score), cap.id).toBe('developing');
    }
  });

  it('puts answers one below the top below the fourth level in every capability (at the third)', () => {
    for (const cap of playbook.capabilities) {
      const score = uniformScore(playbook, cap, belowTop);
      expect(score, cap.id).toBeLessThan(minOf(playbook, 'managed'));
      expect(levelOf(playbook, score), cap.id).toBe('defined');
    }
  });

  it('uses scales of five options 1..5, so 1.0.0 answers stay on the scale of their replacement', () => {
    for (const name of Object.keys(playbook.scales)) expect(scaleValues(playbook, name), name).toEqual([1, 2, 3, 4, 5]);
  });
});

function checkContent(q: Questionnaire): void {
  const levelIds = q.levels.map((l) => l.id);
  const ids = new Set<string>();
  const earlier = new Set<string>();
  for (const cap of q.capabilities) {
    for (const id of [cap.id, ...cap.questions.map((x) => x.id)]) {
      expect(id).toMatch(/^[a-z0-9-]+$/);
      expect(ids.has(id), `duplicate id ${id}`).toBe(false);
      ids.add(id);
    }
    // Titles must fit an 80-column table without breaking mid-word: at most 16 full-width characters.
    expect(stringWidth(cap.title.ja), cap.title.ja).toBeLessThanOrEqual(32);
    if (cap.target !== undefined) expect(levelIds).toContain(cap.target);
    for (const question of cap.questions) {
      const values = scaleValues(q, question.scale);
      if (question.when) expect(earlier.has(question.when.question), `${question.id}: when on a later question`).toBe(true);
      for (const a of question.advice ?? []) {
        expect(a.atMost).toBeGreaterThanOrEqual(values[0] ?? Number.NaN);
        expect(a.atMost).toBeLessThanOrEqual(values.at(-1) ?? Number.NaN);
      }
      earlier.add(question.id);
    }
  }
  expect(levelIds).toContain(q.target);
}

describe('cxm-playbook 2.0.0 content', () => {
  it('has unique ids, fitting titles, known targets and advice within its scale', () => {
    checkContent(playbook);
  });

  it('describes every level of every capability in en and ja', () => {
    for (const cap of playbook.capabilities)
      for (const level of playbook.levels) expect(cap.levelDescriptions?.[level.id], `${cap.id}.${level.id}`).toBeDefined();
  });

  it('gives every level below the last two actions, each with a done-criterion in en and ja', () => {
    // The schema above already requires action and doneWhen with en and ja; here: every stage has some.
    const stages = playbook.levels.slice(0, -1).map((l) => l.id);
    for (const cap of playbook.capabilities) {
      expect(Object.keys(cap.recommendations ?? {}).sort(), cap.id).toEqual([...stages].sort());
      for (const stage of stages) expect(cap.recommendations?.[stage]?.length, `${cap.id}.${stage}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('never repeats a recommended action anywhere in the file', () => {
    const normalise = (text: string) =>
      text
        .toLowerCase()
        .replace(/[\s、。,.「」()（）]+/g, ' ')
        .trim();
    for (const lang of ['en', 'ja'] as const) {
      const seen = new Map<string, string>();
      for (const cap of playbook.capabilities)
        for (const [stage, items] of Object.entries(cap.recommendations ?? {}))
          for (const item of items) {
            const key = normalise(item.action[lang]);
            expect(seen.get(key), `${cap.id}.${stage}: ${item.action[lang]}`).toBeUndefined();
            seen.set(key, `${cap.id}.${stage}`);
          }
    }
  });

  it('has prerequisites that are known capabilities and form no cycle', () => {
    const byId = new Map(playbook.capabilities.map((c) => [c.id, c]));
    const done = new Set<string>();
    const visit = (id: string, path: string[]) => {
      expect(path, `requires cycle ${[...path, id].join(' → ')}`).not.toContain(id);
      if (done.has(id)) return;
      const cap = byId.get(id);
      expect(cap, `unknown prerequisite ${id}`).toBeDefined();
      for (const r of cap?.requires ?? []) visit(r, [...path, id]);
      done.add(id);
    };
    for (const cap of playbook.capabilities) visit(cap.id, []);
    // The prerequisites issue 13 asks for, and the ones it rules out.
    const requires = (id: string) => byId.get(id)?.requires ?? [];
    expect(requires('data-driven-decisions')).not.toContain('shared-customer-id');
    expect(requires('measurement-improvement')).not.toContain('data-driven-decisions');
    expect(requires('customer-success-kpis')).toEqual(['journey-map']);
  });

  it('uses one Japanese term each for owner, customer success, customer ID, journey, NRR and withdrawal', () => {
    const texts: { en: string; ja: string }[] = [];
    const collect = (node: unknown): void => {
      const pair = bilingual.safeParse(node);
      if (pair.success) texts.push(pair.data);
      else if (Array.isArray(node)) node.forEach(collect);
      else if (node !== null && typeof node === 'object') Object.values(node).forEach(collect);
    };
    collect(parse(readFileSync(join(repoRoot, 'questionnaires/cxm-playbook.yaml'), 'utf8')));
    expect(texts.length).toBeGreaterThan(300); // 396 bilingual texts in 2.0.0
    for (const { en, ja } of texts) {
      expect(ja, en).not.toMatch(/オーナー|顧客成功|カスタマーサクセス|カスタマージャーニー|売上継続率|オプトアウト/);
      if (/\bowners?\b/i.test(en)) expect(ja, en).toContain('責任者');
      if (/customer success/i.test(en)) expect(ja, en).toContain('顧客の成功');
      if (/\bNRR\b/.test(en)) expect(ja, en).toContain('売上維持率（NRR）');
      if (/customer ID/.test(en)) expect(ja, en).toContain('顧客ID');
    }
  });

  it('follows up advanced practice with `when` and counts it as lowest while hidden', () => {
    const followUps = playbook.capabilities.flatMap((c) => c.questions).filter((x) => x.when);
    expect(followUps.length).toBeGreaterThan(0);
    for (const f of followUps) expect(f.ifHidden, f.id).toBe('lowest');
  });

  it('keeps every 1.0.0 question id or names it in exactly one `replaces`', () => {
    const old = z
      .object({ capabilities: z.array(z.object({ id: z.string(), questions: z.array(z.object({ id: z.string() })) })) })
      .parse(parse(readFileSync(join(repoRoot, 'questionnaires/versions/cxm-playbook-1.0.0.yaml'), 'utf8')));
    const current = new Set(playbook.capabilities.flatMap((c) => [c.id, ...c.questions.map((x) => x.id)]));
    const claimed = playbook.capabilities.flatMap((c) => [...(c.replaces ?? []), ...c.questions.flatMap((x) => x.replaces ?? [])]);
    for (const id of claimed) expect(current.has(id), `replaces names a current id: ${id}`).toBe(false);
    expect(new Set(claimed).size).toBe(claimed.length);
    for (const cap of old.capabilities) {
      expect(current.has(cap.id) || claimed.includes(cap.id), cap.id).toBe(true);
      for (const x of cap.questions) expect(current.has(x.id) || claimed.includes(x.id), x.id).toBe(true);
    }
  });
});

describe('cxm-pulse', () => {
  it('has one statement per capability of cxm-playbook 2.0.0, the same levels and no replaces', () => {
    checkContent(pulse);
    expect(pulse.id).toBe('cxm-pulse');
    expect(pulse.levels).toEqual(playbook.levels);
    expect(pulse.capabilities.map((c) => c.id)).toEqual(playbook.capabilities.map((c) => c.id));
    const questions = pulse.capabilities.flatMap((c) => c.questions);
    expect(questions.length).toBeGreaterThanOrEqual(8);
    expect(questions.length).toBeLessThanOrEqual(10);
    for (const cap of pulse.capabilities) {
      expect(cap.questions.length, cap.id).toBe(1);
      expect(cap.replaces, cap.id).toBeUndefined();
      for (const x of cap.questions) expect(x.replaces, x.id).toBeUndefined();
    }
  });

  it('is calibrated like the playbook: all-middle at the second level, one below the top at the third', () => {
    for (const cap of pulse.capabilities) {
      expect(levelOf(pulse, uniformScore(pulse, cap, middle)), cap.id).toBe('developing');
      expect(levelOf(pulse, uniformScore(pulse, cap, belowTop)), cap.id).toBe('defined');
    }
  });
});
