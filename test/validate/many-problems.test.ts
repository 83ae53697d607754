import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

// 150,000 unknown answers (1.8 MB, under the 4 MiB limit): more problems than a function call takes
// arguments (push(...problems) overflowed the stack), and locating each one by scanning the answers
// map was quadratic (minutes). Every problem must still get its line, with exit 2.
describe('a file with 150,000 problems', () => {
  const count = 150_000;
  const dir = tempDir();
  const file = join(dir, 'many.yaml');
  writeFileSync(file, `questionnaire: cxm-playbook\nanswers:\n${Array.from({ length: count }, (_, i) => `  k${i}: 1\n`).join('')}`);

  it.each([['validate'], ['score']])('cxm %s lists every one of them, then exits 2', (command) => {
    const { code, stderr } = runCli([command, file]);
    expect(code).toBe(2);
    const lines = stderr.split('\n').filter((line) => line.includes('unknown question'));
    expect(lines).toHaveLength(count);
    expect(lines[0]).toBe(`${file}:3:3 answers.k0: unknown question "k0"`);
    expect(lines.at(-1)).toBe(`${file}:${count + 2}:3 answers.k${count - 1}: unknown question "k${count - 1}"`);
  });
});
