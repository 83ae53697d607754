import { basename } from 'node:path';
import { bundledIds, bundledPath, bundledVersionPaths } from '../io/bundled.js';
import { loadQuestionnaireFile } from '../io/load-questionnaire.js';
import type { ListedQuestionnaire } from '../model/listing.js';
import { localize } from '../model/text.js';

export type { ListedQuestionnaire } from '../model/listing.js';

export async function runList(lang: string | undefined): Promise<ListedQuestionnaire[]> {
  const listed: ListedQuestionnaire[] = [];
  // Every bundled version (SPEC §3): each id's latest, then its earlier ones in reverse name order.
  const earlier = bundledVersionPaths();
  const paths = bundledIds().flatMap((id) => [
    bundledPath(id),
    ...earlier.filter((p) => basename(p).startsWith(`${id}-`) && /^\d/.test(basename(p).slice(id.length + 1))).reverse(),
  ]);
  for (const path of paths) {
    if (!path) continue;
    const { questionnaire: q } = await loadQuestionnaireFile(path);
    const languages = q.languages ?? ['en'];
    const defaultLang = languages[0] ?? 'en';
    listed.push({
      id: q.id,
      version: q.version,
      title: localize(q.title, lang ?? defaultLang, defaultLang),
      languages,
      capabilities: q.capabilities.length,
      questions: q.capabilities.reduce((n, c) => n + c.questions.length, 0),
    });
  }
  return listed;
}
