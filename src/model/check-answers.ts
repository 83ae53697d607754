import { NOT_APPLICABLE, normalizeAnswer, type AnswerFile } from './answers.js';
import type { Finding } from './problem.js';
import type { Questionnaire } from './questionnaire.js';

/** Checks an answer file against its questionnaire (SPEC §4). */
export function checkAnswers(q: Questionnaire, answers: AnswerFile): Finding[] {
  const findings: Finding[] = [];
  const questions = new Map(q.capabilities.flatMap((c) => c.questions.map((question) => [question.id, question])));

  if (answers.questionnaireVersion !== undefined && answers.questionnaireVersion !== q.version) {
    findings.push({
      path: ['questionnaireVersion'],
      severity: 'warning',
      message: `answers were given to version ${answers.questionnaireVersion}; the questionnaire is now ${q.version}`,
    });
  }
  const languages = q.languages ?? ['en'];
  if (answers.lang !== undefined && !languages.includes(answers.lang)) {
    findings.push({ path: ['lang'], severity: 'warning', message: `"${answers.lang}" is not a language of the questionnaire (${languages.join(', ')})` });
  }

  for (const [id, entry] of Object.entries(answers.answers)) {
    const question = questions.get(id);
    if (!question) {
      findings.push({ path: ['answers', id], target: 'key', severity: 'error', message: `unknown question "${id}"${suggest(id, questions.keys())}` });
      continue;
    }
    const { value } = normalizeAnswer(entry);
    const valuePath = typeof entry === 'object' ? ['answers', id, 'value'] : ['answers', id];
    if (value === NOT_APPLICABLE) {
      if (question.allowNA === false) findings.push({ path: valuePath, severity: 'error', message: `"n/a" is not allowed for ${id}` });
    } else if (value !== undefined) {
      const scale = q.scales[question.scale];
      const values = scale?.options.map((o) => o.value) ?? [];
      if (!values.includes(value)) {
        findings.push({ path: valuePath, severity: 'error', message: `${value} is not on the scale "${question.scale}" (${values.join(', ')})` });
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
