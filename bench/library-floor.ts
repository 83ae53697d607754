// The library floor of a one-file `cxm score` (bench/run.mjs bundles it as cxm's bundle is
// bundled): only what cxm cannot do without, from the same libraries. It parses its arguments with
// commander, reads the answer file with yaml, validates it with cxm's answer schema (zod) and prints
// a 20-row cli-table3 table.
import { readFileSync } from 'node:fs';
import Table from 'cli-table3';
import { Command } from 'commander';
import { parse } from 'yaml';
import { answerFileSchema } from '../src/model/answers.js';

const program = new Command('library-floor')
  .argument('<answers>', 'answer file')
  .option('--format <format>', 'report format', 'text')
  .parse(process.argv);
const [path] = program.args;
if (!path) throw new Error('usage: library-floor <answers>');
const file = answerFileSchema.parse(parse(readFileSync(path, 'utf8')));
const table = new Table({ head: ['question', 'answer', 'note'] });
for (const [id, entry] of Object.entries(file.answers).slice(0, 20)) {
  const { value, note } = typeof entry === 'object' ? entry : { value: entry, note: undefined };
  table.push([id, String(value ?? ''), note ?? '']);
}
process.stdout.write(`${file.respondent?.name ?? ''}\n${table.toString()}\n`);
