import { NOT_APPLICABLE } from './answers.js';
import type { Finding } from './problem.js';
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
    if (value === NOT_APPLICABLE) {
      if (question.allowNA === false) findings.push({ path: valuePath, severity: 'error', message: `"n/a" is not allowed for ${id}` });
    } else if (typeof value === 'number') {
      const scale = q.scales[question.scale];
      const values = scale?.options.map((o) => o.value) ?? [];
      if (!values.includes(value)) {
        findings.push({
          path: valuePath,
          severity: 'error',
          message: `${value} is not on the scale "${question.scale}" (${values.join(', ')})`,
        });
      }
    }
  }
  return findings;
}

function suggest(id: string, known: Iterable<string>): string {
  const lower = id.toLowerCase();
  for (const candidate of known) if (candidate.toLowerCase() === lower) return ` (did you mean "${candidate}"?)`;
  return '';
}

/** Batch scoring checks thousands of files against one questionnaire: index its questions once. */
const questionIndex = new WeakMap<Questionnaire, Map<string, Questionnaire['capabilities'][number]['questions'][number]>>();
function questionsById(q: Questionnaire) {
  let index = questionIndex.get(q);
  if (!index) {
    index = new Map(q.capabilities.flatMap((c) => c.questions.map((question) => [question.id, question])));
    questionIndex.set(q, index);
  }
  return index;
}
