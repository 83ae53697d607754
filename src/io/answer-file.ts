import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, open, rm } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { Document, isScalar } from 'yaml';
import type { AnswerEntry, AnswerFile, Respondent } from '../model/answers.js';
import { writeFileAtomic } from './atomic-write.js';
import { slugify } from '../text/slug.js';
import { bundledDir, bundledVersionsDir } from './bundled.js';

export { slugify } from '../text/slug.js';

/** What `cxm run` writes (SPEC §4), with the keys in the order a reader expects. */
export interface RunAnswerFile {
  $schema?: string | undefined;
  questionnaire: string;
  questionnaireVersion: string;
  respondent: Respondent;
  lang: string;
  startedAt: string;
  completedAt?: string | undefined;
  /** `--report`, relative to the answer file's folder: honoured again on resume. */
  report?: string | undefined;
  answers: Readonly<Record<string, AnswerEntry>>;
}

/** YAML, or JSON for a `.json` file (a resumed JSON answer file stays JSON). */
export function serializeAnswerFile(file: RunAnswerFile, path = ''): string {
  const respondent = Object.fromEntries(Object.entries(file.respondent).filter(([, v]) => v !== undefined && v !== ''));
  const data: AnswerFile = {
    ...(file.$schema !== undefined ? { $schema: file.$schema } : {}),
    questionnaire: file.questionnaire,
    questionnaireVersion: file.questionnaireVersion,
    ...(Object.keys(respondent).length > 0 ? { respondent } : {}),
    lang: file.lang,
    startedAt: file.startedAt,
    ...(file.completedAt !== undefined ? { completedAt: file.completedAt } : {}),
    ...(file.report !== undefined ? { report: file.report } : {}),
    answers: { ...file.answers },
  };
  if (/\.json$/i.test(path)) return `${JSON.stringify(data, null, 2)}\n`;
  const doc = new Document(data);
  // Quoted: YAML 1.1 tools (PyYAML, Ruby, many CI ones) read a bare ISO timestamp as a date, not
  // the string cxm wrote (SPEC §4).
  for (const key of TIMESTAMP_KEYS) {
    const node = doc.get(key, true);
    if (isScalar(node)) node.type = 'QUOTE_DOUBLE';
  }
  return `# Written by \`cxm run\`. Continue with: cxm run --resume <this file>\n${doc.toString({ lineWidth: 0 })}`;
}

const TIMESTAMP_KEYS = ['startedAt', 'completedAt'] as const;

/** The `questionnaire` field: the bundled id, else a path relative to the answer file's folder. */
export function questionnaireRef(questionnairePath: string, answerPath: string): string {
  if (dirname(questionnairePath) === bundledDir()) return basename(questionnairePath).replace(/\.ya?ml$/i, '');
  // An earlier bundled version (versions/<id>-<version>.yaml): its id; the questionnaireVersion
  // written beside it reads the file back against that version.
  if (dirname(questionnairePath) === bundledVersionsDir()) return basename(questionnairePath).replace(/-\d+\.\d+\.\d+[^/]*\.ya?ml$/i, '');
  const rel = relative(dirname(answerPath), questionnairePath).split(sep).join('/');
  // A bare name would be read back as a bundled id.
  return rel.includes('/') ? rel : `./${rel}`;
}

/** `answers-<date>-<respondent>.yaml` for attempt 1, then `-2`, `-3`… */
export function defaultAnswerPath(dir: string, date: Date, respondent: Respondent, attempt = 1): string {
  const day = date.toISOString().slice(0, 10);
  const who = slugify(respondent.name ?? '') || slugify(respondent.role ?? '') || slugify(respondent.organization ?? '') || 'anonymous';
  return join(dir, `answers-${day}-${who}${attempt === 1 ? '' : `-${attempt}`}.yaml`);
}

/**
 * Writes the first version of a new answer file without ever replacing an existing one: the
 * content goes to a flushed temp file that is then hard-linked to the name (the link fails if the
 * name exists). Tries `candidate(1)`, `candidate(2)`… up to `attempts`; returns the path used.
 */
export async function createAnswerFile(candidate: (attempt: number) => string, content: string, attempts = 100): Promise<string> {
  const first = candidate(1);
  const temp = join(dirname(first), `.${basename(first)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const path = candidate(attempt);
      if (existsSync(path)) continue;
      try {
        await link(temp, path);
        return path;
      } catch (error) {
        if (!isExists(error)) throw error;
      }
    }
    throw Object.assign(new Error('file already exists'), { code: 'EEXIST' });
  } finally {
    await rm(temp, { force: true });
  }
}

function isExists(error: unknown): boolean {
  return error !== null && typeof error === 'object' && 'code' in error && error.code === 'EEXIST';
}

/** Every later save: temp file, fsync, rename (a kill at any moment leaves the old or the new file). */
export function saveAnswerFile(path: string, file: RunAnswerFile): Promise<void> {
  return writeFileAtomic(path, serializeAnswerFile(file, path));
}
