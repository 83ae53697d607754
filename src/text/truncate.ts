import { displayWidth } from './width.js';

/** `text` cut to `width` columns, ending "…" when cut (a full-width character is never split). */
export function truncateToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const char of text) {
    const w = displayWidth(char);
    if (used + w + 1 > width) break;
    out += char;
    used += w;
  }
  return `${out}…`;
}

/** `text` filled with spaces to `width` columns. */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
