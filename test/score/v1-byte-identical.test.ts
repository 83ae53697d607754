import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.js';

// The JSON reports in score-v1-baseline/ were written by `cxm score` on main BEFORE questionnaire
// model 2 and cxm-playbook 2.0.0 were added (only `generatedAt` is replaced by a placeholder).
// An answer file that names cxm-playbook 1.0.0 must keep scoring byte for byte as it did. The fields
// SPEC §7 added since (additive, schemaVersion 1) are taken out first: what is left is every field
// the report had then, which must not have changed by one byte.
const ADDED_TOP = ['organization', 'facilitator', 'assessedAt', 'summary', 'discussThreshold', 'discussion', 'notes'];

function withoutAdditions(json: string): string {
  const report = JSON.parse(json);
  for (const key of ADDED_TOP) {
    expect(report, key).toHaveProperty(key);
    delete report[key];
  }
  for (const r of report.respondents) {
    delete r.unanswered;
    delete r.notApplicable;
  }
  for (const c of report.capabilities) delete c.target;
  for (const phase of report.roadmap) delete phase.months;
  return `${JSON.stringify(report, null, 2)}\n`;
}
const cases: [string, string[]][] = [
  ['acme.json', ['examples/acme/it.yaml', 'examples/acme/marketing.yaml', 'examples/acme/sales.yaml']],
  ['acme-it.json', ['examples/acme/it.yaml']],
  ['acme-sales-target-defined.json', ['examples/acme/sales.yaml', '--target', 'defined']],
  ['diff-playbook-q1.json', ['test/fixtures/diff-playbook/2026-q1.yaml']],
  ['diff-playbook-q2.json', ['test/fixtures/diff-playbook/2026-q2.yaml']],
];

describe('cxm score of a 1.0.0 answer file is byte-identical to the report before 2.0.0, but for the additions of SPEC §7', () => {
  it.each(cases)('%s', (baseline, args) => {
    const result = runCli(['score', ...args, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const now = withoutAdditions(result.stdout.replace(/"generatedAt": "[^"]*"/, '"generatedAt": "<now>"'));
    expect(now).toBe(readFileSync(fixture('score-v1-baseline', baseline), 'utf8'));
  });
});
