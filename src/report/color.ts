import { Chalk, type ChalkInstance } from 'chalk';

export interface ColorOptions {
  /** false with --no-color. */
  color?: boolean;
}

/** --no-color and NO_COLOR win, FORCE_COLOR forces, otherwise colour only on a terminal. */
export function shouldUseColor(options: ColorOptions, stream: { isTTY?: boolean } = process.stdout): boolean {
  if (options.color === false) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '0' && force !== 'false') return true;
  return stream.isTTY === true;
}

export function makeChalk(useColor: boolean): ChalkInstance {
  return new Chalk({ level: useColor ? 1 : 0 });
}
