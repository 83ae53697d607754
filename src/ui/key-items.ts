/** What a key select shows and how: shared by the prompt (key-select.ts) and its layout (item-layout.ts). */

export interface KeyItem<V> {
  value: V;
  /** As shown, key first ("1 Agree", "s Skip for now"). */
  name: string;
  /** The single key that moves the cursor here. */
  key?: string | undefined;
  /** Actions come after the options; packed several to a line when rows are short. */
  action?: boolean | undefined;
  /** With `jump`: typing this number moves the cursor here. */
  number?: number | undefined;
}

export interface KeySelectConfig<V> {
  message: string;
  items: KeyItem<V>[];
  /** Index of the item the cursor starts on. */
  default?: number | undefined;
  /** Rows the items may take (the message line and the hint are extra). */
  rows: number;
  width: number;
  hint: string;
  /** What Esc returns; without it Esc does nothing. */
  escape?: { value: V } | undefined;
  /** Typed digits make a number (within a second) that moves the cursor to the item with it. */
  jump?: boolean | undefined;
  highlight?: ((text: string) => string) | undefined;
  dim?: ((text: string) => string) | undefined;
}
