import { displayWidth } from '../text/width.js';
import type { KeyItem, KeySelectConfig } from './key-items.js';

/** Where the items of a key select go on screen: pure text, tested without a terminal. */

const CURSOR = '❯';
const ACTION_GAP = 2;

/** The rows of the items; `rowOf[i]` is the row item i is on. */
export interface ItemLayout {
  rows: string[];
  rowOf: number[];
}

/**
 * One item a row while they fit (a rule between options and actions when that fits too), else the
 * actions packed into as few rows as the width allows; beyond that the caller shows a window.
 */
export function layoutItems<V>(
  items: KeyItem<V>[],
  active: number,
  config: Pick<KeySelectConfig<V>, 'rows' | 'width' | 'highlight' | 'dim'>,
): ItemLayout {
  const highlight = config.highlight ?? ((t: string) => t);
  const dim = config.dim ?? ((t: string) => t);
  const cell = (item: KeyItem<V>, index: number) => (index === active ? highlight(`${CURSOR} ${item.name}`) : `  ${item.name}`);
  const firstAction = items.findIndex((item) => item.action);
  const options = firstAction === -1 ? items.length : firstAction;
  const oneEach = (rule: boolean): ItemLayout => {
    const rows: string[] = [];
    const rowOf: number[] = [];
    items.forEach((item, index) => {
      if (rule && index === firstAction && index > 0) rows.push(dim('  ──────'));
      rowOf.push(rows.length);
      rows.push(cell(item, index));
    });
    return { rows, rowOf };
  };
  if (items.length + 1 <= config.rows) return oneEach(firstAction > 0);
  if (items.length <= config.rows || firstAction === -1) return oneEach(false);
  const rows: string[] = [];
  const rowOf: number[] = [];
  let line = '';
  let used = 0;
  items.forEach((item, i) => {
    if (i < options) {
      rowOf.push(rows.length);
      rows.push(cell(item, i));
      return;
    }
    const w = displayWidth(`  ${item.name}`);
    if (line !== '' && used + ACTION_GAP + w > config.width) {
      rows.push(line);
      line = '';
      used = 0;
    }
    if (line !== '') {
      line += ' '.repeat(ACTION_GAP);
      used += ACTION_GAP;
    }
    rowOf.push(rows.length);
    line += cell(item, i);
    used += w;
  });
  if (line !== '') rows.push(line);
  return { rows, rowOf };
}

/** The rows to show: all that fit, scrolled so that the active item's row is among them. */
export function windowRows(layout: ItemLayout, active: number, room: number): string[] {
  const size = Math.max(1, room);
  if (layout.rows.length <= size) return layout.rows;
  const row = layout.rowOf[active] ?? 0;
  const start = Math.min(Math.max(0, row - Math.floor(size / 2)), layout.rows.length - size);
  return layout.rows.slice(start, start + size);
}
