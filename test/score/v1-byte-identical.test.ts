import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.js';

// The JSON reports in score-v1-baseline/ were written by `cxm score` on main BEFORE questionnaire
// model 2 and cxm-playbook 2.0.0 were added (only `generatedAt` is replaced by a placeholder).
// An answer file that names cxm-playbook 1.0.0 must keep scoring byte for byte as it did.
const cases: [string, string[]][] = [
  ['acme.json', ['examples/acme/it.yaml', 'examples/acme/marketing.yaml', 'examples/acme/sales.yaml']],
  ['acme-it.json', ['examples/acme/it.yaml']],
  ['acme-sales-target-defined.json', ['examples/acme/sales.yaml', '--target', 'defined']],
  ['diff-playbook-q1.json', ['test/fixtures/diff-playbook/2026-q1.yaml']],
  ['diff-playbook-q2.json', ['test/fixtures/diff-playbook/2026-q2.yaml']],
];

describe('cxm score of a 1.0.0 answer file is byte-identical to the report before 2.0.0', () => {
  it.each(cases)('%s', (baseline, args) => {
    const result = runCli(['score', ...args, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const now = result.stdout.replace(/"generatedAt": "[^"]*"/, '"generatedAt": "<now>"');
    expect(now).toBe(readFileSync(fixture('score-v1-baseline', baseline), 'utf8'));
  });
});
