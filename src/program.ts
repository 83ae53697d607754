import { Argument, Command, CommanderError, Option } from 'commander';
import pkg from '../package.json' with { type: 'json' };
import { ExitError, InvalidInputError, UserError } from './errors.js';
import { renderProblems } from './report/problems.js';

// Each action lazy-imports its command so that `cxm --version` and `cxm run` load only what they use.

const examples = (lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
const collect = (value: string, previous: string[]) => [...previous, value];

const program = new Command('cxm')
  .description('Customer Experience Management (CXM) maturity assessments: run workshops, score answers, gate CI.')
  .version(pkg.version, '-v, --version')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride()
  .addHelpText(
    'after',
    examples(['cxm run', 'cxm score answers/*.yaml --format markdown --out report.md', 'cxm validate questionnaires/*.yaml']),
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
  .option('--report <file>', 'also write the report to FILE.md, FILE.json or FILE.html')
  .option('--no-color', 'disable colours')
  .addHelpText('after', examples(['cxm run', 'cxm run --lang ja --role marketing', 'cxm run --resume answers-2026-11-25-aiko.yaml']))
  .action(async (questionnaire: string, options: Record<string, unknown>) => {
    const { runCommand } = await import('./commands/run.js');
    await runCommand(questionnaire, options);
  });

program
  .command('score')
  .description('score answer files (files or folders) and survey exports, and print the report')
  .argument('<answers...>', 'answer files (.yaml, .yml, .json), folders of them, or survey exports (.csv, .xlsx)')
  .option('--questionnaire <q>', 'the questionnaire survey exports answer: bundled id or path')
  .option('--role-column <header>', "the survey exports' department column, when it is not headed role")
  .option('--lang <code>', 'language of the report')
  .addOption(new Option('--format <format>', 'report format').choices(['text', 'json', 'markdown', 'html', 'csv']).default('text'))
  .option('--out <file>', 'write the report to FILE (atomically); the text summary stays on the screen')
  .option('--spread <points>', 'spread that flags a disagreement', '25')
  .option('--target <level>', 'target level (overrides the questionnaire)')
  .option('--detail', 'include the per-question table')
  .option('--fail-under <score>', 'exit 1 when the overall score is below SCORE (0-100)')
  .option('--min-level <cap=level>', 'exit 1 when a capability is below LEVEL; repeatable; * for all', collect, [])
  .option('--quiet', 'print nothing but errors and gate failures')
  .option('--no-color', 'disable colours')
  .addHelpText(
    'after',
    examples([
      'cxm score examples/acme/',
      'cxm score a.yaml b.yaml --format markdown --out report.md',
      'cxm score answers/ --fail-under 50 --min-level "*=developing" --min-level shared-customer-id=defined',
      'cxm score survey.csv --questionnaire cxm-playbook --role-column Department',
    ]),
  )
  .action(async (answers: string[], options: Record<string, unknown>) => {
    const { scoreCommand } = await import('./commands/score.js');
    await scoreCommand(answers, options);
  });

program
  .command('diff')
  .description('compare two assessments (answer files, folders, survey exports, or JSON reports)')
  .argument('<before>', 'answer file, folder of answer files, survey export, or JSON report')
  .argument('<after>', 'answer file, folder of answer files, survey export, or JSON report')
  .option('--lang <code>', 'language of the report')
  .addOption(new Option('--format <format>', 'report format').choices(['text', 'json', 'markdown', 'html']).default('text'))
  .option('--out <file>', 'write the report to FILE (atomically)')
  .option('--tolerance <points>', 'changes within ±POINTS count as unchanged', '0.5')
  .option('--detail', 'list the questions whose answers changed')
  .option('--fail-on-regression', 'exit 1 when a capability or the overall score regressed')
  .option('--questionnaire <q>', 'the questionnaire survey exports answer: bundled id or path')
  .option('--role-column <header>', "the survey exports' department column, when it is not headed role")
  .option('--quiet', 'print nothing but errors and gate failures')
  .option('--no-color', 'disable colours')
  .addHelpText('after', examples(['cxm diff 2026-q1/ 2026-q2/', 'cxm diff before.json after.json --fail-on-regression']))
  .action(async (before: string, after: string, options: Record<string, unknown>) => {
    const { diffCommand } = await import('./commands/diff.js');
    await diffCommand(before, after, options);
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
    if (options.quiet !== true) process.stderr.write(`cxm: wrote ${written.length} answer file(s) to ${String(options.outDir)}\n`);
  });

program
  .command('validate')
  .description('check questionnaires and answer files, printing every problem with file:line:column')
  .argument('<files...>', 'questionnaire or answer files, or folders of them')
  .option('--quiet', 'print only problems')
  .addHelpText('after', examples(['cxm validate questionnaires/*.yaml', 'cxm validate my-questionnaire.yaml answers/']))
  .action(async (files: string[], options: { quiet?: boolean }) => {
    const { runValidate } = await import('./commands/validate.js');
    const { renderProblems } = await import('./report/problems.js');
    const result = await runValidate(files);
    for (const file of result.files) {
      const errors = file.problems.filter((p) => p.severity === 'error');
      process.stderr.write(renderProblems(file.problems));
      if (errors.length === 0 && !options.quiet) process.stdout.write(`✓ ${file.file} (${file.summary})\n`);
    }
    if (!result.valid) {
      const invalid = result.files.filter((f) => f.problems.some((p) => p.severity === 'error')).length;
      process.stderr.write(`${invalid} of ${result.files.length} file(s) invalid\n`);
      throw new ExitError(2);
    }
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
      process.stdout.write(`${JSON.stringify(listed, null, 2)}\n`);
      return;
    }
    const { renderList } = await import('./report/list.js');
    const { shouldUseColor } = await import('./report/color.js');
    process.stdout.write(renderList(listed, shouldUseColor(options)));
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
  .addHelpText('after', examples(['cxm schema questionnaire > questionnaire.schema.json', 'cxm schema report']))
  .action(async (kind: string) => {
    const { runSchema } = await import('./commands/schema.js');
    process.stdout.write(runSchema(kind));
  });

/**
 * Runs cxm on the user's arguments (without node and script). The only place that turns errors into
 * exit codes; unknown errors are re-thrown, never swallowed.
 */
export async function main(args: readonly string[]): Promise<void> {
  process.stdout.on('error', ignoreGoneReader);
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (error) {
    process.exitCode = exitCodeFor(error);
  }
}

/**
 * `cxm score … | head` closes the pipe before cxm is done writing. Node reports that as an unhandled
 * 'error' with a stack trace; for cxm the reader has simply seen enough. The exit code still says
 * how the command went (a failed gate stays 1), as it would have with the whole report read.
 */
function ignoreGoneReader(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
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
    process.stderr.write(`cxm: ${error.message}\n`);
    if (error.hint) process.stderr.write(`hint: ${error.hint}\n`);
    return error.exitCode;
  }
  throw error;
}
