import stringWidth from 'string-width';

/**
 * Wraps text to a number of terminal columns. Latin text breaks at spaces; Japanese (full-width)
 * text may break between any two characters, except that closing punctuation never starts a line
 * and opening brackets never end one (a light form of kinsoku).
 */

const NO_LINE_START = new Set([...'、。，．・：；？！ー）」』】〕〉》ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〜']);
const NO_LINE_END = new Set([...'（「『【〔〈《']);

interface Token {
  text: string;
  width: number;
  space: boolean;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function tokenize(paragraph: string): Token[] {
  const tokens: Token[] = [];
  let word = '';
  const flush = () => {
    if (word !== '') tokens.push({ text: word, width: stringWidth(word), space: false });
    word = '';
  };
  for (const { segment } of graphemes.segment(paragraph)) {
    if (/^\s+$/u.test(segment)) {
      flush();
      tokens.push({ text: ' ', width: 1, space: true });
    } else if (stringWidth(segment) >= 2) {
      // Each full-width character is a place to break (kinsoku then governs punctuation).
      flush();
      tokens.push({ text: segment, width: stringWidth(segment), space: false });
    } else {
      word += segment;
    }
  }
  flush();
  return tokens;
}

/** Splits a token wider than a whole line into pieces that fit. */
function splitLong(token: Token, width: number): Token[] {
  const pieces: Token[] = [];
  let text = '';
  let w = 0;
  for (const { segment } of graphemes.segment(token.text)) {
    const sw = stringWidth(segment);
    if (w + sw > width && text !== '') {
      pieces.push({ text, width: w, space: false });
      text = '';
      w = 0;
    }
    text += segment;
    w += sw;
  }
  if (text !== '') pieces.push({ text, width: w, space: false });
  return pieces;
}

function wrapParagraph(paragraph: string, width: number): string[] {
  const lines: string[] = [];
  let line: Token[] = [];
  const lineWidth = () => line.reduce((sum, t) => sum + t.width, 0);
  const emit = (tokens: Token[]) => {
    while (tokens.at(-1)?.space) tokens.pop();
    lines.push(tokens.map((t) => t.text).join(''));
  };

  for (const token of tokenize(paragraph).flatMap((t) => (t.width > width ? splitLong(t, width) : [t]))) {
    if (token.space && line.length === 0) continue;
    if (token.space || lineWidth() + token.width <= width) {
      line.push(token);
      continue;
    }
    // Break before `token`. Carry characters that may not end this line or begin the next.
    const carry: Token[] = [];
    const last = line.at(-1);
    if (NO_LINE_START.has(token.text) && last && !last.space && line.length > 1) carry.unshift(line.pop() ?? last);
    while (line.length > 1 && NO_LINE_END.has(line.at(-1)?.text ?? '')) carry.unshift(line.pop() ?? token);
    emit(line);
    line = [...carry, token];
    if (lineWidth() > width) {
      emit(line.slice(0, -1));
      line = [token];
    }
  }
  if (line.length > 0 || lines.length === 0) emit(line);
  return lines;
}

export function wrapText(text: string, width: number): string[] {
  const columns = Math.max(10, Math.floor(width));
  return text.split(/\r?\n/).flatMap((paragraph) => wrapParagraph(paragraph, columns));
}
