import type { Problem } from './model/problem.js';
import { toSingleLine } from './text/wrap.js';

/** An error the user caused and can fix: printed as one friendly line (plus hint), exit 2. */
export class UserError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: number;
  constructor(message: string, options: { hint?: string; exitCode?: number } = {}) {
    super(message);
    this.name = 'UserError';
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? 2;
  }
}

/** Invalid input files: every problem found, each already located at file:line:column. */
export class InvalidInputError extends UserError {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(`${problems.filter((p) => p.severity === 'error').length} problem(s) found`);
    this.name = 'InvalidInputError';
    this.problems = problems;
  }
}

/** Ends the program with a code after the command has already said what it had to say. */
export class ExitError extends Error {
  readonly exitCode: number;
  constructor(exitCode: number, message = `exit ${exitCode}`) {
    super(message);
    this.name = 'ExitError';
    this.exitCode = exitCode;
  }
}

/** Where a user reports a bug; printed with every internal error. */
export const ISSUES_URL = 'https://github.com/cxm-cli/cxm/issues';

/**
 * What the user sees for an error cxm did not expect (a bug, exit 3): one line naming it and one
 * saying where to report it. The stack only on request (CXM_DEBUG=1): it means nothing to a user
 * and would read as a usage problem. Control characters are dropped, as the message may quote a file.
 */
export function internalErrorText(error: unknown, debug: boolean): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = toSingleLine(message) || 'unknown error';
  const stack = debug && error instanceof Error && error.stack ? `${error.stack}\n` : '';
  const advice = debug ? '' : ' (run with CXM_DEBUG=1 for details)';
  return `cxm: internal error: ${line}\nThis is a bug in cxm: please report it at ${ISSUES_URL}${advice}\n${stack}`;
}

/** CXM_DEBUG=1 (any value but empty or 0) shows the stack of an internal error. */
export function debugEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CXM_DEBUG;
  return value !== undefined && value !== '' && value !== '0';
}
