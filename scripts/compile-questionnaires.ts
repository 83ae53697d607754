// Build step (bundled and run by scripts/build.mjs): validates every bundled questionnaire and
// writes dist/questionnaires/<id>.json for src/io/compiled-questionnaire.ts. An invalid bundled
// questionnaire fails the build.
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InvalidInputError } from '../src/errors.js';
import { writeFileAtomic } from '../src/io/atomic-write.js';
import { bundledIds, bundledPath, bundledVersionPaths } from '../src/io/bundled.js';
import { compiledPathFor, hashSource, type CompiledQuestionnaire } from '../src/io/compiled-questionnaire.js';
import { loadQuestionnaireFile } from '../src/io/load-questionnaire.js';
import { formatProblem } from '../src/model/problem.js';

// The latest of each id, then the earlier versions kept beside it (questionnaires/versions/).
const paths = [...bundledIds().map(bundledPath), ...bundledVersionPaths()];
for (const path of paths) {
  if (!path) continue;
  try {
    const { questionnaire } = await loadQuestionnaireFile(path, { useCompiled: false });
    const compiled: CompiledQuestionnaire = { sourceHash: hashSource(readFileSync(path)), questionnaire };
    const out = compiledPathFor(path);
    await mkdir(dirname(out), { recursive: true });
    // Atomic: a test may be reading it while another run of the build writes it.
    await writeFileAtomic(out, JSON.stringify(compiled));
  } catch (error) {
    if (error instanceof InvalidInputError) {
      process.stderr.write(`${error.problems.map(formatProblem).join('\n')}\n`);
      process.exit(1);
    }
    throw error;
  }
}
