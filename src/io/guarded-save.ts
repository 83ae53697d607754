import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { mergeAnswerEdits, mergeFieldEdits, type AnswerConflict } from '../core/merge-answer-edits.js';
import { InvalidInputError } from '../errors.js';
import type { AnswerFile, Respondent } from '../model/answers.js';
import { serializeAnswerFile, type RunAnswerFile } from './answer-file.js';
import { writeFileAtomic } from './atomic-write.js';
import { type LoadedAnswers, validateAnswerSource } from './load-answers.js';
import { displayPath } from './load-questionnaire.js';
import { readBounded } from './read-bounded.js';
import { MAX_FILE_BYTES, parseSource } from './yaml-source.js';

/**
 * The saves of one `cxm run` (SPEC §8). Before each write the file is read back: unchanged since
 * the run's last write (or its first read), the run's version replaces it; changed by something
 * else (an editor, git), the two are merged three-way (base = what the run last wrote); made
 * invalid, it is left alone and the run's version goes to a side file next to it.
 */

export interface GuardedSaveResult<F = RunAnswerFile> {
  /** The run's file after the save: its own answers plus those merged in. */
  file: F;
  /** Question ids whose answer came (wholly or in part) from the other side. */
  takenFromOther: string[];
  conflicts: AnswerConflict[];
  /** Fields other than answers (respondent, lang…) both sides changed; the run's value was kept. */
  fieldConflicts: string[];
  /** Set when the answer file was invalid: where this save went instead, and why. */
  diverted: { sideFile: string; problem: string; first: boolean } | undefined;
}

/** What a guard needs to know of one kind of file: an answer file, or a workshop file (SPEC §4.1). */
export interface GuardCodec<F, T> {
  serialize(file: F, path: string): string;
  /** The other side's file, read and validated: what to merge, or why it cannot be merged. */
  other(loaded: LoadedAnswers, base: F): T | string;
  merge(base: F, mine: F, theirs: T): Omit<GuardedSaveResult<F>, 'diverted'>;
}

export class FileGuard<F, T> {
  private base: F;
  private text: Uint8Array;
  private sideFile: string | undefined;

  /** `text`: the bytes the file held when the run read or created it; `base`: what they mean. */
  constructor(
    readonly path: string,
    base: F,
    text: string | Uint8Array,
    private readonly codec: GuardCodec<F, T>,
  ) {
    this.base = base;
    this.text = typeof text === 'string' ? Buffer.from(text) : text;
  }

  /** Where the run's answers are now: the answer file, or the side file while it is invalid. */
  get savedPath(): string {
    return this.sideFile ?? this.path;
  }

  async save(mine: F): Promise<GuardedSaveResult<F>> {
    const found = await readIfExists(this.path);
    const none = { takenFromOther: [], conflicts: [], fieldConflicts: [], diverted: undefined };
    if (found === undefined || (found instanceof Uint8Array && Buffer.compare(found, this.text) === 0)) {
      await this.write(mine);
      return { file: mine, ...none };
    }
    const theirs = found instanceof Uint8Array ? await this.parse(found) : found.problem;
    if (typeof theirs === 'string') {
      const first = this.sideFile === undefined;
      this.sideFile ??= sideFilePath(this.path, new Date());
      await writeFileAtomic(this.sideFile, this.codec.serialize(mine, this.sideFile));
      return { file: mine, ...none, diverted: { sideFile: this.sideFile, problem: theirs, first } };
    }
    const merged = this.codec.merge(this.base, mine, theirs);
    await this.write(merged.file);
    return { ...merged, diverted: undefined };
  }

  private async write(file: F): Promise<void> {
    const text = this.codec.serialize(file, this.path);
    await writeFileAtomic(this.path, text);
    this.text = Buffer.from(text);
    this.base = file;
    this.sideFile = undefined;
  }

  /** The other side's file, or the first reason it cannot be merged. */
  private async parse(bytes: Uint8Array): Promise<T | string> {
    const read = parseSource(bytes, displayPath(this.path));
    try {
      if (!read.ok) throw new InvalidInputError(read.problems);
      return this.codec.other(await validateAnswerSource(read.source, this.path), this.base);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      const p = error.problems.find((problem) => problem.severity === 'error');
      return p ? `${p.file}:${p.line}:${p.column} ${p.message}` : error.message;
    }
  }
}

const answerCodec: GuardCodec<RunAnswerFile, AnswerFile> = {
  serialize: serializeAnswerFile,
  other(loaded, base) {
    if (loaded.workshop) return 'it is now a workshop file (with groups)';
    if (loaded.answers.questionnaire !== base.questionnaire) return `it now names questionnaire "${loaded.answers.questionnaire}"`;
    return loaded.answers;
  },
  merge: (base, mine, theirs) => mergeRunFiles(base, mine, theirs),
};

/** The saves of a one-respondent run. */
export class AnswerFileGuard extends FileGuard<RunAnswerFile, AnswerFile> {
  constructor(path: string, base: RunAnswerFile, text: string | Uint8Array) {
    super(path, base, text, answerCodec);
  }
}

/** The run's file merged with the other side's: answers by mergeAnswerEdits, other fields alike. */
export function mergeRunFiles(base: RunAnswerFile, mine: RunAnswerFile, theirs: AnswerFile): Omit<GuardedSaveResult, 'diverted'> {
  const header = (f: RunAnswerFile | AnswerFile) => ({
    $schema: f.$schema,
    questionnaireVersion: f.questionnaireVersion,
    respondent: f.respondent === undefined ? undefined : plainRespondent(f.respondent),
    lang: f.lang,
    startedAt: f.startedAt,
    completedAt: f.completedAt,
    report: f.report,
  });
  const fields = mergeFieldEdits(header(base), header(mine), header(theirs));
  const take = <K extends keyof ReturnType<typeof header>>(key: K) =>
    fields.takenFromOther.includes(key) ? header(theirs)[key] : mine[key];
  const answers = mergeAnswerEdits(base.answers, mine.answers, theirs.answers);
  const file: RunAnswerFile = {
    $schema: take('$schema'),
    questionnaire: mine.questionnaire,
    questionnaireVersion: take('questionnaireVersion') ?? mine.questionnaireVersion,
    respondent: take('respondent') ?? {},
    lang: take('lang') ?? mine.lang,
    startedAt: take('startedAt') ?? mine.startedAt,
    completedAt: take('completedAt'),
    report: take('report'),
    answers: answers.answers,
  };
  return { file, takenFromOther: answers.takenFromOther, conflicts: answers.conflicts, fieldConflicts: fields.conflicts };
}

/** As the file has it: no empty parts (serializeAnswerFile leaves them out). */
function plainRespondent(respondent: Respondent): Respondent {
  return Object.fromEntries(Object.entries(respondent).filter(([, v]) => v !== undefined && v !== ''));
}

/** `answers.yaml` → `answers.cxm-conflict-20261202T090000Z.yaml`, beside it. */
export function sideFilePath(path: string, date: Date): string {
  const ext = extname(path);
  const stamp = date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  return join(dirname(path), `${basename(path, ext)}.cxm-conflict-${stamp}${ext || '.yaml'}`);
}

/**
 * The file's bytes, or undefined when it does not exist; what cannot be read as an answer file (a
 * device, a FIFO, a file past the size limit) is a problem in words, never read without limit.
 */
export async function readIfExists(path: string): Promise<Uint8Array | undefined | { problem: string }> {
  const read = await readBounded(path, MAX_FILE_BYTES);
  if (read.ok) return read.bytes;
  return existsSync(path) ? { problem: read.reason } : undefined;
}
