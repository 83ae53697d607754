import { NOT_APPLICABLE } from './answers.js';
import type { DataPath, Finding } from './problem.js';
import type { Questionnaire } from './questionnaire.js';
import { asRecord } from './questionnaire-view.js';
import { replacedQuestionIds } from './replaces.js';

/**
 * Checks an answer file against its questionnaire (SPEC §4). It reads the raw data tolerantly, so
 * it also runs when the schema failed and every problem of the file is reported at once.
 */
export function checkAnswers(q: Questionnaire, data: unknown): Finding[] {
  const root = asRecord(data);
  const answers = {
    questionnaireVersion: root?.questionnaireVersion,
    lang: root?.lang,
    answers: asRecord(root?.answers) ?? {},
  };
  const findings: Finding[] = [];
  const questions = questionsById(q);

  if (typeof answers.questionnaireVersion === 'string' && answers.questionnaireVersion !== q.version) {
    findings.push({
      path: ['questionnaireVersion'],
      severity: 'warning',
      message: `answers were given to version ${answers.questionnaireVersion}; the questionnaire is now ${q.version}`,
    });
  }
  const languages = q.languages ?? ['en'];
  if (typeof answers.lang === 'string' && !languages.includes(answers.lang)) {
    findings.push({
      path: ['lang'],
      severity: 'warning',
      message: `"${answers.lang}" is not a language of the questionnaire (${languages.join(', ')})`,
    });
  }

  const replaced = replacedQuestionIds(q);
  const claimed = new Set(Object.keys(answers.answers).filter((id) => questions.has(id)));
  for (const [id, entry] of Object.entries(answers.answers)) {
    const current = questions.has(id) ? undefined : replaced.get(id);
    if (current !== undefined) {
      // SPEC §3: an answer to an earlier version's question counts for the one replacing it.
      const ignored = claimed.has(current);
      claimed.add(current);
      findings.push({
        path: ['answers', id],
        target: 'key',
        severity: 'warning',
        message: ignored
          ? `"${id}" is a question of an earlier version, replaced by "${current}", which is answered already; ignored`
          : `"${id}" is a question of an earlier version; counted for "${current}"`,
      });
    }
    const question = questions.get(current ?? id);
    if (!question) {
      findings.push({
        path: ['answers', id],
        target: 'key',
        severity: 'error',
        message: `unknown question "${id}"${suggest(id, questions.keys())}`,
      });
      continue;
    }
    const object = asRecord(entry);
    const isObject = object !== undefined;
    const value = isObject ? object.value : entry;
    const valuePath = isObject ? ['answers', id, 'value'] : ['answers', id];
    const problem = valueFinding(q, question, id, value, valuePath);
    if (problem) findings.push(problem);
  }
  return findings;
}

type QuestionOf = Questionnaire['capabilities'][number]['questions'][number];

/** A value off the question's scale, or n/a where it is not allowed (SPEC §4); a workshop's votes are checked alike. */
export function valueFinding(q: Questionnaire, question: QuestionOf, id: string, value: unknown, path: DataPath): Finding | undefined {
  if (value === NOT_APPLICABLE) {
    return question.allowNA === false ? { path, severity: 'error', message: `"n/a" is not allowed for ${id}` } : undefined;
  }
  if (typeof value !== 'number') return undefined;
  const values = q.scales[question.scale]?.options.map((o) => o.value) ?? [];
  if (values.includes(value)) return undefined;
  return { path, severity: 'error', message: `${value} is not on the scale "${question.scale}" (${values.join(', ')})` };
}

function suggest(id: string, known: Iterable<string>): string {
  const lower = id.toLowerCase();
  for (const candidate of known) if (candidate.toLowerCase() === lower) return ` (did you mean "${candidate}"?)`;
  return '';
}

/** Batch scoring checks thousands of files against one questionnaire: index its questions once. */
const questionIndex = new WeakMap<Questionnaire, Map<string, QuestionOf>>();
export function questionsById(q: Questionnaire): ReadonlyMap<string, QuestionOf> {
  let index = questionIndex.get(q);
  if (!index) {
    index = new Map(q.capabilities.flatMap((c) => c.questions.map((question) => [question.id, question])));
    questionIndex.set(q, index);
  }
  return index;
}
