import stringWidth from 'string-width';

// Characters that must not start a line (kinsoku shori) and ones that must not end it.
const NO_LINE_START = new Set([...'、。，．,.)）」』】〕〉》］｝!！?？:：;；ー・ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々…']);
const NO_LINE_END = new Set([...'(（「『【〔〈《［｛']);

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * One line of terminal-safe text: control characters (ESC and friends could drive the terminal)
 * are dropped and every run of white space, newlines included, becomes one space.
 */
export function toSingleLine(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Token {
  text: string;
  spaceBefore: boolean;
}

/** Words, and each full-width character on its own so Japanese can break between characters. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let space = false;
  let joinNext = false;
  for (const { segment } of graphemes.segment(text)) {
    if (/^\s+$/.test(segment)) {
      space = true;
      joinNext = false;
      continue;
    }
    const wide = stringWidth(segment) > 1;
    const last = tokens.at(-1);
    const lastChar = last ? [...last.text].at(-1) ?? '' : '';
    const lastWide = stringWidth(lastChar) > 1;
    const glue = last !== undefined && !space && (joinNext || NO_LINE_START.has(segment) || (!wide && !lastWide));
    if (glue && last) last.text += segment;
    else tokens.push({ text: segment, spaceBefore: space });
    joinNext = NO_LINE_END.has(segment);
    space = false;
  }
  return tokens;
}

/** Splits one token that is wider than a line, grapheme by grapheme. */
function hardBreak(text: string, width: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const { segment } of graphemes.segment(text)) {
    if (current !== '' && stringWidth(current + segment) > width) {
      pieces.push(current);
      current = '';
    }
    current += segment;
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/** Wraps text to `width` display columns (full-width characters count two). */
export function wrapText(text: string, width: number): string[] {
  const limit = Math.max(1, width);
  const lines: string[] = [];
  let line = '';
  for (const token of tokenize(toSingleLine(text))) {
    const candidate = line === '' ? token.text : line + (token.spaceBefore ? ' ' : '') + token.text;
    if (stringWidth(candidate) <= limit) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    const pieces = hardBreak(token.text, limit);
    line = pieces.pop() ?? '';
    lines.push(...pieces);
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** Wrapped lines with a first-line prefix and a hanging indent of the same width. */
export function wrapIndented(text: string, width: number, prefix: string, indent = ' '.repeat(stringWidth(prefix))): string[] {
  return wrapText(text, width - stringWidth(prefix)).map((line, i) => (i === 0 ? prefix : indent) + line);
}
