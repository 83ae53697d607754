import { eastAsianWidth } from 'get-east-asian-width';
import stringWidth from 'string-width';

/**
 * Characters that are a grapheme of their own in every context: printable ASCII and Latin-1,
 * general punctuation, letter-like symbols, arrows, mathematical and technical symbols, box drawing,
 * shapes, dingbats, CJK punctuation, kana (without the combining sound marks), CJK ideographs and
 * full-width forms. For text made only of these, less emoji and invisible characters (NOT_PLAIN),
 * string-width's rule comes down to the sum of the characters' East Asian widths, which needs neither
 * its emoji regular expression nor an Intl.Segmenter, whose creation alone costs a short command
 * ~25 ms. test/text/width.test.ts checks every character of the plane against string-width.
 */
const PLAIN =
  /^[\x20-\x7e\xa0-\xff\u2010-\u2027\u2030-\u205e\u2100-\u23ff\u2500-\u27bf\u3000-\u3098\u309b-\u30ff\u4e00-\u9fff\uff01-\uff9d\uffe0-\uffe6]*$/;
const NOT_PLAIN = /[\p{Extended_Pictographic}\p{Default_Ignorable_Code_Point}]/u;

/** Colours (SGR sequences), which take no column; any other escape sequence goes to string-width. */
const COLOURS = /\x1b\[[0-9;]*m/g;

/**
 * Columns `text` takes in a terminal (full-width characters and emoji count two, colours none), as
 * string-width counts them.
 */
export function displayWidth(text: string): number {
  const visible = text.includes('\x1b') ? text.replace(COLOURS, '') : text;
  if (!PLAIN.test(visible) || NOT_PLAIN.test(visible)) return stringWidth(text);
  let width = 0;
  for (let i = 0; i < visible.length; i++) {
    const code = visible.charCodeAt(i);
    width += code < 0x7f ? 1 : widthOf(code);
  }
  return width;
}

/**
 * East Asian widths looked up once per character: eastAsianWidth walks hundreds of ranges, and
 * cli-table3 measures every border line, a run of the same box-drawing character, several times.
 */
const knownWidths = new Uint8Array(0x10000);

function widthOf(code: number): number {
  let width = knownWidths[code] ?? 0;
  if (width === 0) knownWidths[code] = width = eastAsianWidth(code);
  return width;
}
