import { wrapText as wrapLine } from '../report/wrap.js';

/**
 * Wraps a statement for the question screen: paragraphs (line breaks in the questionnaire text) are
 * kept, and each is wrapped by display width with the reports' wrapper (Japanese breaks between
 * characters, with kinsoku for punctuation). Never narrower than 10 columns.
 */
export function wrapText(text: string, width: number): string[] {
  const columns = Math.max(10, Math.floor(width));
  return text.split(/\r?\n/).flatMap((paragraph) => wrapLine(paragraph, columns));
}
