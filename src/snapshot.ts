import { resolve } from 'node:path';
import { startupSnapshot } from 'node:v8';
import { setInstallation } from './io/bundled.js';
import { main } from './program.js';
import { warmUp } from './snapshot-warm-up.js';

/*
 * The entry of the V8 start-up snapshot (dist/cxm.blob, built by scripts/build.mjs and started by
 * bin/cxm). Node evaluates this file once, at build time, and saves the heap: every module imported
 * below is already parsed, compiled and evaluated when cxm starts, which is most of a short
 * command's time (zod and yaml alone take ~35 ms to evaluate). bin/cxm passes the package folder
 * first, then the user's arguments.
 *
 * What is evaluated here must not hold native state (Intl objects, handles, streams) nor read the
 * environment or the terminal at module level: that would be frozen at build time. The interactive
 * prompts (@inquirer) stay out and load when `cxm run` asks its first question.
 */
const commands = [
  import('./commands/score.js'),
  import('./commands/diff.js'),
  import('./commands/validate.js'),
  import('./commands/list.js'),
  import('./commands/schema.js'),
  import('./report/index.js'),
  import('./report/text.js'),
  import('./report/json.js'),
  import('./report/markdown.js'),
  import('./report/html.js'),
  import('./report/csv.js'),
  import('./report/diff-text.js'),
  import('./report/diff-json.js'),
  import('./report/diff-markdown.js'),
  import('./report/diff-html.js'),
  import('./report/problems.js'),
  import('./report/list.js'),
  import('./report/color.js'),
];

if (!startupSnapshot.isBuildingSnapshot()) throw new Error('src/snapshot.ts is the entry of the start-up snapshot; run bin/cxm');

startupSnapshot.setDeserializeMainFunction(() => {
  const [root = '.', ...args] = process.argv.slice(1);
  setInstallation(resolve(root));
  // A rejection is an internal error: Node prints it and exits 1, as with the ESM entry.
  void main(args);
});

// Where the package is being built (scripts/build.mjs says so): the warm-up reads its examples.
const buildRoot = resolve(process.env.CXM_SNAPSHOT_ROOT ?? '.');
setInstallation(buildRoot);
// A module that fails to load or a warm-up that fails fails the build (an unhandled rejection),
// not a user's first run.
void Promise.all(commands).then(() => warmUp(buildRoot));
