import { accessSync, constants } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { firstUnansweredId, firstVisibleId, isAnswered, visibleQuestions, type AnswerMap } from '../core/flow.js';
import { runAssessment, type AssessmentResult } from '../core/run-assessment.js';
import { UserError } from '../errors.js';
import { createAnswerFile, defaultAnswerPath, questionnaireRef, serializeAnswerFile, type RunAnswerFile } from '../io/answer-file.js';
import { acquireAnswerLock, formatSince, type AnswerLock } from '../io/answer-lock.js';
import { AnswerFileGuard, readIfExists, type GuardedSaveResult } from '../io/guarded-save.js';
import { loadAnswerFile } from '../io/load-answers.js';
import { displayPath, loadQuestionnaire } from '../io/load-questionnaire.js';
import type { Questionnaire } from '../model/questionnaire.js';
import { makeChalk, shouldUseColor } from '../report/color.js';
import { runMessages, type RunMessages } from '../ui/messages.js';
import { createTerminal, isInterrupt, type Terminal } from '../ui/terminal.js';
import { cxmInvocation, shellQuote } from './invocation.js';
import { checkNewAnswerPath, checkRunPaths, timeboxOf } from './run-paths.js';
import { defaultReportPath, finalReport, reportFormatOf } from './run-report.js';
import type { RunOutcome } from '../ui/run-outcome.js';
import { sanitizeLine } from '../text/sanitize.js';
import { questionnaireForRun } from './run-questionnaire.js';

const runOptionsSchema = z.object({
  lang: z.string().optional(),
  answers: z.string().optional(),
  resume: z.string().optional(),
  name: z.string().optional(),
  role: z.string().optional(),
  organization: z.string().optional(),
  report: z.string().optional(),
  timebox: z.string().optional(),
  color: z.boolean().optional(),
});
export type RunOptions = z.infer<typeof runOptionsSchema>;

interface AnswerStore {
  path: string;
  /** Every save goes through it: merged with, or diverted from, changes made outside the run. */
  guard: AnswerFileGuard;
}

interface Session {
  questionnaire: Questionnaire;
  file: RunAnswerFile;
  /** Undefined until the first answer or note: a session that recorded nothing leaves no file. */
  store: AnswerStore | undefined;
  /** Writes the file's first version (and holds it) at the first save of a new session. */
  create?: (file: RunAnswerFile) => Promise<AnswerStore>;
  terminal: Terminal;
  messages: RunMessages;
  /** Answers both sides changed, for the closing lines. */
  conflicts: string[];
}

/** `cxm run`: the interactive workshop. Saves after every change; what ends it is returned for the ui to tell. */
export async function runCommand(questionnaireArg: string, rawOptions: Record<string, unknown>): Promise<RunOutcome> {
  // Several groups voting (SPEC §4.1): its own run, in run-workshop.ts.
  const workshop = await import('./run-workshop.js');
  if (await workshop.isWorkshopRun(rawOptions)) return workshop.runWorkshopCommand(questionnaireArg, rawOptions);
  const options = runOptionsSchema.parse(rawOptions);
  await checkRunPaths({ questionnaire: questionnaireArg, ...options });
  // Without a terminal a prompt would fail or hang: refuse before anything else.
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    const file = options.resume !== undefined ? shellQuote(options.resume) : '<answers.yaml>';
    throw new UserError('cxm run is interactive and needs a terminal (stdin and stdout must be a TTY)', {
      hint: `to score an answer file without a terminal, use: ${cxmInvocation()} score ${file}`,
    });
  }
  if (options.resume !== undefined && options.answers !== undefined) {
    throw new UserError('--answers and --resume cannot be combined', { hint: '--resume saves into the file it continues' });
  }
  if (options.report !== undefined) reportFormatOf(options.report);
  const timeboxMs = options.timebox === undefined ? undefined : timeboxOf(options.timebox);
  if (options.answers !== undefined) checkNewAnswerPath(options.answers);
  // A questionnaire that cannot be read is refused before the first question is asked of anyone.
  if (options.resume === undefined) await loadQuestionnaire(questionnaireArg);
  // With no respondent named, the facilitator may choose a group session instead (SPEC §4.1).
  const groupSession = await workshop.askGroupSession(rawOptions);
  if (groupSession) return workshop.runWorkshopCommand(questionnaireArg, groupSession);
  // A file that cannot be resumed (not a regular file, invalid) is refused before a lock is made beside it.
  if (options.resume !== undefined) await loadAnswerFile(options.resume);
  // The file is held before it is read again (or created), so two runs never both write it (SPEC §8).
  const target = options.resume ?? options.answers;
  const lock = target !== undefined ? await acquireAnswerLock(target) : undefined;
  const locks = lock ? [lock] : [];
  try {
    return await runHeld(questionnaireArg, options, { lock, locks, timeboxMs });
  } finally {
    for (const taken of locks) taken.release();
  }
}

