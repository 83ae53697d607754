/** What an answer file says about the assessment itself, beside its answers (SPEC §4). */
export interface AssessmentFacts {
  facilitator?: string | undefined;
  startedAt?: string | undefined;
  completedAt?: string | undefined;
}

export interface AssessmentMeta {
  /** The facilitator every file that names one names; null when none does or they differ. */
  facilitator: string | null;
  /** Earliest and latest date of the files (each file's completedAt, else its startedAt), as written; null when none has one. */
  assessedAt: { from: string; to: string } | null;
}

/**
 * Gathers the facilitator and the assessment dates file by file, so that a report states when the
 * workshop took place rather than the day it was printed (SPEC §7). A file's date is when it was
 * completed, else when it was started; texts that are not dates are ignored.
 */
export class AssessmentMetaCollector {
  private readonly facilitators = new Set<string>();
  private from: { text: string; time: number } | undefined;
  private to: { text: string; time: number } | undefined;

  add(facts: AssessmentFacts): void {
    const facilitator = facts.facilitator?.trim();
    if (facilitator) this.facilitators.add(facilitator);
    const text = facts.completedAt ?? facts.startedAt;
    const time = text === undefined ? NaN : Date.parse(text);
    if (text === undefined || Number.isNaN(time)) return;
    if (this.from === undefined || time < this.from.time) this.from = { text, time };
    if (this.to === undefined || time > this.to.time) this.to = { text, time };
  }

  result(): AssessmentMeta {
    return {
      facilitator: this.facilitators.size === 1 ? ([...this.facilitators][0] ?? null) : null,
      assessedAt: this.from && this.to ? { from: this.from.text, to: this.to.text } : null,
    };
  }
}

/** The client's name when every respondent who gave one gave the same; else null. */
export function commonOrganization(organizations: Iterable<string | undefined>): string | null {
  const names = new Set<string>();
  for (const name of organizations) {
    const trimmed = name?.trim();
    if (trimmed) names.add(trimmed);
    if (names.size > 1) return null;
  }
  return names.size === 1 ? ([...names][0] ?? null) : null;
}
