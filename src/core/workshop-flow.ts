import type { Questionnaire } from '../model/questionnaire.js';
import type { Group } from '../model/workshop.js';
import { allQuestions, type FlowMode, type FlowQuestion, type ListStatus, questionNumbers, visibleIds } from './flow.js';
import { reaches } from './levels.js';
import { indexQuestionnaire } from './questionnaire-index.js';
import { createAccumulator } from './merge.js';
import { scoreRespondent } from './score-respondent.js';
import { groupAnswers, type WorkshopAnswers } from './workshop-state.js';

/**
 * Where a workshop stands (SPEC §4.1), pure: each group sees the questions its own answers make
 * visible; a question is asked while it is visible to at least one group, and it is done once
 * every group that sees it has voted (a value or n/a).
 */

export interface WorkshopPosition {
  /** 1-based among the questions visible to some group. */
  index: number;
  total: number;
  indexInCapability: number;
  totalInCapability: number;
  /** Questions every group that sees them has voted on. */
  voted: number;
  /** The one-respondent run's stable numbering: `9`, `9.1` for a follow-up; the total never grows. */
  number: string;
  baseTotal: number;
  followUps: number;
}

/** Per visible question id, the groups that see it. */
export function visibleGroups(q: Questionnaire, answers: WorkshopAnswers, groups: readonly Group[]): Map<string, Set<string>> {
  const seen = new Map<string, Set<string>>();
  for (const group of groups) {
    for (const id of visibleIds(q, groupAnswers(answers, group.id))) {
      const set = seen.get(id) ?? new Set<string>();
      seen.set(id, set);
      set.add(group.id);
    }
  }
  return seen;
}

export function isFullyVoted(answers: WorkshopAnswers, id: string, seenBy: ReadonlySet<string> | undefined): boolean {
  const votes = answers[id]?.votes ?? {};
  for (const group of seenBy ?? []) if (!Object.hasOwn(votes, group)) return false;
  return true;
}

export class WorkshopView {
  private readonly seen: Map<string, Set<string>>;
  private readonly visible: FlowQuestion[];
  private spreads: (number | null)[] | undefined;

  constructor(
    private readonly q: Questionnaire,
    private readonly answers: WorkshopAnswers,
    readonly groups: readonly Group[],
  ) {
    this.seen = visibleGroups(q, answers, groups);
    this.visible = allQuestions(q).filter(({ question }) => this.seen.has(question.id));
  }

  seenBy(id: string): ReadonlySet<string> {
    return this.seen.get(id) ?? new Set();
  }

  isDone(id: string): boolean {
    return isFullyVoted(this.answers, id, this.seen.get(id));
  }

  /** Visible questions not voted by every group that sees them, in order. */
  open(): FlowQuestion[] {
    return this.visible.filter(({ question }) => !this.isDone(question.id));
  }

  /** The questions visible to some group, in order: the rows of the `g` list. */
  listed(): readonly FlowQuestion[] {
    return this.visible;
  }

  /** For the list: voted by every group that sees it, all n/a, voted by some, or by none yet. */
  status(id: string): ListStatus {
    const votes = Object.values(this.answers[id]?.votes ?? {});
    if (!this.isDone(id)) return votes.length > 0 ? 'skipped' : 'open';
    return votes.length > 0 && votes.every((v) => v === 'n/a') ? 'n/a' : 'answered';
  }

  firstOpenId(): string | undefined {
    return this.open()[0]?.question.id;
  }

  firstId(): string | undefined {
    return this.visible[0]?.question.id;
  }

  item(id: string): FlowQuestion | undefined {
    return this.visible.find(({ question }) => question.id === id);
  }

  /** After `fromId` (which may have become hidden): in `fill` mode the next open question, in `review` the next visible one. */
  nextId(fromId: string, mode: FlowMode): string | undefined {
    const order = allQuestions(this.q);
    const from = order.findIndex(({ question }) => question.id === fromId);
    for (const { question } of order.slice(from + 1)) {
      if (!this.seen.has(question.id)) continue;
      if (mode === 'review' || !this.isDone(question.id)) return question.id;
    }
    return undefined;
  }

  previousId(fromId: string): string | undefined {
    const order = allQuestions(this.q);
    const from = order.findIndex(({ question }) => question.id === fromId);
    for (let i = from - 1; i >= 0; i--) {
      const id = order[i]?.question.id;
      if (id !== undefined && this.seen.has(id)) return id;
    }
    return undefined;
  }

  position(id: string): WorkshopPosition | undefined {
    const index = this.visible.findIndex(({ question }) => question.id === id);
    const item = this.visible[index];
    if (!item) return undefined;
    const same = this.visible.filter((other) => other.capability === item.capability);
    return {
      index: index + 1,
      total: this.visible.length,
      indexInCapability: same.indexOf(item) + 1,
      totalInCapability: same.length,
      voted: this.visible.filter(({ question }) => this.isDone(question.id)).length,
      number: this.numberOf(id),
      baseTotal: questionNumbers(this.q).baseTotal,
      followUps: questionNumbers(this.q).followUps,
    };
  }

  numberOf(id: string): string {
    return questionNumbers(this.q).numbers.get(id) ?? '';
  }

  /**
   * The question spread (SPEC §5) over the groups that counted it; null with fewer than two. The
   * merge of the report computes it, so the room sees the figure the report's agenda will show.
   */
  spread(id: string): number | null {
    if (!this.spreads) {
      const merge = createAccumulator(this.q);
      for (const group of this.groups) merge.add({ file: group.id, answers: groupAnswers(this.answers, group.id) });
      this.spreads = merge.finish().questionSpreads;
    }
    const index = indexQuestionnaire(this.q).questionById.get(id);
    return index === undefined ? null : (this.spreads[index] ?? null);
  }

  isFlagged(id: string, threshold: number): boolean {
    const spread = this.spread(id);
    return spread !== null && reaches(spread, threshold);
  }

  /** Each group's own score of a capability (SPEC §5), null where it has none. */
  capabilityScores(capabilityId: string): { group: Group; score: number | null }[] {
    const index = indexQuestionnaire(this.q);
    const c = index.capabilityById.get(capabilityId) ?? -1;
    return this.groups.map((group) => ({
      group,
      score: scoreRespondent(index, groupAnswers(this.answers, group.id)).capabilities[c]?.score ?? null,
    }));
  }
}
