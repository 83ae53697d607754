import type { Problem } from './problem.js';

/** What `cxm validate` found in one file: its kind, a one-line summary when valid, every problem. */
export interface ValidatedFile {
  file: string;
  kind: 'questionnaire' | 'answers' | 'unknown';
  summary: string;
  problems: Problem[];
}

export interface ValidateResult {
  files: ValidatedFile[];
  valid: boolean;
}
