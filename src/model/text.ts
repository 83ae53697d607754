import { z } from 'zod';

export const languageCodeSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language code such as "en" or "ja"')
  .meta({ description: 'A language code (BCP 47 style), e.g. "en", "ja", "pt-BR".' });

export const localizedTextSchema = z.union([z.string(), z.record(languageCodeSchema, z.string())]).meta({
  description:
    'A text: a plain string, or a map of language code to string. A missing language falls back to the questionnaire default language.',
});

export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** Picks the text in `lang`, else in the default language, else the first one there is. */
export function localize(text: LocalizedText | undefined, lang: string, defaultLang: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text[defaultLang] ?? Object.values(text)[0] ?? '';
}
