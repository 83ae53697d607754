import { UserError } from '../errors.js';
import { loadQuestionnaire } from '../io/load-questionnaire.js';
import type { Questionnaire } from '../model/questionnaire.js';
import { sanitizeData } from '../text/sanitize.js';

/**
 * The questionnaire a run shows and the language it speaks, for a one-respondent run and a
 * workshop alike: a resumed file's questionnaire, else the one named; `--lang`, else the file's,
 * else the questionnaire's first. Its statements and labels reach the terminal, so it is made safe
 * here, once (ids and values are unchanged by it). `loaded`: the questionnaire file of a new run.
 */
export async function questionnaireForRun(
  questionnaireArg: string,
  resumed: { questionnaire: Questionnaire; file: { lang?: string | undefined } } | undefined,
  langOption: string | undefined,
): Promise<{ questionnaire: Questionnaire; lang: string; loaded: { path: string } | undefined }> {
  const loaded = resumed ? undefined : await loadQuestionnaire(questionnaireArg);
  const source = resumed?.questionnaire ?? loaded?.questionnaire;
  if (!source) throw new Error('no questionnaire');
  const questionnaire = sanitizeData(source);
  const languages = questionnaire.languages ?? ['en'];
  const lang = langOption ?? resumed?.file.lang ?? languages[0] ?? 'en';
  if (!languages.includes(lang)) {
    throw new UserError(`--lang ${lang}: the questionnaire has no texts in that language`, {
      hint: `choose one of: ${languages.join(', ')}`,
    });
  }
  return { questionnaire, lang, loaded };
}
