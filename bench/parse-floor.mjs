// The floor for batch scoring: one process that only reads and parses the same files with the
// `yaml` package — no validation, no scoring, no report.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const [dir = '.'] = process.argv.slice(2);
let answers = 0;
for (const name of readdirSync(dir).sort()) {
  const data = parse(readFileSync(join(dir, name), 'utf8'));
  answers += Object.keys(data.answers).length;
}
process.stdout.write(`${answers}\n`);
