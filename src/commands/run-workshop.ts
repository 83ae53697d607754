import { dirname, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { DEFAULT_DISCUSS } from '../core/defaults.js';
import { runWorkshop } from '../core/run-workshop.js';
import { WorkshopView } from '../core/workshop-flow.js';
import { ExitError, UserError } from '../errors.js';
import { createAnswerFile, defaultAnswerPath, questionnaireRef } from '../io/answer-file.js';
import { acquireAnswerLock, formatSince, type AnswerLock } from '../io/answer-lock.js';
import type { GuardedSaveResult } from '../io/guarded-save.js';
import { readIfExists } from '../io/guarded-save.js';
import { loadAnswerFile } from '../io/load-answers.js';
import { displayPath } from '../io/load-questionnaire.js';
import { readSourceFile } from '../io/yaml-source.js';
import { type RunWorkshopFile, runWorkshopFileOf, serializeWorkshopFile, WorkshopFileGuard } from '../io/workshop-file.js';
import type { Questionnaire } from '../model/questionnaire.js';
import { isWorkshopData, parseGroupList } from '../model/workshop.js';
import { makeChalk, shouldUseColor } from '../report/color.js';
import { runMessages } from '../ui/messages.js';
import { isInterrupt } from '../ui/terminal.js';
import { workshopMessages, type WorkshopMessages } from '../ui/workshop-messages.js';
import { askSessionKind, createWorkshopTerminal, type WorkshopTerminal } from '../ui/workshop-terminal.js';
import { cxmInvocation, shellQuote } from './invocation.js';
import type { RunOutcome } from '../ui/run-outcome.js';
import { checkNewAnswerPath, checkRunPaths, timeboxOf } from './run-paths.js';
import { defaultReportPath, finalReport, reportFormatOf } from './run-report.js';
import { parseNumber } from './score.js';
import { questionnaireForRun } from './run-questionnaire.js';

/** `cxm run --groups` (SPEC §4.1): every group votes on each question, in one workshop file. */

const workshopOptionsSchema = z.object({
  lang: z.string().optional(),
  answers: z.string().optional(),
  resume: z.string().optional(),
  name: z.string().optional(),
  role: z.string().optional(),
  organization: z.string().optional(),
  facilitator: z.string().optional(),
  groups: z.string().optional(),
  discuss: z.string().optional(),
  timebox: z.string().optional(),
  report: z.string().optional(),
  color: z.boolean().optional(),
});
type WorkshopOptions = z.infer<typeof workshopOptionsSchema>;

/** A workshop run: `--groups` is given, or the file to resume is a workshop file. */
export async function isWorkshopRun(raw: Record<string, unknown>): Promise<boolean> {
  if (raw.groups !== undefined) return true;
  if (typeof raw.resume !== 'string') return false;
  const read = await readSourceFile(resolve(raw.resume), displayPath(resolve(raw.resume)));
  return read.ok && isWorkshopData(read.source.data);
}

/**
 * When a run names no respondent, the facilitator chooses: one respondent (undefined), or a group
 * session (the options with the groups typed in).
 */
export async function askGroupSession(raw: Record<string, unknown>): Promise<Record<string, unknown> | undefined> {
  const named = ['resume', 'name', 'role'].some((key) => raw[key] !== undefined);
  if (named || !process.stdin.isTTY || !process.stdout.isTTY) return undefined;
  const messages = workshopMessages(typeof raw.lang === 'string' ? raw.lang : 'en');
  try {
    const groups = await askSessionKind(messages);
    return groups === undefined ? undefined : { ...raw, groups };
  } catch (error) {
    if (!isInterrupt(error)) throw error;
    process.stderr.write(`\n${runMessages(typeof raw.lang === 'string' ? raw.lang : 'en').nothingSaved}\n`);
    throw new ExitError(130);
  }
}

interface Session {
  questionnaire: Questionnaire;
  path: string;
  file: RunWorkshopFile;
  /** Undefined until the first save: no file is written before a single vote or note. */
  guard: WorkshopFileGuard | undefined;
  /** Creates the file (never over an existing one) with the first save. */
  create: ((file: RunWorkshopFile) => Promise<WorkshopFileGuard>) | undefined;
  terminal: WorkshopTerminal;
  messages: WorkshopMessages;
  conflicts: string[];
}

export async function runWorkshopCommand(questionnaireArg: string, raw: Record<string, unknown>): Promise<RunOutcome> {
  const options = workshopOptionsSchema.parse(raw);
  await checkRunPaths({ questionnaire: questionnaireArg, ...options });
  // Mistakes in the options are reported before the terminal check, so that a script sees them too.
  const discuss = options.discuss === undefined ? DEFAULT_DISCUSS : parseNumber('--discuss', options.discuss, 0, 100);
  const groups = options.groups === undefined ? undefined : parseGroups(options.groups);
  const timeboxMs = options.timebox === undefined ? undefined : timeboxOf(options.timebox);
  if (options.resume !== undefined && options.answers !== undefined) {
    throw new UserError('--answers and --resume cannot be combined', { hint: '--resume saves into the file it continues' });
  }
  if (options.resume !== undefined && options.groups !== undefined) {
    throw new UserError('--groups and --resume cannot be combined', { hint: 'a workshop file names its groups' });
  }
  if (options.name !== undefined || options.role !== undefined) {
    throw new UserError('--name and --role name one respondent; in a workshop each group is one', {
      hint: 'give the groups with --groups "Marketing,Sales,IT"',
    });
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UserError('cxm run is interactive and needs a terminal (stdin and stdout must be a TTY)', {
      hint: `to score a workshop file without a terminal, use: ${cxmInvocation()} score ${options.resume !== undefined ? shellQuote(options.resume) : '<workshop.yaml>'}`,
    });
  }
  if (options.report !== undefined) reportFormatOf(options.report);
  if (options.answers !== undefined) checkNewAnswerPath(options.answers);
  if (options.resume !== undefined) await loadAnswerFile(options.resume);
  const target = options.resume ?? options.answers;
  const locks: AnswerLock[] = target !== undefined ? [await acquireAnswerLock(target)] : [];
  try {
    return await runHeld(questionnaireArg, options, { groups, discuss, locks, timeboxMs });
  } finally {
    for (const held of locks) held.release();
  }
}

function parseGroups(list: string): RunWorkshopFile['groups'] {
  const { groups, problems } = parseGroupList(list);
  if (problems.length > 0) throw new UserError(`--groups: ${problems.join('; ')}`);
  if (groups.length === 0) throw new UserError('--groups: expected the names of the groups, e.g. --groups "Marketing,Sales,IT"');
  return groups;
}

async function runHeld(
  questionnaireArg: string,
  options: WorkshopOptions,
  run: { groups: RunWorkshopFile['groups'] | undefined; discuss: number; locks: AnswerLock[]; timeboxMs: number | undefined },
): Promise<RunOutcome> {
  const resumed = options.resume !== undefined ? await loadResumed(options.resume) : undefined;
  const { questionnaire, lang, loaded } = await questionnaireForRun(questionnaireArg, resumed, options.lang);
  const messages = workshopMessages(lang);
  const chalk = makeChalk(shouldUseColor(options));
  const clock = { startedAt: Date.now(), timeboxMs: run.timeboxMs };
  const terminal = createWorkshopTerminal({ chalk, messages, runMessages: runMessages(lang), clock });
  const taken = run.locks[0]?.takenOver;
  if (taken) terminal.notice(runMessages(lang).lockTakenOver(taken.pid, taken.host, formatSince(taken.startedAt)));
  let session: Session | undefined;
  try {
    if (resumed) {
      const file = {
        ...resumed.file,
        lang,
        ...(options.organization !== undefined && { organization: options.organization }),
        ...(options.facilitator !== undefined && { facilitator: options.facilitator }),
        ...(options.report !== undefined && { report: reportRef(options.report, dirname(resumed.path)) }),
      };
      const guard = new WorkshopFileGuard(resumed.path, resumed.file, resumed.text);
      session = { questionnaire, path: resumed.path, file, guard, create: undefined, terminal, messages, conflicts: [] };
      if (serializeWorkshopFile(file) !== serializeWorkshopFile(resumed.file)) await save(session);
    } else if (loaded && run.groups) {
      session = await startSession(questionnaire, loaded.path, lang, options, { groups: run.groups, terminal, messages, locks: run.locks });
    }
    if (!session) throw new Error('no session');
    const s: Session = session;
    const view = new WorkshopView(questionnaire, s.file.answers, s.file.groups);
    const review = s.file.completedAt !== undefined;
    const result = await runWorkshop(questionnaire, s.file.groups, s.file.answers, {
      lang,
      ask: terminal.interaction,
      discuss: run.discuss,
      startAt: review ? view.firstId() : view.firstOpenId(),
      mode: review ? 'review' : 'fill',
      startWithList: review,
      save: async (answers) => {
        s.file = { ...s.file, answers };
        await save(s);
        return s.file.answers;
      },
    });
    if (result.status === 'quit') {
      terminal.dispose();
      return quitOutcome(s);
    }
    s.file = { ...s.file, answers: result.answers, completedAt: timestamp() };
    await save(s);
    terminal.dispose();
    terminal.clear();
    const savedPath = s.guard?.savedPath ?? s.path;
    const reportPath = s.file.report !== undefined ? resolve(dirname(s.path), s.file.report) : defaultReportPath(savedPath);
    const report = await finalReport(savedPath, reportPath, lang);
    return {
      kind: 'finished',
      lang,
      color: shouldUseColor(options),
      report,
      reportPath: displayPath(reportPath),
      savedPath: displayPath(savedPath),
      closing: closingLines(s),
    };
  } catch (error) {
    terminal.dispose();
    if (!isInterrupt(error)) throw error;
    return session ? quitOutcome(session) : { kind: 'nothing-saved', lang };
  }
}

/** `--report` as the workshop file records it: relative to the file's folder. */
function reportRef(report: string | undefined, dir: string): string | undefined {
  if (report === undefined) return undefined;
  return relative(dir, resolve(report)).split(sep).join('/');
}

interface Resumed {
  questionnaire: Questionnaire;
  path: string;
  file: RunWorkshopFile;
  text: Uint8Array;
}

async function loadResumed(path: string): Promise<Resumed> {
  const loaded = await loadAnswerFile(path);
  if (!loaded.workshop) throw new UserError(`${displayPath(path)} is not a workshop file (it has no groups)`);
  const read = await readIfExists(resolve(path));
  for (const w of loaded.warnings) process.stderr.write(`${w.file}:${w.line}:${w.column} warning: ${w.message}\n`);
  const q = loaded.questionnaire.questionnaire;
  const file = runWorkshopFileOf(loaded.workshop, { version: q.version, lang: q.languages?.[0] ?? 'en', startedAt: timestamp() });
  return { questionnaire: q, path: loaded.path, file, text: read instanceof Uint8Array ? read : new Uint8Array() };
}

async function startSession(
  q: Questionnaire,
  questionnairePath: string,
  lang: string,
  options: WorkshopOptions,
  ui: { groups: RunWorkshopFile['groups']; terminal: WorkshopTerminal; messages: WorkshopMessages; locks: AnswerLock[] },
): Promise<Session> {
  const { terminal, messages } = ui;
  const setup = await terminal.askSetup({ organization: options.organization, facilitator: options.facilitator });
  const explicit = options.answers !== undefined ? resolve(options.answers) : undefined;
  const now = new Date();
  const candidate = (attempt: number) => explicit ?? defaultAnswerPath(process.cwd(), now, { name: 'workshop' }, attempt);
  const file: RunWorkshopFile = {
    questionnaire: questionnaireRef(questionnairePath, candidate(1)),
    questionnaireVersion: q.version,
    groups: ui.groups,
    organization: setup.organization,
    lang,
    facilitator: setup.facilitator,
    startedAt: timestamp(now),
    report: reportRef(options.report, dirname(candidate(1))),
    answers: {},
  };
  const session: Session = {
    questionnaire: q,
    path: candidate(1),
    file,
    guard: undefined,
    create: undefined,
    terminal,
    messages,
    conflicts: [],
  };
  session.create = async (first) => {
    let path: string;
    try {
      path = await createAnswerFile(candidate, serializeWorkshopFile(first, candidate(1)), explicit ? 1 : 100);
    } catch (error) {
      throw new UserError(
        `cannot create the workshop file ${displayPath(candidate(1))}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    // A name chosen here is new: held from now on (an --answers file is held already).
    if (!explicit) ui.locks.push(await acquireAnswerLock(path));
    session.path = path;
    return new WorkshopFileGuard(path, first, serializeWorkshopFile(first, path));
  };
  return session;
}

async function save(session: Session): Promise<void> {
  if (!session.guard) {
    session.guard = await session.create?.(session.file);
    return;
  }
  try {
    const result = await session.guard.save(session.file);
    session.file = result.file;
    tell(session, result);
  } catch (error) {
    throw new UserError(
      `could not save the votes to ${displayPath(session.path)}: ${error instanceof Error ? error.message : String(error)}`,
      { hint: `the last saved version is intact; fix the problem, then: cxm run --resume ${shellQuote(displayPath(session.path))}` },
    );
  }
}

/** What came from a change made outside the run, and what both changed (SPEC §8), as for any answer file. */
function tell(session: Session, result: GuardedSaveResult<RunWorkshopFile>): void {
  const m = runMessages(session.file.lang);
  const shown = displayPath(session.path);
  if (result.takenFromOther.length > 0) session.terminal.notice(m.mergedFromFile(shown, result.takenFromOther));
  const show = (part: 'value' | 'note', text: string | number | undefined) =>
    text === undefined ? undefined : part === 'note' ? JSON.stringify(text) : String(text);
  const kept = [
    ...result.conflicts.map((c) => m.conflictKept(c.id, c.part, show(c.part, c.kept), show(c.part, c.other))),
    ...result.fieldConflicts.map((field) => m.fieldConflictKept(field)),
  ];
  for (const line of kept) {
    session.terminal.notice(line);
    session.conflicts.push(line);
  }
  if (result.diverted?.first)
    session.terminal.notice(m.divertedToSideFile(shown, result.diverted.problem, displayPath(result.diverted.sideFile)));
}

function closingLines(session: Session): string[] {
  const m = runMessages(session.file.lang);
  const shown = displayPath(session.path);
  const lines = session.conflicts.length > 0 ? [m.closingConflicts(shown), ...session.conflicts.map((line) => `  ${line}`)] : [];
  const saved = session.guard?.savedPath ?? session.path;
  if (saved !== session.path) lines.push(m.closingSideFile(shown, displayPath(saved)));
  return lines;
}

function quitOutcome(session: Session): RunOutcome {
  const lang = session.file.lang;
  if (!session.guard) return { kind: 'nothing-saved', lang };
  const view = new WorkshopView(session.questionnaire, session.file.answers, session.file.groups);
  const position = view.position(view.firstId() ?? '');
  const savedPath = displayPath(session.guard.savedPath);
  return {
    kind: 'quit',
    lang,
    // Questions every group that sees them has voted on.
    answered: position?.voted ?? 0,
    total: position?.total ?? 0,
    savedPath,
    resume: `${cxmInvocation()} run --resume ${shellQuote(savedPath)}`,
    closing: closingLines(session),
  };
}

function timestamp(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
