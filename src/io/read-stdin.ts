import { UserError } from '../errors.js';
import { MAX_FILE_BYTES, parseSource, type SourceResult } from './yaml-source.js';

/** The answer path that stands for standard input (SPEC §2). */
export const STDIN_PATH = '-';
/** How that file is named in problems, in `respondents[].file` and in a diff's sources. */
export const STDIN_NAME = '<stdin>';

export function isStdin(path: string): boolean {
  return path === STDIN_PATH;
}

/** The name a file is shown by: `<stdin>` for `-`, else the path as given. */
export function shownName(path: string): string {
  return isStdin(path) ? STDIN_NAME : path;
}

/** Standard input holds one file and can be read once: `-` named twice is a usage error (exit 2). */
export function checkStdinOnce(paths: readonly string[]): void {
  if (paths.filter(isStdin).length > 1) {
    throw new UserError('"-" (standard input) is given more than once; it holds one answer file', {
      hint: 'name the other files by their paths',
    });
  }
}

let read: Promise<SourceResult> | undefined;

/**
 * Standard input, read to its end once and parsed as a YAML/JSON file named `<stdin>`. Reading
 * stops as soon as it passes the file size limit: a stream without end (`yes |`) must not fill
 * the memory. Cached: diff looks at a side before scoring it, and stdin cannot be read again.
 */
export function readStdinSource(stdin: NodeJS.ReadableStream = process.stdin): Promise<SourceResult> {
  read ??= readLimited(stdin);
  return read;
}

async function readLimited(stdin: NodeJS.ReadableStream): Promise<SourceResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += bytes.length;
    if (size > MAX_FILE_BYTES) {
      // Leaving the loop destroys the stream: nothing more is read.
      const limit = `${MAX_FILE_BYTES / 1024 / 1024} MiB`;
      const message = `standard input is too large (more than ${limit} read; the limit is ${limit})`;
      return { ok: false, problems: [{ file: STDIN_NAME, line: 1, column: 1, path: '', message, severity: 'error' }] };
    }
    chunks.push(bytes);
  }
  return parseSource(Buffer.concat(chunks), STDIN_NAME);
}