interface Held {
  lock: AnswerLock | undefined;
  /** Every lock taken: released when the run ends. */
  locks: AnswerLock[];
  timeboxMs: number | undefined;
}

async function runHeld(questionnaireArg: string, options: RunOptions, held: Held): Promise<RunOutcome> {
  const { lock, locks } = held;
  const resumed = options.resume !== undefined ? await loadResumed(options.resume, options) : undefined;
  const { questionnaire, lang, loaded } = await questionnaireForRun(questionnaireArg, resumed, options.lang);

  const chalk = makeChalk(shouldUseColor(options));
  const messages = runMessages(lang);
  const terminal = createTerminal({ chalk, messages, clock: { startedAt: Date.now(), timeboxMs: held.timeboxMs } });
  for (const warning of resumed?.warnings ?? []) terminal.notice(sanitizeLine(warning));
  const taken = lock?.takenOver;
  if (taken) terminal.notice(messages.lockTakenOver(taken.pid, taken.host, formatSince(taken.startedAt)));
  let session: Session | undefined;
  try {
    if (resumed) {
      const guard = new AnswerFileGuard(resumed.path, resumed.original, resumed.text);
      const store = { path: resumed.path, guard };
      const file = { ...resumed.file, lang, report: reportRef(options.report, dirname(resumed.path)) ?? resumed.file.report };
      session = { questionnaire, file, store, terminal, messages, conflicts: [] };
      if (options.report === undefined && file.report !== undefined) await checkRememberedReport(file.report, resumed.path);
      // --lang, --name, --role, --organization or --report given on resume are recorded at once.
      if (serializeAnswerFile(session.file) !== serializeAnswerFile(resumed.original)) await save(session);
    } else if (loaded) {
      session = await startSession(questionnaire, loaded.path, lang, options, { terminal, messages, locks });
    }
    if (!session) throw new Error('no session');
    const result = await continueSession(session, terminal);
    terminal.dispose();
    if (result === 'quit') return quitOutcome(session, lang);
    terminal.clear();
    const store = session.store;
    if (!store) throw new Error('a finished session has saved its answers');
    const reportPath =
      session.file.report !== undefined ? resolve(dirname(store.path), session.file.report) : defaultReportPath(store.guard.savedPath);
    const report = await finalReport(store.guard.savedPath, reportPath, lang);
    return {
      kind: 'finished',
      lang,
      color: shouldUseColor(options),
      report,
      reportPath: displayPath(reportPath),
      savedPath: displayPath(store.guard.savedPath),
      closing: closingLines(session),
    };
  } catch (error) {
    terminal.dispose();
    if (!isInterrupt(error)) throw error;
    return session ? quitOutcome(session, lang) : { kind: 'nothing-saved', lang };
  }
}

/** `--report` as the answer file records it: relative to the answer file's folder. */
function reportRef(report: string | undefined, answerDir: string): string | undefined {
  if (report === undefined) return undefined;
  return relative(answerDir, resolve(report)).split(sep).join('/');
}

