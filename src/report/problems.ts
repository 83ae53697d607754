import { formatProblem, type Problem } from '../model/problem.js';

/** One line per problem, errors before warnings, in file order. */
export function renderProblems(problems: readonly Problem[]): string {
  const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return sorted.map((p) => `${formatProblem(p)}\n`).join('');
}
