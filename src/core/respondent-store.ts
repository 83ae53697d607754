/** Who a respondent is: what the report lists, without the answers. */
export interface RespondentIdentity {
  /** The answer file, as the user named it. */
  file: string;
  name?: string | undefined;
  role?: string | undefined;
  organization?: string | undefined;
}

/** A respondent's line in a capability of the JSON report (SPEC §7). */
export interface CapabilityRespondent {
  name: string | undefined;
  role: string | undefined;
  file: string;
  score: number | null;
}

/** What a respondent left out of the questions it was shown: the gaps a merged coverage hides. */
export interface RespondentGaps {
  /** Visible questions with no answer. */
  unanswered: number;
  /** Visible questions answered `n/a`. */
  notApplicable: number;
}

/** The respondents of a finished merge, read-only: who they are and their own capability scores. */
export interface Respondents {
  readonly length: number;
  identity(respondent: number): { name: string | undefined; role: string | undefined; organization: string | undefined; file: string };
  /** Own score of a respondent in a capability (questionnaire order); null where nothing was counted. */
  score(respondent: number, capability: number): number | null;
  /** Visible questions the respondent left unanswered or marked n/a. */
  gaps(respondent: number): RespondentGaps;
  /** Max − min of the respondents' own scores in a capability; null with fewer than two scores. */
  spread(capability: number): number | null;
  /** One respondent's line for one capability, built on each call. */
  capabilityEntry(respondent: number, capability: number): CapabilityRespondent;
  /** Every respondent's line for one capability, built on each call: the caller decides how long it lives. */
  capabilityEntries(capability: number): CapabilityRespondent[];
}

/**
 * Keeps respondents in columns rather than an object each: a survey of 20,000 files would otherwise
 * leave 20,000 objects with an array of boxed numbers each, and V8 sizes its heap to that live set.
 * Scores go in one Float64Array (NaN for null; a real score is never NaN), identities in string
 * arrays; roles and organisations, repeated across files, are stored once.
 */
export class RespondentStore {
  private scores: Float64Array;
  /** Per respondent: unanswered, then n/a (two entries each). */
  private gapCounts = new Uint32Array(128);
  private readonly files: string[] = [];
  private readonly names: (string | undefined)[] = [];
  private readonly roles: (string | undefined)[] = [];
  private readonly organizations: (string | undefined)[] = [];
  private readonly shared = new Map<string, string>();

  constructor(private readonly capabilityCount: number) {
    this.scores = new Float64Array(Math.max(1, capabilityCount) * 64);
  }

  get length(): number {
    return this.files.length;
  }

  /** `capabilities`: the respondent's own scores, in questionnaire order. */
  add(
    identity: RespondentIdentity,
    capabilities: readonly { readonly score: number | null }[],
    gaps: RespondentGaps = { unanswered: 0, notApplicable: 0 },
  ): void {
    const row = this.files.length;
    if (2 * row + 2 > this.gapCounts.length) {
      const grown = new Uint32Array(this.gapCounts.length * 2);
      grown.set(this.gapCounts);
      this.gapCounts = grown;
    }
    this.gapCounts[2 * row] = gaps.unanswered;
    this.gapCounts[2 * row + 1] = gaps.notApplicable;
    const width = this.capabilityCount;
    if ((row + 1) * width > this.scores.length) {
      const grown = new Float64Array(this.scores.length * 2);
      grown.set(this.scores);
      this.scores = grown;
    }
    for (let c = 0; c < width; c++) this.scores[row * width + c] = capabilities[c]?.score ?? NaN;
    this.files.push(identity.file);
    this.names.push(identity.name);
    this.roles.push(this.share(identity.role));
    this.organizations.push(this.share(identity.organization));
  }

  /** The respondents added so far; later `add`s do not change it. */
  view(): Respondents {
    const length = this.length;
    const score = (r: number, c: number): number =>
      r < length && c < this.capabilityCount ? (this.scores[r * this.capabilityCount + c] ?? NaN) : NaN;
    const orNull = (s: number) => (Number.isNaN(s) ? null : s);
    const gapCounts = this.gapCounts;
    return {
      length,
      identity: (r) => ({ name: this.names[r], role: this.roles[r], organization: this.organizations[r], file: this.files[r] ?? '' }),
      score: (r, c) => orNull(score(r, c)),
      // The array is replaced, never written in place, when it grows: the view keeps its own.
      gaps: (r) => ({ unanswered: r < length ? (gapCounts[2 * r] ?? 0) : 0, notApplicable: r < length ? (gapCounts[2 * r + 1] ?? 0) : 0 }),
      spread: (c) => {
        let min = Infinity;
        let max = -Infinity;
        let n = 0;
        for (let r = 0; r < length; r++) {
          const s = score(r, c);
          if (Number.isNaN(s)) continue;
          n++;
          if (s < min) min = s;
          if (s > max) max = s;
        }
        return n >= 2 ? max - min : null;
      },
      // One literal shape for every entry (absent fields are undefined, which JSON leaves out): spreads
      // of conditional objects gave each entry a hidden class of its own.
      capabilityEntry: (r, c) => ({ name: this.names[r], role: this.roles[r], file: this.files[r] ?? '', score: orNull(score(r, c)) }),
      capabilityEntries(c) {
        return Array.from({ length }, (_, r) => this.capabilityEntry(r, c));
      },
    };
  }

  /** The one copy of a repeated text (a role, an organisation): 20,000 files name a handful. */
  private share(text: string | undefined): string | undefined {
    if (text === undefined) return undefined;
    const known = this.shared.get(text);
    if (known !== undefined) return known;
    this.shared.set(text, text);
    return text;
  }
}
