import { sanitizeLine } from '../text/sanitize.js';

/** A path into a parsed file, as zod reports it: keys and array indices. */
export type DataPath = readonly (string | number)[];

/**
 * A finding about a file's content, before it is located in the source text.
 * `target: 'key'` points at a map key (an unknown or duplicate key) rather than at its value.
 */
export interface Finding {
  path: DataPath;
  message: string;
  severity: 'error' | 'warning';
  target?: 'key' | 'value';
}

/** A finding located in a file, ready to print as `file:line:column path: message`. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

export function formatPath(path: DataPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

export function formatProblem(problem: Problem): string {
  // Line 0: a problem with a path but no position in a file (a folder that cannot be read).
  const where = problem.line > 0 ? `${problem.file}:${problem.line}:${problem.column}` : `${problem.file}:`;
  const prefix = problem.severity === 'warning' ? 'warning: ' : '';
  const line = problem.path === '' ? `${where} ${prefix}${problem.message}` : `${where} ${problem.path}: ${prefix}${problem.message}`;
  // File names, keys and values in a message come from the user's files (SPEC §8).
  return sanitizeLine(line);
}
