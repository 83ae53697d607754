import { toSingleLine } from '../text/wrap.js';

/**
 * Makes any questionnaire or answer text safe inside a GitHub-flavoured Markdown line, list item,
 * heading or table cell: it renders as the literal text and can neither end the cell, start a block
 * (heading, list, quote, fence) nor produce HTML, a link, an image, emphasis or math.
 */
export function escapeMarkdown(text: string): string {
  const escaped = toSingleLine(text)
    // Entities first so the backslashes below are not mistaken for markup.
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // `[` and `]` escaped means no link or image can form, so `(`, `)` and `!` may stay readable.
    .replace(/[\\`*_[\]#|~$]/g, '\\$&');
  // A list marker, numbered-list marker or setext underline only matters at the start.
  return escaped.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * A label for a Mermaid chart: quotes, brackets and every other punctuation removed (Mermaid has no
 * escape for them inside `"…"`), kept short so the axis stays legible.
 */
export function sanitizeMermaidLabel(text: string, maxLength = 24): string {
  const clean = text
    .replace(/[^\p{L}\p{N}\p{M} .\-/]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...clean];
  return chars.length <= maxLength
    ? clean
    : `${chars
        .slice(0, maxLength - 1)
        .join('')
        .trimEnd()}…`;
}
