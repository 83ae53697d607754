import { displayWidth } from './width.js';
import { sanitizeText } from './sanitize.js';

// Characters that must not start a line (kinsoku shori) and ones that must not end it.
const NO_LINE_START = new Set([...'、。，．,.)）」』】〕〉》］｝!！?？:：;；ー・ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々…']);
const NO_LINE_END = new Set([...'(（「『【〔〈《［｛']);

let segmenter: Intl.Segmenter | undefined;

/**
 * Characters that are each a grapheme of their own: Latin-1, general punctuation, arrows, box
 * drawing and blocks, CJK punctuation, kana (without the combining sound marks U+3099/309A), CJK
 * ideographs and full-width forms. Text made only of these, as English and Japanese reports are,
 * needs no Intl.Segmenter, whose first use loads ICU data.
 */
const SINGLE_CODE_UNIT_GRAPHEMES =
  /^[\x20-\x7e\xa0-\xff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u259f\u25a0-\u25ff\u3000-\u3098\u309b-\u30ff\u4e00-\u9fff\uff01-\uff9d\uffe0-\uffe6]*$/;

/** Graphemes of `text`. */
function graphemesOf(text: string): Iterable<string> {
  if (SINGLE_CODE_UNIT_GRAPHEMES.test(text)) return text;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

const widthCache = new Map<string, number>();

/** Display width of one grapheme, cached: most texts repeat a few dozen characters. */
function graphemeWidth(g: string): number {
  const code = g.charCodeAt(0);
  if (g.length === 1 && code >= 0x20 && code < 0x7f) return 1;
  let width = widthCache.get(g);
  if (width === undefined) {
    width = displayWidth(g);
    widthCache.set(g, width);
  }
  return width;
}

/**
 * One line of terminal-safe text: control characters (ESC and friends could drive the terminal)
 * are shown escaped and every run of white space, newlines included, becomes one space.
 */
export function toSingleLine(text: string): string {
  return sanitizeText(text.replace(/\s+/g, ' ').trim());
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

interface Token {
  text: string;
  width: number;
  spaceBefore: boolean;
  lastWide: boolean;
}

/** Words, and each full-width character on its own so Japanese can break between characters. */
function tokenize(text: string): Token[] {
  // English: the words between single spaces (wrapText collapsed the spaces), a column per letter;
  // the loop below gives the same tokens a character at a time, which reports feel at start-up.
  if (PRINTABLE_ASCII.test(text)) {
    return text
      .split(' ')
      .filter((word) => word !== '')
      .map((word, i) => ({ text: word, width: word.length, spaceBefore: i > 0, lastWide: false }));
  }
  const tokens: Token[] = [];
  let space = false;
  let joinNext = false;
  for (const segment of graphemesOf(text)) {
    if (segment === ' ') {
      space = true;
      joinNext = false;
      continue;
    }
    const width = graphemeWidth(segment);
    const wide = width > 1;
    const last = tokens.at(-1);
    const glue = last !== undefined && !space && (joinNext || NO_LINE_START.has(segment) || (!wide && !last.lastWide));
    if (glue && last) {
      last.text += segment;
      last.width += width;
      last.lastWide = wide;
    } else {
      tokens.push({ text: segment, width, spaceBefore: space, lastWide: wide });
    }
    joinNext = NO_LINE_END.has(segment);
    space = false;
  }
  return tokens;
}

/** Splits one token that is wider than a line, grapheme by grapheme. */
function hardBreak(text: string, width: number): { text: string; width: number }[] {
  const pieces: { text: string; width: number }[] = [];
  let current = { text: '', width: 0 };
  for (const segment of graphemesOf(text)) {
    const w = graphemeWidth(segment);
    if (current.text !== '' && current.width + w > width) {
      pieces.push(current);
      current = { text: '', width: 0 };
    }
    current = { text: current.text + segment, width: current.width + w };
  }
  if (current.text !== '') pieces.push(current);
  return pieces;
}

/** Wraps text to `width` display columns (full-width characters count two). */
export function wrapText(text: string, width: number): string[] {
  const limit = Math.max(1, width);
  const lines: string[] = [];
  let line = { text: '', width: 0 };
  for (const token of tokenize(toSingleLine(text))) {
    const gap = line.text !== '' && token.spaceBefore ? 1 : 0;
    if (line.width + gap + token.width <= limit) {
      line = { text: line.text + (gap ? ' ' : '') + token.text, width: line.width + gap + token.width };
      continue;
    }
    if (line.text !== '') lines.push(line.text);
    const pieces = hardBreak(token.text, limit);
    line = pieces.pop() ?? { text: '', width: 0 };
    for (const piece of pieces) lines.push(piece.text);
  }
  if (line.text !== '' || lines.length === 0) lines.push(line.text);
  return lines;
}

/** Wrapped lines with a first-line prefix and a hanging indent of the same width. */
export function wrapIndented(text: string, width: number, prefix: string, indent = ' '.repeat(displayWidth(prefix))): string[] {
  return wrapText(text, width - displayWidth(prefix)).map((line, i) => (i === 0 ? prefix : indent) + line);
}

/**
 * A statement for the question screen: its paragraphs (line breaks in the questionnaire text) are
 * kept, and each is wrapped as above. Never narrower than 10 columns.
 */
export function wrapParagraphs(text: string, width: number): string[] {
  const columns = Math.max(10, Math.floor(width));
  return text.split(/\r?\n/).flatMap((paragraph) => wrapText(paragraph, columns));
}
