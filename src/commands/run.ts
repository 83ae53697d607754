import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { firstUnansweredId, firstVisibleId, isAnswered, visibleQuestions, type AnswerMap } from '../core/flow.js';
import { runAssessment, type AssessmentResult } from '../core/run-assessment.js';
import { ExitError, UserError } from '../errors.js';
import { createAnswerFile, defaultAnswerPath, questionnaireRef, serializeAnswerFile, type RunAnswerFile } from '../io/answer-file.js';
import { acquireAnswerLock, formatSince, type AnswerLock } from '../io/answer-lock.js';
import { AnswerFileGuard, readIfExists, type GuardedSaveResult } from '../io/guarded-save.js';
import { loadAnswerFile } from '../io/load-answers.js';
import { displayPath, loadQuestionnaire } from '../io/load-questionnaire.js';
import type { Questionnaire } from '../model/questionnaire.js';
import { makeChalk, shouldUseColor } from '../report/color.js';
import { runMessages, type RunMessages } from '../ui/messages.js';
import { createTerminal, isInterrupt, type Terminal } from '../ui/terminal.js';
import { checkRunPaths } from './run-paths.js';
import { reportFormatOf, showFinalReport } from './run-report.js';

const runOptionsSchema = z.object({
  lang: z.string().optional(),
  answers: z.string().optional(),
  resume: z.string().optional(),
  name: z.string().optional(),
  role: z.string().optional(),
  organization: z.string().optional(),
  report: z.string().optional(),
  color: z.boolean().optional(),
});
export type RunOptions = z.infer<typeof runOptionsSchema>;

interface Session {
  questionnaire: Questionnaire;
  path: string;
  file: RunAnswerFile;
  /** Every save goes through it: merged with, or diverted from, changes made outside the run. */
  guard: AnswerFileGuard;
  terminal: Terminal;
  messages: RunMessages;
  /** Answers both sides changed, for the closing lines. */
  conflicts: string[];
}

/** `cxm run`: the interactive workshop. Saves after every change; Ctrl-C or quit exits 130. */
export async function runCommand(questionnaireArg: string, rawOptions: Record<string, unknown>): Promise<void> {
  // Several groups voting (SPEC §4.1): its own run, in run-workshop.ts.
  const workshop = await import('./run-workshop.js');
  const workshopOptions = await workshop.workshopRunOptions(rawOptions);
  if (workshopOptions) return workshop.runWorkshopCommand(questionnaireArg, workshopOptions);
  const options = runOptionsSchema.parse(rawOptions);
  await checkRunPaths({ questionnaire: questionnaireArg, ...options });
  // Without a terminal a prompt would fail or hang: refuse before anything else.
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    const file = options.resume !== undefined ? shellQuote(options.resume) : '<answers.yaml>';
    throw new UserError('cxm run is interactive and needs a terminal (stdin and stdout must be a TTY)', {
      hint: `to score an answer file without a terminal, use: cxm score ${file}`,
    });
  }
  if (options.resume !== undefined && options.answers !== undefined) {
    throw new UserError('--answers and --resume cannot be combined', { hint: '--resume saves into the file it continues' });
  }
  if (options.report !== undefined) reportFormatOf(options.report);
  if (options.answers !== undefined) checkNewAnswerPath(options.answers);
  // A file that cannot be resumed (not a regular file, invalid) is refused before a lock is made beside it.
  if (options.resume !== undefined) await loadAnswerFile(options.resume);
  // The file is held before it is read again (or created), so two runs never both write it (SPEC §8).
  const target = options.resume ?? options.answers;
  const lock = target !== undefined ? await acquireAnswerLock(target) : undefined;
  const locks = lock ? [lock] : [];
  try {
    await runHeld(questionnaireArg, options, lock, locks);
  } finally {
    for (const held of locks) held.release();
  }
}

async function runHeld(questionnaireArg: string, options: RunOptions, lock: AnswerLock | undefined, locks: AnswerLock[]): Promise<void> {
  const resumed = options.resume !== undefined ? await loadResumed(options.resume, options) : undefined;
  const loaded = resumed ? undefined : await loadQuestionnaire(questionnaireArg);
  const questionnaire = resumed?.questionnaire ?? loaded?.questionnaire;
  if (!questionnaire) throw new Error('no questionnaire');
  const languages = questionnaire.languages ?? ['en'];
  const lang = options.lang ?? resumed?.file.lang ?? languages[0] ?? 'en';
  if (!languages.includes(lang)) {
    throw new UserError(`--lang ${lang}: the questionnaire has no texts in that language`, {
      hint: `choose one of: ${languages.join(', ')}`,
    });
  }

  const chalk = makeChalk(shouldUseColor(options));
  const messages = runMessages(lang);
  const terminal = createTerminal({ chalk, messages });
  const taken = lock?.takenOver;
  if (taken) terminal.notice(messages.lockTakenOver(taken.pid, taken.host, formatSince(taken.startedAt)));
  let session: Session | undefined;
  try {
    if (resumed) {
      const guard = new AnswerFileGuard(resumed.path, resumed.original, resumed.text);
      session = { questionnaire, path: resumed.path, file: { ...resumed.file, lang }, guard, terminal, messages, conflicts: [] };
      // --lang, --name, --role or --organization given on resume are recorded at once.
      if (serializeAnswerFile(session.file) !== serializeAnswerFile(resumed.original)) await save(session);
    } else if (loaded) {
      session = await startSession(questionnaire, loaded.path, lang, options, { terminal, messages, locks });
    }
    if (!session) throw new Error('no session');
    const result = await continueSession(session, terminal);
    terminal.dispose();
    if (result === 'quit') return quit(session);
    terminal.clear();
    await showFinalReport(session.guard.savedPath, { lang, color: shouldUseColor(options), report: options.report });
    process.stdout.write(closingLines(session));
  } catch (error) {
    terminal.dispose();
    if (!isInterrupt(error)) throw error;
    if (session) return quit(session);
    process.stderr.write('\nInterrupted before the first answer; nothing was saved.\n');
    throw new ExitError(130);
  }
}

