import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { AnswerMap } from '../../src/core/flow.js';
import {
  runAssessment,
  type AssessmentInteraction,
  type QuestionChoice,
  type QuestionListRow,
  type QuestionScreen,
  type SkippedQuestion,
} from '../../src/core/run-assessment.js';
import { questionnaireRef, saveAnswerFile, type RunAnswerFile } from '../../src/io/answer-file.js';
import { loadAnswerFile } from '../../src/io/load-answers.js';
import { loadQuestionnaireFile } from '../../src/io/load-questionnaire.js';
import type { Questionnaire } from '../../src/model/questionnaire.js';
import { fixture, tempDir } from '../helpers/cli.js';

const questionnairePath = fixture('run-small/questionnaire.yaml');
let q: Questionnaire;
beforeAll(async () => {
  q = (await loadQuestionnaireFile(questionnairePath)).questionnaire;
});

/** One scripted step: the question expected on screen, and what the "user" does there. */
interface Step {
  at: string;
  header?: string;
  do: QuestionChoice;
  /** What the note prompt returns; undefined is Esc (the note unchanged). */
  note?: string | undefined;
  /** With `do: list` (or before the first question with `startWithList`): the id picked, undefined for Esc. */
  jump?: string | undefined;
  check?: (screen: QuestionScreen) => void;
}

/** Drives runAssessment like a user would, saving to a real file after every change. */
async function drive(
  steps: Step[],
  options: {
    initial?: AnswerMap;
    skipped?: ('answer' | 'finish' | 'quit')[];
    mode?: 'fill' | 'review';
    startAt?: string;
    lang?: string;
    /** The pick from the list shown before the first question. */
    startWithList?: { jump: string | undefined };
  } = {},
) {
  const path = join(tempDir('cxm-run-'), 'answers.yaml');
  const base: RunAnswerFile = {
    questionnaire: questionnaireRef(questionnairePath, path),
    questionnaireVersion: q.version,
    respondent: { name: 'Test' },
    lang: 'en',
    startedAt: '2026-01-01T00:00:00Z',
    answers: options.initial ?? {},
  };
  const saved: unknown[] = [];
  const screens: QuestionScreen[] = [];
  const summaries: SkippedQuestion[][] = [];
  const lists: { rows: QuestionListRow[]; at: string | undefined }[] = [];
  let first = options.startWithList;
  const queue = [...steps];
  const skippedChoices = [...(options.skipped ?? [])];
  let last: Step | undefined;
  const ask: AssessmentInteraction = {
    async question(screen) {
      screens.push(screen);
      const step = queue.shift();
      if (!step) throw new Error(`unexpected question ${screen.id}`);
      last = step;
      expect(screen.id).toBe(step.at);
      if (step.header)
        expect(
          `Q ${screen.position.number}/${screen.position.baseTotal}+${screen.position.followUps} · ${screen.capability} ${screen.position.indexInCapability}/${screen.position.totalInCapability}`,
        ).toBe(step.header);
      step.check?.(screen);
      return step.do;
    },
    async note() {
      return last && 'note' in last ? last.note : '';
    },
    async questionList(rows, at) {
      lists.push({ rows, at });
      if (first) {
        const { jump } = first;
        first = undefined;
        return jump;
      }
      return last?.jump;
    },
    async skipped(questions) {
      summaries.push(questions);
      const choice = skippedChoices.shift();
      if (!choice) throw new Error('unexpected end summary');
      return choice;
    },
  };
  const result = await runAssessment(q, base.answers, {
    lang: options.lang ?? 'en',
    ask,
    mode: options.mode,
    startAt: options.startAt,
    startWithList: options.startWithList !== undefined,
    async save(answers) {
      await saveAnswerFile(path, { ...base, answers });
      saved.push(parse(readFileSync(path, 'utf8')).answers);
      await loadAnswerFile(path); // every saved version is a valid answer file
      return undefined;
    },
  });
  expect(queue).toEqual([]);
  return { result, saved, screens, summaries, lists, path };
}

const answer = (value: number): QuestionChoice => ({ kind: 'answer', value });

