import type { FileKind } from './file-kind.js';
import type { Problem } from './problem.js';

/** What `cxm validate` found in one file: its kind, a one-line summary when valid, every problem. */
export interface ValidatedFile {
  file: string;
  kind: FileKind;
  summary: string;
  problems: Problem[];
}

export interface ValidateResult {
  files: ValidatedFile[];
  valid: boolean;
}
