import { Argument, Command, CommanderError, Option } from 'commander';
import pkg from '../package.json' with { type: 'json' };
import { DEFAULT_DISCUSS, DEFAULT_PHASE_MONTHS, DEFAULT_SPREAD, DEFAULT_TOLERANCE } from './core/defaults.js';
import { debugEnabled, ExitError, InvalidInputError, internalErrorText, UserError } from './errors.js';
import { BINARY_REPORT_FORMATS, DIFF_FORMATS, REPORT_FORMATS } from './report/index.js';
import { renderProblems } from './report/problems.js';
import { sanitizeData, sanitizeLine, sanitizeLines } from './text/sanitize.js';

// Each action lazy-imports its command so that `cxm --version` and `cxm run` load only what they use.

/**
 * Examples run as shown from the package folder: their files ship (examples/, questionnaires/).
 * A name in <angle brackets> is a placeholder for the user's own file; test/cli/help-examples.test.ts checks both.
 */
const examples = (lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
const collect = (value: string, previous: string[]) => [...previous, value];

const program = new Command('cxm')
  .description('Customer Experience Management (CXM) maturity assessments: run workshops, score answers, gate CI.')
  .version(pkg.version, '-v, --version')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride()
  .addHelpText(
    'after',
    examples([
      'cxm run',
      'cxm score examples/acme/ --format markdown --out report.md',
      'cxm validate questionnaires/cxm-playbook.yaml examples/acme/',
    ]),
  );

program
  .command('run')
  .description('run an interactive assessment (a workshop at a projector)')
  .argument('[questionnaire]', 'bundled questionnaire id or path to a YAML file', 'cxm-playbook')
  .option('--lang <code>', 'language of the texts')
  .option('--answers <file>', 'where to save the answers (default: answers-<date>-<respondent>.yaml)')
  .option('--resume <file>', 'continue a saved answer file')
  .option('--name <name>', 'respondent name')
  .option('--role <role>', 'respondent role or department')
  .option('--organization <org>', 'respondent organization')
  .option('--report <file>', 'write the full report to FILE.md, FILE.json or FILE.html (remembered on resume)')
  .option('--groups <names>', 'a workshop: every group votes on each question, e.g. "Marketing,Sales,IT"')
  .option('--facilitator <name>', 'who runs the workshop (with --groups)')
  .option('--discuss <points>', 'question spread from which the groups discuss a question (with --groups)', String(DEFAULT_DISCUSS))
  .option('--timebox <duration>', 'time planned for the session, e.g. 90m: the header shows whether it is on pace')
  .option('--no-color', 'disable colours')
  .addHelpText(
    'after',
    examples([
      'cxm run',
      'cxm run --lang ja --role marketing --answers aiko.yaml',
      'cxm run --groups "Marketing,Sales,IT" --facilitator "Ken Sato"',
      'cxm run --resume <answers.yaml>',
    ]),
  )
  .action(async (questionnaire: string, options: Record<string, unknown>) => {
    const { runCommand } = await import('./commands/run.js');
    const { showRunEnd } = await import('./ui/run-end.js');
    const code = await showRunEnd(await runCommand(questionnaire, options));
    if (code !== 0) throw new ExitError(code);
  });

program
  .command('score')
  .description('score answer files (files or folders) and survey exports, and print the report')
  .argument('<answers...>', 'answer files (.yaml, .yml, .json), folders of them, or survey exports (.csv, .xlsx)')
  .option('--questionnaire <q>', 'the questionnaire survey exports answer: bundled id or path')
  .option('--role-column <header>', "the survey exports' department column, when it is not headed role")
  .option('--lang <code>', 'language of the report')
  .addOption(
    new Option('--format <format>', 'report format (xlsx and pptx need --out)')
      .choices([...REPORT_FORMATS, ...BINARY_REPORT_FORMATS])
      .default('text'),
  )
  .option('--out <file>', 'write the report to FILE (atomically); the text summary stays on the screen')
  .option('--spread <points>', 'spread that flags a disagreement', String(DEFAULT_SPREAD))
  .option('--discuss <points>', 'question spread that puts a question on the discussion agenda', String(DEFAULT_DISCUSS))
  .option('--phase-months <n>', 'months a roadmap phase takes ("Phase 1 · months 1–3"); 0 for no horizon', String(DEFAULT_PHASE_MONTHS))
  .option('--target <level>', 'target level (overrides the questionnaire)')
  .option('--no-notes', 'leave the notes and evidence out of the report')
  .option('--detail', 'include the per-question table')
  .option('--fail-under <score>', 'exit 1 when the overall score is below SCORE (0-100)')
  .option('--min-level <cap=level>', 'exit 1 when a capability is below LEVEL; repeatable; * for all', collect, [])
  .option('--quiet', 'print nothing but errors and gate failures')
  .option('--no-color', 'disable colours')
  .addHelpText(
    'after',
    examples([
      'cxm score examples/acme/',
      'cxm score examples/acme/it.yaml examples/acme/sales.yaml --format markdown --out report.md',
      'cxm score examples/acme/ --fail-under 50 --min-level "*=developing" --min-level shared-customer-id=defined',
      'cxm score - < examples/acme/it.yaml',
      'cxm score <survey.csv> --questionnaire cxm-playbook --role-column Department',
    ]),
  )
  .action(async (answers: string[], options: Record<string, unknown>) => {
    const { scoreCommand } = await import('./commands/score.js');
    const { failedGates } = await scoreCommand(answers, options);
    if (failedGates.length === 0) return;
    const { renderFailedGates } = await import('./report/gates.js');
    process.stderr.write(sanitizeLines(renderFailedGates(failedGates)));
    throw new ExitError(1);
  });

program
  .command('diff')
  .description('compare two assessments (answer files, folders, survey exports, or JSON reports)')
  .argument('<before>', 'answer file, folder of answer files, survey export, or JSON report')
  .argument('<after>', 'answer file, folder of answer files, survey export, or JSON report')
  .option('--lang <code>', 'language of the report')
  .addOption(new Option('--format <format>', 'report format').choices(DIFF_FORMATS).default('text'))
  .option('--out <file>', 'write the report to FILE (atomically)')
  .option('--tolerance <points>', 'changes within ±POINTS count as unchanged', String(DEFAULT_TOLERANCE))
  .option('--detail', 'list the questions whose answers changed')
  .option('--fail-on-regression', 'exit 1 when a capability or the overall score regressed')
  .option('--questionnaire <q>', 'the questionnaire survey exports answer: bundled id or path')
  .option('--role-column <header>', "the survey exports' department column, when it is not headed role")
  .option('--quiet', 'print nothing but errors and gate failures')
  .option('--no-color', 'disable colours')
  .addHelpText(
    'after',
    examples([
      'cxm diff examples/acme/marketing.yaml examples/acme/sales.yaml',
      'cxm diff <2026-q1>/ <2026-q2>/',
      'cxm diff <before.json> <after.json> --fail-on-regression',
    ]),
  )
  .action(async (before: string, after: string, options: Record<string, unknown>) => {
    const { diffCommand } = await import('./commands/diff.js');
    const { diff, failed } = await diffCommand(before, after, options);
    if (!failed) return;
    const { renderRegressions } = await import('./report/diff-format.js');
    process.stderr.write(sanitizeLines(renderRegressions(diff)));
    throw new ExitError(1);
  });

program
  .command('import')
  .description('turn survey exports into one answer file per respondent')
  .argument('<exports...>', 'survey exports (.csv, .xlsx)')
  .requiredOption('--questionnaire <q>', 'the questionnaire the exports answer: bundled id or path')
  .requiredOption('--out-dir <dir>', 'the folder to write the answer files to (existing files are never replaced)')
  .option('--role-column <header>', 'the department column, when it is not headed role')
  .option('--quiet', 'print only problems')
  .addHelpText('after', examples(['cxm import survey.csv --questionnaire cxm-playbook --out-dir answers/']))
  .action(async (exports: string[], options: Record<string, unknown>) => {
    const { importSurveys } = await import('./commands/import.js');
    const { written } = await importSurveys(exports, options);
    if (options.quiet !== true)
      process.stderr.write(`cxm: wrote ${written.length} answer file(s) to ${sanitizeLine(String(options.outDir))}\n`);
  });

program
  .command('validate')
  .description('check questionnaires and answer files, printing every problem with file:line:column')
  .argument('<files...>', 'questionnaire or answer files, or folders of them')
  .option('--quiet', 'print only problems')
  .option('--no-color', 'disable colours')
  .addHelpText(
    'after',
    examples(['cxm validate questionnaires/cxm-playbook.yaml examples/acme/', 'cxm validate <my-questionnaire.yaml> <answers>/']),
  )
  .action(async (files: string[], options: { quiet?: boolean }) => {
    const { runValidate } = await import('./commands/validate.js');
    const { renderValidation } = await import('./report/validate.js');
    const result = await runValidate(files);
    for (const { stream, text } of renderValidation(result, options)) process[stream].write(text);
    if (!result.valid) throw new ExitError(2);
  });

program
  .command('list')
  .description('list the bundled questionnaires')
  .option('--lang <code>', 'language of the titles')
  .option('--json', 'print JSON')
  .option('--no-color', 'disable colours')
  .addHelpText('after', examples(['cxm list', 'cxm list --json']))
  .action(async (options: { lang?: string; json?: boolean; color?: boolean }) => {
    const { runList } = await import('./commands/list.js');
    const listed = await runList(options.lang);
    if (options.json) {
      const { renderListJson } = await import('./report/json.js');
      process.stdout.write(renderListJson(listed));
      return;
    }
    const { renderList } = await import('./report/list.js');
    const { shouldUseColor } = await import('./report/color.js');
    process.stdout.write(renderList(sanitizeData(listed), shouldUseColor(options)));
  });

program
  .command('schema')
  .description('print the JSON Schema of a file kind')
  .addArgument(
    new Argument('<kind>', 'questionnaire, answers, report (cxm score --format json) or diff (cxm diff --format json)').choices([
      'questionnaire',
      'answers',
      'report',
      'diff',
    ]),
  )
  .option('--no-color', 'disable colours (accepted for symmetry: a schema is plain JSON)')
  .addHelpText('after', examples(['cxm schema questionnaire > questionnaire.schema.json', 'cxm schema report']))
  .action(async (kind: string) => {
    const { runSchema } = await import('./commands/schema.js');
    process.stdout.write(runSchema(kind));
  });

/**
 * Runs cxm on the user's arguments (without node and script). The only place that turns errors into
 * exit codes: an error cxm did not expect, here or in a callback no promise awaits, is a bug: exit
 * 3, never 1 (which CI reads as a failed gate), and no stack unless CXM_DEBUG=1 (SPEC §2).
 */
export async function main(args: readonly string[]): Promise<void> {
  process.stdout.on('error', ignoreGoneReader);
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (error) {
    process.exitCode = exitCodeFor(error);
  }
}

/** An error thrown outside the command's promise: the program's state is unknown, so it ends now. */
function crash(error: unknown): void {
  process.stderr.write(internalErrorText(error, debugEnabled()));
  process.exit(3);
}

/**
 * `cxm score … | head` closes the pipe before cxm is done writing. Node reports that as an unhandled
 * 'error' with a stack trace; for cxm the reader has simply seen enough. The exit code still says
 * how the command went (a failed gate stays 1), as it would have with the whole report read.
 */
function ignoreGoneReader(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') crash(error);
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has printed its own message; help and version are successes.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof ExitError) return error.exitCode;
  if (error instanceof InvalidInputError) {
    process.stderr.write(renderProblems(error.problems));
    return error.exitCode;
  }
  if (error instanceof UserError) {
    process.stderr.write(`cxm: ${sanitizeLine(error.message)}\n`);
    if (error.hint) process.stderr.write(`hint: ${sanitizeLine(error.hint)}\n`);
    return error.exitCode;
  }
  process.stderr.write(internalErrorText(error, debugEnabled()));
  return 3;
}
