import { textColumns } from './office-view.js';

/**
 * How much text a slide holds at sizes readable at the back of a room. PowerPoint does not
 * reflow text across slides, and "shrink text on overflow" only happens when PowerPoint edits the
 * box (LibreOffice and viewers draw the overflow), so the deck measures its text itself and
 * continues a list on a further slide instead of shrinking it.
 */

/** Inches, on the 16:9 "wide" layout (13.33 × 7.5 in). */
export const SLIDE = { width: 13.333, height: 7.5, margin: 0.5, bodyTop: 1.4, bodyBottom: 6.75 } as const;
export const FONT = { title: 32, heading: 20, body: 18, small: 14 } as const;
export const COLUMN_GAP = 0.4;
/** Text inside a box: pptxgenjs's default insets and the bullet's indent. */
const INSET = 0.2;
const BULLET_INDENT = 0.3;
const LINE_SPACING = 1.2;
export const PARAGRAPH_SPACE = 6;
/** An average glyph is about half an em wide; a wide (CJK) one is a full em, two columns. */
const EM_PER_COLUMN = 0.55;

export interface TextGroup {
  heading: string;
  items: string[];
}

export function columnWidth(columns: number): number {
  return (SLIDE.width - 2 * SLIDE.margin - (columns - 1) * COLUMN_GAP) / columns;
}

/** Lines a paragraph wraps to in a box `width` inches wide. */
export function wrappedLines(text: string, fontSize: number, width: number): number {
  const perLine = ((width - INSET) * 72) / (fontSize * EM_PER_COLUMN);
  return Math.max(1, Math.ceil(textColumns(text) / perLine));
}

function paragraphHeight(text: string, fontSize: number, width: number): number {
  return wrappedLines(text, fontSize, width) * fontSize * LINE_SPACING + PARAGRAPH_SPACE;
}

function groupHeight(group: TextGroup, width: number): number {
  const heading = paragraphHeight(group.heading, FONT.heading, width);
  return group.items.reduce((sum, item) => sum + paragraphHeight(item, FONT.body, width - BULLET_INDENT), heading);
}

/**
 * Lays groups (a heading and its bullets) out in `columns` columns per slide, in order, never
 * splitting a group unless it alone is taller than a column (then its heading is repeated).
 * Returns slides → columns → groups.
 */
export function paginateGroups(groups: readonly TextGroup[], columns: number): TextGroup[][][] {
  const width = columnWidth(columns);
  const height = (SLIDE.bodyBottom - SLIDE.bodyTop) * 72;
  const pieces = groups.flatMap((g) => splitGroup(g, width, height));
  const flowed: TextGroup[][] = [];
  let current: TextGroup[] = [];
  let used = 0;
  for (const piece of pieces) {
    const h = groupHeight(piece, width);
    if (current.length > 0 && used + h > height) {
      flowed.push(current);
      current = [];
      used = 0;
    }
    current.push(piece);
    used += h;
  }
  if (current.length > 0) flowed.push(current);
  const slides: TextGroup[][][] = [];
  for (let i = 0; i < flowed.length; i += columns) slides.push(flowed.slice(i, i + columns));
  return slides;
}

function splitGroup(group: TextGroup, width: number, height: number): TextGroup[] {
  if (groupHeight(group, width) <= height) return [group];
  const pieces: TextGroup[] = [];
  let items: string[] = [];
  for (const item of group.items) {
    if (items.length > 0 && groupHeight({ heading: group.heading, items: [...items, item] }, width) > height) {
      pieces.push({ heading: group.heading, items });
      items = [];
    }
    items.push(item);
  }
  pieces.push({ heading: group.heading, items });
  return pieces;
}

/** Splits table rows into slides of at most `perSlide` rows each. */
export function chunkRows<T>(rows: readonly T[], perSlide: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += perSlide) chunks.push(rows.slice(i, i + perSlide));
  return chunks.length > 0 ? chunks : [[]];
}