/** A report path read from the answer file gets the checks a `--report` option gets. */
async function checkRememberedReport(report: string, answerPath: string): Promise<void> {
  const path = resolve(dirname(answerPath), report);
  reportFormatOf(path);
  await checkRunPaths({ questionnaire: '', resume: answerPath, report: path });
}

interface Resumed {
  questionnaire: Questionnaire;
  path: string;
  file: RunAnswerFile;
  original: RunAnswerFile;
  /** The bytes as read, before parsing: a change made after this read is merged at the first save. */
  text: Uint8Array;
  /** `file:line:col warning: …`, shown above the first screen. */
  warnings: string[];
}

async function loadResumed(path: string, options: RunOptions): Promise<Resumed> {
  const loaded = await loadAnswerFile(path);
  const read = await readIfExists(resolve(path));
  const text = read instanceof Uint8Array ? read : new Uint8Array();
  const { answers: a, questionnaire } = loaded;
  const given = { name: options.name, role: options.role, organization: options.organization };
  const respondent = { ...a.respondent, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) };
  const q = questionnaire.questionnaire;
  const original: RunAnswerFile = {
    ...(a.$schema !== undefined ? { $schema: a.$schema } : {}),
    questionnaire: a.questionnaire,
    questionnaireVersion: a.questionnaireVersion ?? q.version,
    respondent: a.respondent ?? {},
    lang: a.lang ?? q.languages?.[0] ?? 'en',
    startedAt: a.startedAt ?? timestamp(),
    completedAt: a.completedAt,
    report: a.report,
    answers: a.answers,
  };
  const warnings = loaded.warnings.map((w) => `${w.file}:${w.line}:${w.column} warning: ${w.message}`);
  return { questionnaire: q, path: loaded.path, original, file: { ...original, respondent }, text, warnings };
}

async function startSession(
  q: Questionnaire,
  questionnairePath: string,
  lang: string,
  options: RunOptions,
  ui: { terminal: Terminal; messages: RunMessages; locks: AnswerLock[] },
): Promise<Session> {
  const { terminal } = ui;
  const respondent = await terminal.askRespondent({ name: options.name, role: options.role, organization: options.organization });
  const explicit = options.answers !== undefined ? resolve(options.answers) : undefined;
  const now = new Date();
  const candidate = (attempt: number) => explicit ?? defaultAnswerPath(process.cwd(), now, respondent, attempt);
  // The file is written at the first answer; a folder it could never be written to is told now.
  checkWritable(dirname(candidate(1)));
  const file: RunAnswerFile = {
    questionnaire: questionnaireRef(questionnairePath, candidate(1)),
    questionnaireVersion: q.version,
    respondent,
    lang,
    startedAt: timestamp(now),
    report: reportRef(options.report, dirname(candidate(1))),
    answers: {},
  };
  const create = async (first: RunAnswerFile): Promise<AnswerStore> => {
    let path: string;
    try {
      path = await createAnswerFile(candidate, serializeAnswerFile(first, candidate(1)), explicit ? 1 : 100);
    } catch (error) {
      throw new UserError(`cannot create the answer file ${displayPath(candidate(1))}: ${errorMessage(error)}`, {
        hint: explicit ? 'choose another --answers file (it must not exist yet; its folder must)' : undefined,
      });
    }
    // A name chosen here is new: held from now on (an --answers file is held already).
    if (!explicit) ui.locks.push(await acquireAnswerLock(path));
    return { path, guard: new AnswerFileGuard(path, first, serializeAnswerFile(first, path)) };
  };
  return { questionnaire: q, file, store: undefined, create, terminal, messages: ui.messages, conflicts: [] };
}

function checkWritable(dir: string): void {
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new UserError(`cannot write an answer file in ${displayPath(dir)}`, {
      hint: 'run cxm run in a folder you can write to, or give --answers',
    });
  }
}

