import type { Problem } from './model/problem.js';

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
