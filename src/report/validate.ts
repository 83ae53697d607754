import type { ValidateResult } from '../model/validation.js';
import { renderProblems } from './problems.js';
import { sanitizeLine } from '../text/sanitize.js';

/** A piece of output and the stream it belongs on, in the order written (problems and ✓ lines interleave per file). */
export interface StreamText {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** Each file's problems on stderr, a ✓ line on stdout for a file without errors (unless quiet), then the count of invalid files. */
export function renderValidation(result: ValidateResult, options: { quiet?: boolean | undefined }): StreamText[] {
  const out: StreamText[] = [];
  for (const file of result.files) {
    const errors = file.problems.filter((p) => p.severity === 'error');
    out.push({ stream: 'stderr', text: renderProblems(file.problems) });
    if (errors.length === 0 && !options.quiet) out.push({ stream: 'stdout', text: `✓ ${sanitizeLine(file.file)} (${file.summary})\n` });
  }
  if (!result.valid) {
    const invalid = result.files.filter((f) => f.problems.some((p) => p.severity === 'error')).length;
    out.push({ stream: 'stderr', text: `${invalid} of ${result.files.length} file(s) invalid\n` });
  }
  return out;
}
