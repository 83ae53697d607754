import { createPrompt, isEnterKey, makeTheme, useEffect, useKeypress, usePrefix, useState } from '@inquirer/core';
import type { PromptContext } from './key-select.js';

/**
 * The note prompt: @inquirer/input with the current note ready to edit, plus Esc, which leaves the
 * note as it was (input has no cancel key; Ctrl-C there would end the session).
 */

interface NoteConfig {
  message: string;
  default: string;
  cancelled: string;
}

const notePrompt = createPrompt<string | null, NoteConfig>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done' | 'cancelled'>('idle');
  const [value, setValue] = useState('');
  const prefix = usePrefix({ status: status === 'cancelled' ? 'done' : status, theme });
  useEffect((rl) => {
    if (config.default === '') return;
    rl.write(config.default);
    setValue(config.default);
  }, []);
  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (isEnterKey(key)) {
      setStatus('done');
      done(value);
    } else if (key.name === 'escape') {
      setStatus('cancelled');
      done(null);
    } else setValue(rl.line);
  });
  const message = theme.style.message(config.message, status === 'cancelled' ? 'done' : status);
  if (status === 'cancelled') return `${prefix} ${message} ${config.cancelled}`;
  return `${prefix} ${message} ${status === 'done' ? theme.style.answer(value) : value}`;
});

/** The new note (empty removes it), or undefined when Esc left it unchanged. */
export async function askNote(config: NoteConfig, context: PromptContext = {}): Promise<string | undefined> {
  const answer = await notePrompt(config, context);
  return answer ?? undefined;
}
