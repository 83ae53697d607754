import { UserError } from '../errors.js';
import { languageCodeSchema } from '../model/text.js';

/** Commander hands over strings (or true for a flag given without its value). */
export function stringOption(raw: Record<string, unknown>, key: string, flag = `--${key}`): string | undefined {
  const value = raw[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new UserError(`${flag}: expected a value`);
  return value;
}

/** The options every report command shares: --lang and --out. */
export function reportOutputOptions(raw: Record<string, unknown>): { lang: string | undefined; out: string | undefined } {
  const lang = stringOption(raw, 'lang');
  if (lang !== undefined && !languageCodeSchema.safeParse(lang).success) {
    throw new UserError(`--lang: "${lang}" is not a language code`, { hint: 'for example en or ja' });
  }
  const out = stringOption(raw, 'out');
  if (out === '') throw new UserError('--out: expected a file name');
  return { lang, out };
}