async function continueSession(session: Session, terminal: Terminal): Promise<'finished' | 'quit' | 'report'> {
  const q = session.questionnaire;
  let startAt = firstUnansweredId(q, session.file.answers);
  let mode: 'fill' | 'review' = 'fill';
  let startWithList = false;
  if (session.file.completedAt !== undefined) {
    const choice = await terminal.askCompleted();
    if (choice === 'report') return 'report';
    if (choice === 'review') {
      // A review starts from the list of questions: the room rarely wants question 1 first.
      mode = 'review';
      startWithList = true;
      startAt = firstVisibleId(q, session.file.answers);
    }
  }
  const result: AssessmentResult = await runAssessment(q, session.file.answers, {
    lang: session.file.lang,
    ask: terminal.interaction,
    save: async (answers: AnswerMap) => {
      session.file = { ...session.file, answers };
      await save(session);
      return session.file.answers;
    },
    startAt,
    mode,
    startWithList,
  });
  if (result.status === 'quit') return 'quit';
  // Finished with every question skipped and no note: nothing to keep, no file (as for a quit).
  if (!session.store && Object.keys(result.answers).length === 0) return 'quit';
  session.file = { ...session.file, answers: result.answers, completedAt: timestamp() };
  await save(session);
  return 'finished';
}

async function save(session: Session): Promise<void> {
  if (!session.store) {
    if (!session.create) throw new Error('no answer file to save to');
    session.store = await session.create(session.file);
    return;
  }
  const { store } = session;
  try {
    const result = await store.guard.save(session.file);
    session.file = result.file;
    tell(session, store.path, result);
  } catch (error) {
    throw new UserError(`could not save the answers to ${displayPath(store.path)}: ${errorMessage(error)}`, {
      hint: `the last saved version is intact; fix the problem, then: ${cxmInvocation()} run --resume ${shellQuote(displayPath(store.path))}`,
    });
  }
}

/** On screen at once: what came from a change made outside the run, and what both changed. */
function tell(session: Session, path: string, result: GuardedSaveResult): void {
  const { terminal, messages: m } = session;
  const shown = displayPath(path);
  if (result.takenFromOther.length > 0) terminal.notice(m.mergedFromFile(shown, result.takenFromOther));
  const show = (part: 'value' | 'note', text: string | number | undefined) =>
    text === undefined ? undefined : part === 'note' ? JSON.stringify(text) : String(text);
  const kept = [
    ...result.conflicts.map((c) => m.conflictKept(c.id, c.part, show(c.part, c.kept), show(c.part, c.other))),
    ...result.fieldConflicts.map((field) => m.fieldConflictKept(field)),
  ];
  for (const line of kept) {
    terminal.notice(line);
    session.conflicts.push(line);
  }
  const { diverted } = result;
  if (diverted?.first) terminal.notice(m.divertedToSideFile(shown, diverted.problem, displayPath(diverted.sideFile)));
}

/** The end of a run: the answers both sides changed, and a side file if the answer file was invalid. */
function closingLines(session: Session): string[] {
  const { messages: m, store } = session;
  if (!store) return [];
  const shown = displayPath(store.path);
  const lines = session.conflicts.length > 0 ? [m.closingConflicts(shown), ...session.conflicts.map((line) => `  ${line}`)] : [];
  if (store.guard.savedPath !== store.path) lines.push(m.closingSideFile(shown, displayPath(store.guard.savedPath)));
  return lines;
}

function quitOutcome(session: Session, lang: string): RunOutcome {
  const { store } = session;
  if (!store) return { kind: 'nothing-saved', lang };
  const visible = visibleQuestions(session.questionnaire, session.file.answers);
  const answered = visible.filter(({ question }) => isAnswered(session.file.answers[question.id])).length;
  const savedPath = displayPath(store.guard.savedPath);
  return {
    kind: 'quit',
    lang,
    answered,
    total: visible.length,
    savedPath,
    resume: `${cxmInvocation()} run --resume ${shellQuote(savedPath)}`,
    closing: closingLines(session),
  };
}

function timestamp(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