describe('runAssessment', () => {
  it('answers every question in order and saves after each answer', async () => {
    const { result, saved } = await drive([
      { at: 'gate-1', header: 'Q 1/3+1 · Data-driven decisions 1/1', do: answer(2) },
      { at: 'team-1', header: 'Q 2/3+1 · Journey teams 1/2', do: answer(4) },
      { at: 'team-2', header: 'Q 3/3+1 · Journey teams 2/2', do: { kind: 'na' } },
    ]);
    expect(result.status).toBe('finished');
    expect(saved).toEqual([{ 'gate-1': 2 }, { 'gate-1': 2, 'team-1': 4 }, { 'gate-1': 2, 'team-1': 4, 'team-2': 'n/a' }]);
  });

  it('offers n/a only where allowNA is not false, and help on demand', async () => {
    await drive([
      { at: 'gate-1', do: { kind: 'help' }, check: (s) => expect([s.allowNA, s.showHelp, s.canGoBack]).toEqual([false, false, false]) },
      {
        at: 'gate-1',
        do: answer(1),
        check: (s) => expect([s.showHelp, s.help]).toEqual([true, 'Think of surveys, support tickets and sales notes.']),
      },
      { at: 'team-1', do: { kind: 'quit' }, check: (s) => expect([s.allowNA, s.showHelp, s.canGoBack]).toEqual([true, false, true]) },
    ]);
  });

  it('goes back across a condition change: the follow-up hides, is not counted, and keeps its answer in the file', async () => {
    const { saved, screens } = await drive([
      { at: 'gate-1', header: 'Q 1/3+1 · Data-driven decisions 1/1', do: answer(5) },
      { at: 'gate-2', header: 'Q 1.1/3+1 · Data-driven decisions 2/2', do: answer(4) },
      { at: 'team-1', header: 'Q 2/3+1 · Journey teams 1/2', do: { kind: 'back' } },
      { at: 'gate-2', do: { kind: 'back' }, check: (s) => expect(s.current.value).toBe(4) },
      { at: 'gate-1', do: answer(1), check: (s) => expect(s.current.value).toBe(5) },
      { at: 'team-1', header: 'Q 2/3+1 · Journey teams 1/2', do: { kind: 'back' } },
      { at: 'gate-1', header: 'Q 1/3+1 · Data-driven decisions 1/1', do: { kind: 'quit' } },
    ]);
    expect(saved).toEqual([{ 'gate-1': 5 }, { 'gate-1': 5, 'gate-2': 4 }, { 'gate-1': 1, 'gate-2': 4 }]);
    expect(screens.at(-2)?.position).toMatchObject({ total: 3, answered: 1 });
  });

  it('records notes with the answer, and shows them when revisiting', async () => {
    const { saved } = await drive([
      { at: 'gate-1', do: { kind: 'note' }, note: 'CRM と MA で ID が違う' },
      { at: 'gate-1', do: answer(3), check: (s) => expect(s.current).toEqual({ value: undefined, note: 'CRM と MA で ID が違う' }) },
      { at: 'gate-2', do: { kind: 'back' } },
      {
        at: 'gate-1',
        do: { kind: 'note' },
        note: '',
        check: (s) => expect(s.current).toEqual({ value: 3, note: 'CRM と MA で ID が違う' }),
      },
      { at: 'gate-1', do: { kind: 'quit' } },
    ]);
    expect(saved).toEqual([
      { 'gate-1': { note: 'CRM と MA で ID が違う' } },
      { 'gate-1': { value: 3, note: 'CRM と MA で ID が違う' } },
      { 'gate-1': 3 },
    ]);
  });

  it('skips, then offers the skipped questions at the end', async () => {
    const { result, saved, summaries } = await drive(
      [
        { at: 'gate-1', do: { kind: 'skip' } },
        { at: 'team-1', do: answer(2) },
        { at: 'team-2', do: { kind: 'skip' } },
        { at: 'gate-1', do: answer(4) },
        { at: 'gate-2', do: { kind: 'skip' } },
        { at: 'team-2', do: answer(5) },
      ],
      { skipped: ['answer', 'finish'] },
    );
    expect(summaries.map((list) => list.map((s) => `${s.index}:${s.id}`))).toEqual([['1:gate-1', '3:team-2'], ['2:gate-2']]);
    // Shown by their stable numbers: gate-2 is the follow-up after question 1.
    expect(summaries.map((list) => list.map((s) => s.number))).toEqual([['1', '3'], ['1.1']]);
    expect(result).toEqual({ status: 'finished', answers: { 'team-1': 2, 'gate-1': 4, 'team-2': 5 } });
    expect(saved).toHaveLength(3); // a skip of an unanswered question changes nothing and writes nothing
  });

  it('skip on an answered question clears the answer and saves', async () => {
    const { saved } = await drive(
      [
        { at: 'team-1', do: { kind: 'skip' } },
        { at: 'team-2', do: { kind: 'quit' } },
      ],
      {
        initial: { 'gate-1': 2, 'team-1': 4 },
        mode: 'review',
        startAt: 'team-1',
      },
    );
    expect(saved).toEqual([{ 'gate-1': 2 }]);
  });

  it('quits at once, keeping what was saved', async () => {
    const { result, saved } = await drive([
      { at: 'gate-1', do: answer(3) },
      { at: 'gate-2', do: { kind: 'quit' } },
    ]);
    expect(result).toEqual({ status: 'quit', answers: { 'gate-1': 3 } });
    expect(saved).toEqual([{ 'gate-1': 3 }]);
  });

  it('resumes at the first unanswered visible question and keeps everything recorded', async () => {
    const { result } = await drive([{ at: 'team-2', header: 'Q 3/3+1 · Journey teams 2/2', do: answer(1) }], {
      initial: { 'gate-1': 1, 'gate-2': 5, 'team-1': { value: 2, note: 'n' } },
    });
    expect(result.answers).toEqual({ 'gate-1': 1, 'gate-2': 5, 'team-1': { value: 2, note: 'n' }, 'team-2': 1 });
  });

  it('reviews a completed assessment question by question, unchanged answers cause no write', async () => {
    const { saved, result } = await drive(
      [
        { at: 'gate-1', do: answer(1) },
        { at: 'team-1', do: answer(2) },
        { at: 'team-2', do: answer(4) },
      ],
      { initial: { 'gate-1': 1, 'team-1': 2, 'team-2': 3 }, mode: 'review', startAt: 'gate-1' },
    );
    expect(saved).toEqual([{ 'gate-1': 1, 'team-1': 2, 'team-2': 4 }]);
    expect(result.status).toBe('finished');
  });

  it('speaks the run language', async () => {
    await drive(
      [
        {
          at: 'gate-1',
          header: 'Q 1/3+1 · データに基づく意思決定 1/1',
          do: { kind: 'quit' },
          check: (s) => expect(s.options[2]?.label).toBe('どちらともいえない'),
        },
      ],
      {
        lang: 'ja',
      },
    );
  });

  it('Esc at the note prompt leaves the note as it was and writes nothing', async () => {
    const { saved } = await drive(
      [
        { at: 'team-1', do: { kind: 'note' }, note: undefined },
        { at: 'team-1', do: { kind: 'quit' }, check: (s) => expect(s.current.note).toBe('kept') },
      ],
      { initial: { 'gate-1': 2, 'team-1': { value: 3, note: 'kept' } }, startAt: 'team-1' },
    );
    expect(saved).toEqual([]);
  });

  it('g lists every visible question with its status and jumps to the one picked; Esc stays', async () => {
    const { lists, saved } = await drive([
      { at: 'gate-1', do: answer(4) },
      { at: 'gate-2', do: { kind: 'note' }, note: 'ask IT' },
      { at: 'gate-2', do: { kind: 'skip' } },
      { at: 'team-1', do: { kind: 'list' }, jump: 'gate-2' },
      { at: 'gate-2', do: { kind: 'list' }, jump: undefined },
      { at: 'gate-2', do: answer(2) },
      // fill mode: after the jump the run goes on to the next unanswered question
      { at: 'team-1', do: { kind: 'quit' } },
    ]);
    const shown = (i: number) => lists[i]?.rows.map((r) => `${r.number} ${r.status}${r.flagged ? ' flagged' : ''}`);
    // gate-2 was shown and left: skipped; team-1 is where the run stands, team-2 not reached yet.
    expect(shown(0)).toEqual(['1 answered', '1.1 skipped flagged', '2 open', '3 open']);
    expect(lists[0]?.at).toBe('team-1');
    expect(lists[0]?.rows[1]).toMatchObject({
      capability: 'Data-driven decisions',
      text: 'Decisions about the customer journey cite that shared feedback.',
    });
    expect(lists[1]?.at).toBe('gate-2');
    expect(saved.at(-1)).toEqual({ 'gate-1': 4, 'gate-2': { value: 2, note: 'ask IT' } });
  });

  it('a review of a completed file starts from the list, then walks on from the question picked', async () => {
    const { lists, result } = await drive(
      [
        { at: 'team-1', do: answer(2) },
        { at: 'team-2', do: answer(3) },
      ],
      { initial: { 'gate-1': 1, 'team-1': 2, 'team-2': 'n/a' }, mode: 'review', startAt: 'gate-1', startWithList: { jump: 'team-1' } },
    );
    expect(lists[0]?.rows.map((r) => r.status)).toEqual(['answered', 'answered', 'n/a']);
    expect(lists[0]?.at).toBe('gate-1');
    expect(result).toEqual({ status: 'finished', answers: { 'gate-1': 1, 'team-1': 2, 'team-2': 3 } });
  });
});
