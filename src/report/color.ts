import { Chalk, type ChalkInstance } from 'chalk';

export interface ColorOptions {
  /** false with --no-color. */
  color?: boolean;
}

/** The part of a stream the decision reads: a tty.WriteStream has both, a pipe or a file neither. */
export interface ColorStream {
  isTTY?: boolean;
  getColorDepth?: (env?: NodeJS.ProcessEnv) => number;
}

/** FORCE_COLOR values that force colour on (Node: '', 1 and true give 16 colours, 2 gives 256, 3 true colour). */
const FORCE_ON = new Set(['', '1', 'true', '2', '3']);

/**
 * Whether to colour what goes to `stream`: the one decision of cxm (SPEC §2), in the order Node
 * itself follows (lib/internal/tty.js getColorDepth, lib/internal/util/colors.js shouldColorize):
 * 1. `--no-color` turns colour off, whatever the environment says: the flag is the most explicit wish;
 * 2. FORCE_COLOR, when set, decides alone, terminal or not, over NO_COLOR and TERM: `0` (or any
 *    value but '', 1, true, 2, 3) off, the others on;
 * 3. NO_COLOR or NODE_DISABLE_COLORS with a value (no-color.org: an empty one does not count), or
 *    TERM=dumb: off;
 * 4. not a terminal (a pipe, a file): off;
 * 5. a terminal: on if Node finds it has colours at all (TERM, COLORTERM, CI, Windows…).
 */
export function shouldUseColor(options: ColorOptions, stream: ColorStream = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  if (options.color === false) return false;
  if (env.FORCE_COLOR !== undefined) return FORCE_ON.has(env.FORCE_COLOR);
  if (hasValue(env.NO_COLOR) || hasValue(env.NODE_DISABLE_COLORS) || env.TERM === 'dumb') return false;
  if (stream.isTTY !== true) return false;
  if (typeof stream.getColorDepth !== 'function') return true;
  // Node would read an empty NO_COLOR as set; here it is not (step 3), so it is left out.
  return stream.getColorDepth({ ...env, NO_COLOR: undefined, NODE_DISABLE_COLORS: undefined }) > 2;
}

function hasValue(value: string | undefined): boolean {
  return value !== undefined && value !== '';
}

export function makeChalk(useColor: boolean): ChalkInstance {
  return new Chalk({ level: useColor ? 1 : 0 });
}
