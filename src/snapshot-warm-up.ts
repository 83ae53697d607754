import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runValidate } from './commands/validate.js';
import { forgetLoadedQuestionnaires } from './io/load-questionnaire.js';
import { scoreAnswerPaths } from './io/score-files.js';
import { loadRenderer, type ReportFormat } from './report/index.js';

/**
 * Runs the common commands once while the start-up snapshot is built, so that the functions they
 * call are saved compiled: V8 compiles a function on its first call, and a one-file `cxm score`
 * spends about half its time in such first calls (yaml, zod, cli-table3, our renderers). Nothing is
 * written anywhere, and what the commands cache (questionnaires by path) is forgotten afterwards.
 * Without the examples folder (an installed package) there is simply no warm-up.
 */
export async function warmUp(root: string): Promise<void> {
  const examples = join(root, 'examples', 'acme');
  if (!existsSync(examples)) return;
  const files = readdirSync(examples)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => join(examples, name));
  const formats: ReportFormat[] = ['text', 'json', 'markdown'];
  for (const paths of [files.slice(0, 1), [examples]]) {
    const { report } = await scoreAnswerPaths(paths, { gates: [{ kind: 'fail-under', threshold: 50 }] });
    for (const format of formats) (await loadRenderer(format))(report, { color: false, width: 80, lang: report.lang, detail: false });
  }
  await runValidate([join(root, 'questionnaires'), ...files]);
  forgetLoadedQuestionnaires();
}
