import { normalizeAnswer, type AnswerEntry } from '../model/answers.js';
import type { Questionnaire } from '../model/questionnaire.js';
import { MAX_NAMED_RESPONDENTS } from './defaults.js';
import { annotationsOf, type CollectedNote } from './notes.js';
import { indexQuestionnaire, type IndexedQuestionnaire } from './questionnaire-index.js';
import { RespondentStore, respondentFile, type RespondentIdentity, type Respondents } from './respondent-store.js';
import { scoreClassified, scoreQuestions, type RespondentScore, type ScoreSet } from './score-respondent.js';
import { type ClassifiedAnswers, classifyAnswers, COUNTED, HIDDEN, NOT_APPLICABLE_STATUS, UNANSWERED } from './visibility.js';

export interface RespondentInput extends RespondentIdentity {
  answers: Readonly<Record<string, AnswerEntry>>;
  /** The same answers classified already (by a worker thread); `answers` may then be empty, but not with `detail`. */
  classified?: ClassifiedAnswers | undefined;
}

export interface QuestionSummary {
  /** Mean q × 100 over the respondents who counted the question; null when none did. */
  score: number | null;
  counted: number;
  notApplicable: number;
  hidden: number;
  unanswered: number;
}

export interface DetailAnswer {
  file: string;
  value: number | 'n/a' | null;
  normalized: number | null;
  hidden: boolean;
  note?: string;
}

export interface MergeResult extends ScoreSet {
  index: IndexedQuestionnaire;
  /** What is kept of each respondent: who it is and its own capability scores, not its answers. */
  respondents: Respondents;
  questions: QuestionSummary[];
  /** Per role (sorted by name): capability scores, and each question's mean q × 100, merged within the role. */
  byRole: { role: string; capabilities: (number | null)[]; questions: (number | null)[] }[];
  /** Per question: 100 × (max q − min q) over the respondents who counted it; null with fewer than two. */
  questionSpreads: (number | null)[];
  /**
   * The classified answers of the first respondents, one more than a report names: a workshop's
   * discussion agenda lists each one's answer, a survey's lists its roles instead.
   */
  listedAnswers: ClassifiedAnswers[];
  /** Every note and piece of evidence given, in the order the respondents came. */
  notes: CollectedNote[];
  /** Per question, every respondent's answer; only with `detail`. */
  answers?: DetailAnswer[][];
}

export type { RespondentIdentity } from './respondent-store.js';

export interface Accumulator {
  /** Scores one respondent, folds it into the running totals and returns its own scores: the one way in. */
  add(respondent: RespondentInput): RespondentScore;
  /** The merge so far; can be called again after more `add`s. */
  finish(): MergeResult;
  /** Whether every answer is kept for the per-question table: classified answers alone will not do. */
  readonly keepsDetail: boolean;
}

export interface AccumulatorOptions {
  /** Keep every answer for the per-question table (memory grows with respondents × questions). */
  detail?: boolean;
}

/**
 * Merges respondents as running totals, so memory does not grow with the answers of thousands of
 * files. Per question it counts how many respondents chose each scale option: the mean q is then
 * the same whatever order the files come in, to the last bit, which a running float sum is not.
 *
 * Coverage of a merge = questions counted by at least one respondent / questions visible to at
 * least one respondent (per capability and overall). For one respondent this is SPEC §5 exactly.
 */
export function createAccumulator(questionnaire: Questionnaire | IndexedQuestionnaire, options: AccumulatorOptions = {}): Accumulator {
  const index = 'questionnaire' in questionnaire ? questionnaire : indexQuestionnaire(questionnaire);
  const all = new Tally(index);
  const roles = new Map<string, Tally>();
  const respondents = new RespondentStore(index.capabilities.length);
  const answers = options.detail ? index.questions.map((): DetailAnswer[] => []) : undefined;
  const listedAnswers: ClassifiedAnswers[] = [];
  const notes: CollectedNote[] = [];

  const fold = (respondent: RespondentIdentity, scored: RespondentScore): void => {
    all.add(scored.answers);
    const role = respondent.role?.trim() ? respondent.role : undefined;
    if (role !== undefined) {
      let tally = roles.get(role);
      if (!tally) {
        tally = new Tally(index);
        roles.set(role, tally);
      }
      tally.add(scored.answers);
    }
    if (listedAnswers.length <= MAX_NAMED_RESPONDENTS) listedAnswers.push(scored.answers);
    respondents.add(
      { file: respondent.file, row: respondent.row, name: respondent.name, role, organization: respondent.organization },
      scored.capabilities,
      gapsOf(scored.answers.status),
    );
  };

  return {
    keepsDetail: answers !== undefined,
    add(respondent) {
      if (answers && respondent.classified) throw new Error('classified answers carry no per-question detail; pass the answers');
      const scored = scoreClassified(index, respondent.classified ?? classifyAnswers(index, respondent.answers));
      const at = respondents.length;
      fold(respondent, scored);
      for (const note of annotationsOf(index, respondent.answers)) notes.push({ ...note, respondent: at });
      if (answers) keepDetail(index, answers, respondent, scored);
      return scored;
    },
    finish() {
      const merged = all.scores();
      const byRole = [...roles.keys()]
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        .map((role) => {
          const tally = roles.get(role);
          return {
            role,
            capabilities: tally?.scores().capabilities.map((c) => c.score) ?? [],
            questions: tally?.questionSummaries().map((q) => q.score) ?? [],
          };
        });
      return {
        index,
        ...merged,
        respondents: respondents.view(),
        questions: all.questionSummaries(),
        byRole,
        questionSpreads: all.questionSpreads(),
        listedAnswers: [...listedAnswers],
        notes: [...notes],
        ...(answers && { answers }),
      };
    },
  };
}