interface Resumed {
  questionnaire: Questionnaire;
  path: string;
  file: RunAnswerFile;
  original: RunAnswerFile;
  /** The bytes as read, before parsing: a change made after this read is merged at the first save. */
  text: Uint8Array;
}

async function loadResumed(path: string, options: RunOptions): Promise<Resumed> {
  const loaded = await loadAnswerFile(path);
  const read = await readIfExists(resolve(path));
  const text = read instanceof Uint8Array ? read : new Uint8Array();
  for (const w of loaded.warnings) process.stderr.write(`${w.file}:${w.line}:${w.column} warning: ${w.message}\n`);
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
    answers: a.answers,
  };
  return { questionnaire: q, path: loaded.path, original, file: { ...original, respondent }, text };
}

/** Checked before the lock is taken: a lock beside a file that can never be created helps no one. */
export function checkNewAnswerPath(answers: string): void {
  if (existsSync(answers)) {
    throw new UserError(`${answers} already exists; cxm run never overwrites an answer file`, {
      hint: `to continue it: cxm run --resume ${shellQuote(answers)}; to start afresh, choose another --answers file`,
    });
  }
  if (!existsSync(dirname(resolve(answers)))) {
    throw new UserError(`--answers ${answers}: the folder does not exist`, {
      hint: 'create it first, or choose another --answers file',
    });
  }
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
  const file: RunAnswerFile = {
    questionnaire: questionnaireRef(questionnairePath, candidate(1)),
    questionnaireVersion: q.version,
    respondent,
    lang,
    startedAt: timestamp(now),
    answers: {},
  };
  let path: string;
  try {
    path = await createAnswerFile(candidate, serializeAnswerFile(file, candidate(1)), explicit ? 1 : 100);
  } catch (error) {
    throw new UserError(`cannot create the answer file ${displayPath(candidate(1))}: ${errorMessage(error)}`, {
      hint: explicit ? 'choose another --answers file (it must not exist yet; its folder must)' : undefined,
    });
  }
  // A name chosen here is new: held from now on (an --answers file is held already).
  if (!explicit) ui.locks.push(await acquireAnswerLock(path));
  const guard = new AnswerFileGuard(path, file, serializeAnswerFile(file, path));
  return { questionnaire: q, path, file, guard, terminal, messages: ui.messages, conflicts: [] };
}

async function continueSession(session: Session, terminal: Terminal): Promise<'finished' | 'quit' | 'report'> {
  const q = session.questionnaire;
  let startAt = firstUnansweredId(q, session.file.answers);
  let mode: 'fill' | 'review' = 'fill';
  if (session.file.completedAt !== undefined) {
    const choice = await terminal.askCompleted();
    if (choice === 'report') return 'report';
    if (choice === 'review') {
      mode = 'review';
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
  });
  if (result.status === 'quit') return 'quit';
  session.file = { ...session.file, answers: result.answers, completedAt: timestamp() };
  await save(session);
  return 'finished';
}

async function save(session: Session): Promise<void> {
  try {
    const result = await session.guard.save(session.file);
    session.file = result.file;
    tell(session, result);
  } catch (error) {
    throw new UserError(`could not save the answers to ${displayPath(session.path)}: ${errorMessage(error)}`, {
      hint: `the last saved version is intact; fix the problem, then: cxm run --resume ${shellQuote(displayPath(session.path))}`,
    });
  }
}

/** On screen at once: what came from a change made outside the run, and what both changed. */
function tell(session: Session, result: GuardedSaveResult): void {
  const { terminal, messages: m } = session;
  const shown = displayPath(session.path);
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
function closingLines(session: Session): string {
  const { messages: m } = session;
  const shown = displayPath(session.path);
  const lines = session.conflicts.length > 0 ? [m.closingConflicts(shown), ...session.conflicts.map((line) => `  ${line}`)] : [];
  if (session.guard.savedPath !== session.path) lines.push(m.closingSideFile(shown, displayPath(session.guard.savedPath)));
  return lines.map((line) => `${line}\n`).join('');
}

function quit(session: Session): never {
  const visible = visibleQuestions(session.questionnaire, session.file.answers);
  const answered = visible.filter(({ question }) => isAnswered(session.file.answers[question.id])).length;
  const shown = displayPath(session.guard.savedPath);
  process.stderr.write(
    `\nProgress saved (${answered} of ${visible.length} questions answered): ${shown}\n` +
      `Resume with: cxm run --resume ${shellQuote(shown)}\n${closingLines(session)}`,
  );
  throw new ExitError(130);
}

function timestamp(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/u.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
