import { createPrompt, isEnterKey, makeTheme, useKeypress, usePrefix, useRef, useState } from '@inquirer/core';
import { layoutItems, windowRows } from './item-layout.js';
import type { KeyItem, KeySelectConfig } from './key-items.js';

/**
 * A select prompt whose keys are explicit. @inquirer/select reads typed digits as a running
 * number over all its rows (a quick `1` `1` lands on the 11th row, "Save and quit", and `6` on
 * the first action): here a key means one item and nothing else, the last key pressed wins, and a
 * key no item has does nothing. Typed numbers (`jump`) are a separate, explicit mode for long lists.
 */

const CURSOR_HIDE = '\x1b[?25l';

interface PromptConfig extends Omit<KeySelectConfig<unknown>, 'items' | 'escape'> {
  items: KeyItem<number>[];
  escapable: boolean;
}

/** Resolves to the chosen item's index, or -1 for Esc. */
const indexPrompt = createPrompt<number, PromptConfig>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const prefix = usePrefix({ status, theme });
  const { items } = config;
  const [active, setActive] = useState(Math.min(Math.max(0, config.default ?? 0), Math.max(0, items.length - 1)));
  const typed = useRef({ digits: '', at: 0 });

  useKeypress((key, rl) => {
    // Nothing typed is kept on the line: a key is a command, never the start of a word or number.
    rl.clearLine(0);
    if (status !== 'idle') return;
    if (isEnterKey(key)) {
      if (items[active] === undefined) return;
      setStatus('done');
      done(active);
      return;
    }
    if (key.name === 'escape') {
      if (!config.escapable) return;
      setStatus('done');
      done(-1);
      return;
    }
    const page = Math.max(1, config.rows - 1);
    const moves: Record<string, number> = { up: -1, down: 1, pageup: -page, pagedown: page, home: -items.length, end: items.length };
    const move = moves[key.name];
    if (move !== undefined) {
      setActive(Math.min(items.length - 1, Math.max(0, active + move)));
      return;
    }
    if (key.ctrl || key.name.length !== 1) return;
    const char = key.name.toLowerCase();
    if (config.jump && /^[0-9]$/.test(char)) {
      const now = Date.now();
      const digits = now - typed.current.at < 1000 ? typed.current.digits + char : char;
      typed.current = { digits, at: now };
      const target = items.findIndex((item) => item.number === Number(digits));
      if (target !== -1) setActive(target);
      return;
    }
    const target = items.findIndex((item) => item.key === char);
    if (target !== -1) setActive(target);
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') return [prefix, message, theme.style.answer(items[active]?.name ?? '')].join(' ');
  const layout = layoutItems(items, active, config);
  const shown = windowRows(layout, active, config.rows);
  return `${[`${prefix} ${message}`, ...shown, ' ', config.hint].join('\n')}${CURSOR_HIDE}`;
});

export interface PromptContext {
  signal?: AbortSignal;
}

/** The chosen item's value, or `config.escape` for Esc. */
export async function keySelect<V>(config: KeySelectConfig<V>, context: PromptContext = {}): Promise<V> {
  const { items, escape: onEscape, ...rest } = config;
  const indexed = items.map((item, index) => ({ ...item, value: index }));
  const index = await indexPrompt({ ...rest, items: indexed, escapable: onEscape !== undefined }, context);
  const item = items[index];
  if (item) return item.value;
  if (onEscape !== undefined) return onEscape.value;
  throw new Error(`no item ${index}`);
}
