import type { Renames } from '../core/rename-report.js';
import { replacedCapabilityIds, replacedQuestionIds } from '../model/replaces.js';
import { bundledPath, bundledVersionPath } from './bundled.js';
import { loadQuestionnaireFile } from './load-questionnaire.js';

/** The `replaces` of a bundled questionnaire version (the latest or an earlier one); undefined if not bundled. */
export async function bundledRenames(id: string, version: string): Promise<Renames | undefined> {
  const latest = bundledPath(id);
  if (!latest) return undefined;
  const candidates = [bundledVersionPath(id, version), latest];
  for (const path of candidates) {
    if (!path) continue;
    const { questionnaire } = await loadQuestionnaireFile(path);
    if (questionnaire.version === version) {
      return { capabilities: replacedCapabilityIds(questionnaire), questions: replacedQuestionIds(questionnaire) };
    }
  }
  return undefined;
}
