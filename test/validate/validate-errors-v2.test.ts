import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixture, repoRoot, runCli } from '../helpers/cli.js';

// Questionnaire model 2 (SPEC §3): one fixture per mistake; the lines are exactly what a user sees.
const cases: [file: string, stderrLines: string[]][] = [
  ['advice-at-most.yaml', ['advice-at-most.yaml:21:23 capabilities[0].questions[0].advice[1].atMost: 6 is outside the scale "five" (1…5)']],
  ['capability-target.yaml', ['capability-target.yaml:15:13 capabilities[0].target: unknown level "hihg" (known: low, high)']],
  [
    'done-when-language.yaml',
    ['done-when-language.yaml:20:74 capabilities[0].recommendations.low[1].doneWhen.jp: language "jp" is not in languages (en)'],
  ],
  ['if-hidden.yaml', ['if-hidden.yaml:17:87 capabilities[0].questions[1].ifHidden: invalid option: expected one of "exclude"|"lowest"']],
  [
    'level-descriptions.yaml',
    ['level-descriptions.yaml:17:7 capabilities[0].levelDescriptions.middle: unknown level "middle" (known: low, high)'],
  ],
  [
    'recommendation-missing-done-when.yaml',
    ['recommendation-missing-done-when.yaml:20:11 capabilities[0].recommendations.low[1].doneWhen: missing required key "doneWhen"'],
  ],
  [
    'recommendation-unknown-key.yaml',
    ['recommendation-unknown-key.yaml:20:64 capabilities[0].recommendations.low[1].owner: unknown key "owner"'],
  ],
  [
    'replaces-current.yaml',
    [
      'replaces-current.yaml:15:16 capabilities[0].replaces[0]: "b" is a current capability id; replaces names ids of earlier versions',
      'replaces-current.yaml:17:52 capabilities[0].questions[0].replaces[0]: "a2" is a current question id; replaces names ids of earlier versions',
    ],
  ],
  [
    'replaces-twice.yaml',
    [
      'replaces-twice.yaml:20:16 capabilities[1].replaces[0]: "old" is already replaced by capability "a"',
      'replaces-twice.yaml:22:57 capabilities[1].questions[0].replaces[1]: "x-1" is already replaced by question "a1"',
    ],
  ],
];

describe('cxm validate on questionnaire model 2 mistakes', () => {
  it.each(cases)('%s exits 2 with the exact problem lines', (file, lines) => {
    const result = runCli(['validate', file], { cwd: fixture('validate-errors-v2') });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').filter((l) => l !== '' && !l.endsWith('file(s) invalid'))).toEqual(lines);
    expect(result.stdout).toBe('');
  });
});

describe('the published questionnaire JSON Schema knows model 2', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const check = ajv.compile(JSON.parse(readFileSync(join(repoRoot, 'schemas/questionnaire.schema.json'), 'utf8')));
  const read = (path: string): unknown => parse(readFileSync(path, 'utf8'));

  it.each(['cxm-playbook.yaml', 'cxm-pulse.yaml', 'versions/cxm-playbook-1.0.0.yaml'])('accepts questionnaires/%s', (name) => {
    expect(check(read(join(repoRoot, 'questionnaires', name))), JSON.stringify(check.errors)).toBe(true);
  });

  it.each(['if-hidden.yaml', 'recommendation-missing-done-when.yaml', 'recommendation-unknown-key.yaml'])('rejects %s', (name) => {
    expect(check(read(fixture('validate-errors-v2', name)))).toBe(false);
  });
});