class Tally {
  private readonly options: Uint32Array;
  private readonly counted: Uint32Array;
  private readonly notApplicable: Uint32Array;
  private readonly hidden: Uint32Array;
  private readonly unanswered: Uint32Array;
  private respondents = 0;

  constructor(private readonly index: IndexedQuestionnaire) {
    const n = index.questions.length;
    this.options = new Uint32Array(index.optionCount);
    this.counted = new Uint32Array(n);
    this.notApplicable = new Uint32Array(n);
    this.hidden = new Uint32Array(n);
    this.unanswered = new Uint32Array(n);
  }

  add({ status, option }: ClassifiedAnswers): void {
    this.respondents++;
    for (const question of this.index.questions) {
      const i = question.index;
      const s = status[i];
      if (s === COUNTED) {
        increment(this.counted, i);
        increment(this.options, question.optionOffset + (option[i] ?? 0));
      } else if (s === NOT_APPLICABLE_STATUS) increment(this.notApplicable, i);
      else if (s === UNANSWERED) increment(this.unanswered, i);
      else if (s === HIDDEN) increment(this.hidden, i);
    }
  }

  /** Per question, the mean q over the respondents who counted it; NaN where none did. */
  meanQ(): Float64Array {
    const q = new Float64Array(this.index.questions.length).fill(NaN);
    for (const question of this.index.questions) {
      const count = this.counted[question.index] ?? 0;
      if (count === 0) continue;
      let sum = 0;
      question.normalized.forEach((value, k) => {
        sum += (this.options[question.optionOffset + k] ?? 0) * value;
      });
      q[question.index] = sum / count;
    }
    return q;
  }

  scores(): ScoreSet {
    const visible = new Uint8Array(this.index.questions.length);
    for (let i = 0; i < visible.length; i++) visible[i] = (this.hidden[i] ?? 0) < this.respondents ? 1 : 0;
    return scoreQuestions(this.index, this.meanQ(), visible);
  }

  /** From the options chosen, so it is exact whatever the order of the respondents. */
  questionSpreads(): (number | null)[] {
    return this.index.questions.map((question) => {
      if ((this.counted[question.index] ?? 0) < 2) return null;
      let min = Infinity;
      let max = -Infinity;
      question.normalized.forEach((q, k) => {
        if ((this.options[question.optionOffset + k] ?? 0) === 0) return;
        if (q < min) min = q;
        if (q > max) max = q;
      });
      return 100 * (max - min);
    });
  }

  questionSummaries(): QuestionSummary[] {
    const q = this.meanQ();
    return this.index.questions.map(({ index: i }) => ({
      score: Number.isNaN(q[i]) ? null : 100 * (q[i] ?? 0),
      counted: this.counted[i] ?? 0,
      notApplicable: this.notApplicable[i] ?? 0,
      hidden: this.hidden[i] ?? 0,
      unanswered: this.unanswered[i] ?? 0,
    }));
  }
}

function keepDetail(index: IndexedQuestionnaire, answers: DetailAnswer[][], respondent: RespondentInput, scored: RespondentScore): void {
  const file = respondentFile(respondent);
  for (const question of index.questions) {
    const i = question.index;
    const given = normalizeAnswer(Object.hasOwn(respondent.answers, question.id) ? respondent.answers[question.id] : undefined);
    const q = scored.q[i] ?? NaN;
    answers[i]?.push({
      file,
      value: given.value ?? null,
      normalized: Number.isNaN(q) ? null : q,
      hidden: scored.answers.status[i] === HIDDEN,
      ...(given.note !== undefined && { note: given.note }),
    });
  }
}

function gapsOf(status: Uint8Array): { unanswered: number; notApplicable: number } {
  let unanswered = 0;
  let notApplicable = 0;
  for (const s of status) {
    if (s === UNANSWERED) unanswered++;
    else if (s === NOT_APPLICABLE_STATUS) notApplicable++;
  }
  return { unanswered, notApplicable };
}

function increment(counts: Uint32Array, i: number): void {
  counts[i] = (counts[i] ?? 0) + 1;
}
