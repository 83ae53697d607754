import { checkAnswers, questionsById, valueFinding } from './check-answers.js';
import type { Finding } from './problem.js';
import type { Questionnaire } from './questionnaire.js';
import { asRecord } from './questionnaire-view.js';
import { replacedQuestionIds } from './replaces.js';
import { describe } from './zod-findings.js';

/**
 * Checks a workshop file against its questionnaire (SPEC §4.1): what checkAnswers checks of any
 * answer file (version, language, question ids), then the groups and every vote. Tolerant of data
 * that failed the schema, so that every problem is reported at once.
 */
export function checkWorkshop(q: Questionnaire, data: unknown): Finding[] {
  const root = asRecord(data);
  const answers = asRecord(root?.answers) ?? {};
  // The ids (unknown, replaced) are checked as in any answer file; the votes are checked below.
  const findings = checkAnswers(q, { ...root, answers: Object.fromEntries(Object.keys(answers).map((id) => [id, {}])) });

  const declared = new Map<string, number>();
  const groups = Array.isArray(root?.groups) ? root.groups : [];
  for (const [i, group] of groups.entries()) {
    const id = asRecord(group)?.id;
    if (typeof id !== 'string') continue;
    const first = declared.get(id);
    if (first === undefined) declared.set(id, i);
    else findings.push({ path: ['groups', i, 'id'], severity: 'error', message: `duplicate group id "${id}" (also groups[${first}])` });
  }
  const known = [...declared.keys()].join(', ');

  const questions = questionsById(q);
  const replaced = replacedQuestionIds(q);
  for (const [id, entry] of Object.entries(answers)) {
    const object = asRecord(entry);
    if (!object) {
      findings.push({ path: ['answers', id], severity: 'error', message: nonVotesMessage(entry) });
      continue;
    }
    const question = questions.get(id) ?? questions.get(replaced.get(id) ?? '');
    for (const [group, vote] of Object.entries(asRecord(object.votes) ?? {})) {
      const path = ['answers', id, 'votes', group];
      if (!declared.has(group)) {
        const message = `"${group}" is not a group of this workshop (groups: ${known === '' ? 'none' : known})`;
        findings.push({ path, target: 'key', severity: 'error', message });
        continue;
      }
      const problem = question && valueFinding(q, question, id, vote, path);
      if (problem) findings.push(problem);
    }
  }
  return findings;
}

/** The words for an answer that is not a vote map in a file with groups. */
export function nonVotesMessage(entry: unknown): string {
  return `a file with groups holds only votes, e.g. { votes: { <group id>: 4 } }; found ${describe(entry)}`;
}
