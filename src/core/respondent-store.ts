/** Who a respondent is: what the report lists, without the answers. */
export interface RespondentIdentity {
  /** The answer file or survey export, as the user named it. */
  file: string;
  /** A survey export's row (the header is row 1): the respondent's `file` is then `file:ROW`. */
  row?: number | undefined;
  name?: string | undefined;
  role?: string | undefined;
  organization?: string | undefined;
}

/** How a report names a respondent's source: the file, or `file:ROW` for a survey row. */
export function respondentFile(identity: Pick<RespondentIdentity, 'file' | 'row'>): string {
  if (identity.row === undefined || identity.row === 0) return identity.file;
  // Not `${row}`: that goes through V8's number-to-string cache, which keeps the strings of the last
  // few thousand numbers alive; the JSON writer asks for 100,000 rows' names once per capability,
  // and the cache turned each into old-generation garbage (+25 MiB peak RSS, json-stream.ts).
  return `${identity.file}:${JSON.stringify(identity.row)}`;
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

/** Rows per block of the store's typed columns. */
const BLOCK_ROWS = 4096;

/**
 * Keeps respondents in columns rather than an object each: a survey of 100,000 rows would otherwise
 * leave 100,000 objects with an array of boxed numbers each, and V8 sizes its heap to that live set.
 * Scores go in Float64Array blocks (NaN for null; a real score is never NaN) that are added, never
 * copied into a larger array: a doubling array briefly holds both copies, 15 MB at 100,000 rows.
 * Files, roles and organisations, repeated across respondents (every row of a survey has the
 * export's name), are stored once each and referred to by number; a survey row's number is kept
 * as a number, and its `file:ROW` text built when asked for.
 */
export class RespondentStore {
  private readonly scoreBlocks: Float64Array[] = [];
  /** Per respondent: unanswered, n/a, row (0: none), and the file, role and organisation numbers. */
  private readonly countBlocks: Uint32Array[] = [];
  private readonly names: (string | undefined)[] = [];
  private readonly texts = new SharedTexts();
  private rows = 0;

  constructor(private readonly capabilityCount: number) {}

  get length(): number {
    return this.rows;
  }

  /** `capabilities`: the respondent's own scores, in questionnaire order. */
  add(
    identity: RespondentIdentity,
    capabilities: readonly { readonly score: number | null }[],
    gaps: RespondentGaps = { unanswered: 0, notApplicable: 0 },
  ): void {
    const row = this.rows;
    const at = row % BLOCK_ROWS;
    if (at === 0) {
      this.scoreBlocks.push(new Float64Array(BLOCK_ROWS * this.capabilityCount));
      this.countBlocks.push(new Uint32Array(BLOCK_ROWS * COUNT_FIELDS));
    }
    const scores = this.scoreBlocks[this.scoreBlocks.length - 1] as Float64Array;
    const width = this.capabilityCount;
    for (let c = 0; c < width; c++) scores[at * width + c] = capabilities[c]?.score ?? NaN;
    const counts = this.countBlocks[this.countBlocks.length - 1] as Uint32Array;
    const base = at * COUNT_FIELDS;
    counts[base + UNANSWERED_FIELD] = gaps.unanswered;
    counts[base + NOT_APPLICABLE_FIELD] = gaps.notApplicable;
    counts[base + ROW_FIELD] = identity.row ?? 0;
    counts[base + FILE_FIELD] = this.texts.number(identity.file);
    counts[base + ROLE_FIELD] = this.texts.number(identity.role);
    counts[base + ORGANIZATION_FIELD] = this.texts.number(identity.organization);
    this.names.push(identity.name);
    this.rows++;
  }

  /** The respondents added so far; later `add`s do not change it (they only write rows past its end). */
  view(): Respondents {
    const length = this.rows;
    const width = this.capabilityCount;
    const { scoreBlocks, countBlocks, names, texts } = this;
    const score = (r: number, c: number): number =>
      r < length && c < width ? (scoreBlocks[Math.floor(r / BLOCK_ROWS)]?.[(r % BLOCK_ROWS) * width + c] ?? NaN) : NaN;
    const count = (r: number, field: number): number =>
      r < length ? (countBlocks[Math.floor(r / BLOCK_ROWS)]?.[(r % BLOCK_ROWS) * COUNT_FIELDS + field] ?? 0) : 0;
    const orNull = (s: number) => (Number.isNaN(s) ? null : s);
    const file = (r: number): string => respondentFile({ file: texts.text(count(r, FILE_FIELD)) ?? '', row: count(r, ROW_FIELD) });
    const role = (r: number) => texts.text(count(r, ROLE_FIELD));
    return {
      length,
      identity: (r) => ({ name: names[r], role: role(r), organization: texts.text(count(r, ORGANIZATION_FIELD)), file: file(r) }),
      score: (r, c) => orNull(score(r, c)),
      gaps: (r) => ({ unanswered: count(r, UNANSWERED_FIELD), notApplicable: count(r, NOT_APPLICABLE_FIELD) }),
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
      capabilityEntry: (r, c) => ({ name: names[r], role: role(r), file: file(r), score: orNull(score(r, c)) }),
      capabilityEntries(c) {
        return Array.from({ length }, (_, r) => this.capabilityEntry(r, c));
      },
    };
  }
}

const UNANSWERED_FIELD = 0;
const NOT_APPLICABLE_FIELD = 1;
const ROW_FIELD = 2;
const FILE_FIELD = 3;
const ROLE_FIELD = 4;
const ORGANIZATION_FIELD = 5;
const COUNT_FIELDS = 6;

/** Texts by number, each stored once; 0 stands for no text. */
class SharedTexts {
  private readonly list: string[] = [];
  private readonly numbers = new Map<string, number>();

  number(text: string | undefined): number {
    if (text === undefined) return 0;
    let known = this.numbers.get(text);
    if (known === undefined) {
      this.list.push(text);
      known = this.list.length;
      this.numbers.set(text, known);
    }
    return known;
  }

  text(number: number): string | undefined {
    return number === 0 ? undefined : this.list[number - 1];
  }
}
