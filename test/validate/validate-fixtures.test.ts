import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, tempDir } from '../helpers/cli.js';

// Each fixture holds one class of mistake; the expected lines are exactly what a user sees on stderr.
const cases: [folder: string, file: string, exitCode: number, stderrLines: string[]][] = [
  [
    'validate-errors',
    'alias-bomb.yaml',
    2,
    ['alias-bomb.yaml:2:8 too many alias expansions (more than 100); refusing a possible alias bomb'],
  ],
  ['validate-errors', 'comment-only.yaml', 2, ['comment-only.yaml:1:1 file is empty']],
  ['validate-errors', 'control-char.yaml', 2, ['control-char.yaml:2:13 control character U+0007 is not allowed']],
  [
    'validate-errors',
    'duplicate-ids.yaml',
    2,
    [
      'duplicate-ids.yaml:17:9 capabilities[1].id: duplicate capability id "a"',
      'duplicate-ids.yaml:20:15 capabilities[1].questions[0].id: duplicate question id "a1"',
    ],
  ],
  ['validate-errors', 'duplicate-yaml-key.yaml', 2, ['duplicate-yaml-key.yaml:15:5 capabilities[0].title: duplicate key "title"']],
  ['validate-errors', 'empty.yaml', 2, ['empty.yaml:1:1 file is empty']],
  ['validate-errors', 'latin1.yaml', 2, ['latin1.yaml:2:11 not UTF-8 text (a binary file or another encoding)']],
  [
    'validate-errors',
    'levels-errors.yaml',
    2,
    [
      'levels-errors.yaml:6:14 scales.empty.options: a scale needs at least two options',
      'levels-errors.yaml:10:18 scales.twice.options[1].value: duplicate option value 1',
      'levels-errors.yaml:12:21 levels[0].min: the first level must start at 0 (found 10)',
      'levels-errors.yaml:14:22 levels[2].min: levels must ascend: 40 is not above "mid" (60)',
    ],
  ],
  ['validate-errors', 'list-root.yaml', 2, ['list-root.yaml:1:1 expected a map of keys at the top level, found a list']],
  ['validate-errors', 'multi-document.yaml', 2, ['multi-document.yaml:13:1 more than one YAML document; a file holds exactly one']],
  [
    'validate-errors',
    'proto-keys.yaml',
    2,
    [
      'proto-keys.yaml:15:5 capabilities[0].__proto__: key "__proto__" is not allowed',
      'proto-keys.yaml:16:5 capabilities[0].constructor: key "constructor" is not allowed',
    ],
  ],
  [
    'validate-errors',
    'requires-cycle.yaml',
    2,
    [
      'requires-cycle.yaml:15:15 capabilities[0].requires: requires cycle: a → c → b → a',
      'requires-cycle.yaml:20:19 capabilities[1].requires[1]: unknown capability "nowhere"',
    ],
  ],
  [
    'validate-errors',
    'types-and-missing.yaml',
    2,
    [
      'types-and-missing.yaml:1:5 id: expected lower-case letters, digits and "-"',
      'types-and-missing.yaml:2:10 version: expected a semantic version such as 1.0.0',
      'types-and-missing.yaml:3:20 title.jp: language "jp" is not in languages (en)',
      'types-and-missing.yaml:7:18 scales.yesno.options[0].value: expected a number, found "0"',
      'types-and-missing.yaml:14:13 capabilities[0].weight: must be greater than 0',
      'types-and-missing.yaml:16:9 capabilities[0].questions[0].text: missing required key "text"',
    ],
  ],
  [
    'validate-errors',
    'unknown-key.yaml',
    2,
    [
      'unknown-key.yaml:15:5 capabilities[0].colour: unknown key "colour"',
      'unknown-key.yaml:17:42 capabilities[0].questions[0].wieght: unknown key "wieght"',
    ],
  ],
  [
    'validate-errors',
    'unknown-references.yaml',
    2,
    [
      'unknown-references.yaml:12:9 target: unknown level "top" (known: low, high)',
      'unknown-references.yaml:17:35 capabilities[0].questions[0].scale: unknown scale "agree" (known: yesno)',
      'unknown-references.yaml:19:7 capabilities[0].recommendations.middle: unknown level "middle" (known: low, high)',
    ],
  ],
  [
    'validate-errors',
    'when-errors.yaml',
    2,
    [
      'when-errors.yaml:16:60 capabilities[0].questions[0].when.question: "a2" comes later; a condition may only refer to an earlier question',
      'when-errors.yaml:17:60 capabilities[0].questions[1].when.question: unknown question "zz"',
      'when-errors.yaml:18:72 capabilities[0].questions[2].when.in[1]: 3 is not a value of the scale "yesno" (0, 1)',
      'when-errors.yaml:18:84 capabilities[0].questions[2].when.atMost: 7 is outside the scale "yesno" (0…1)',
    ],
  ],
  [
    'validate-answers',
    'answer-errors.json',
    2,
    [
      'answer-errors.json:4:11 answers.s1: 7 is not on the scale "likelihood" (0, 5, 10)',
      'answer-errors.json:5:5 answers.zz: unknown question "zz"',
    ],
  ],
  [
    'validate-answers',
    'answer-errors.yaml',
    2,
    [
      'answer-errors.yaml:3:7 answers.s1: "n/a" is not allowed for s1',
      'answer-errors.yaml:4:16 answers.s2.value: 3 is not on the scale "delta" (-2, -1, 0, 1, 2)',
      'answer-errors.yaml:5:7 answers.o1: expected a number, "n/a" or a map, found "four"',
      'answer-errors.yaml:6:3 answers.o9: unknown question "o9"',
      'answer-errors.yaml:7:3 answers.O2: unknown question "O2" (did you mean "o2"?)',
    ],
  ],
  ['validate-answers', 'bundled.yaml', 0, []],
  [
    'validate-answers',
    'missing-questionnaire.yaml',
    2,
    [
      'missing-questionnaire.yaml:1:16 questionnaire: questionnaire "no-such-questionnaire" not found (bundled: cxm-playbook, cxm-pulse; a path is relative to the answer file)',
    ],
  ],
  ['validate-answers', 'unknown-top-key.yaml', 2, ['unknown-top-key.yaml:2:1 respondant: unknown key "respondant"']],
  ['validate-answers', 'valid.json', 0, []],
  ['validate-answers', 'valid.yaml', 0, []],
  [
    'validate-answers',
    'version-mismatch.yaml',
    0,
    [
      'version-mismatch.yaml:2:23 questionnaireVersion: warning: answers were given to version 1.0.0; the questionnaire is now 2.3.1-beta.1',
    ],
  ],
];

describe('cxm validate on fixture files', () => {
  it.each(cases)('%s/%s exits %i with the exact problem lines', (folder, file, exitCode, lines) => {
    const result = runCli(['validate', file], { cwd: fixture(folder) });
    expect(result.code).toBe(exitCode);
    const problemLines = result.stderr.split('\n').filter((l) => l !== '' && !l.endsWith('file(s) invalid'));
    expect(problemLines).toEqual(lines);
    expect(result.stderr).not.toMatch(/\n\s+at /); // never a stack trace
  });
});

describe('cxm validate on hostile generated input', () => {
  it('refuses a file over the size limit without reading it', () => {
    const dir = tempDir();
    const file = join(dir, 'huge.yaml');
    writeFileSync(file, `id: x\nnotes: "${'a'.repeat(5 * 1024 * 1024)}"\n`);
    const result = runCli(['validate', file], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('huge.yaml:1:1 file is too large (5,242,896 bytes; the limit is 4,194,304 bytes)');
  });

  it('refuses a binary file, pointing at its first undecodable byte', () => {
    const dir = tempDir();
    // "id:\n" then NUL, 0xFF, NUL: 0xFF can never occur in UTF-8 and sits at line 2, column 2.
    writeFileSync(join(dir, 'image.yaml'), Buffer.from([0x69, 0x64, 0x3a, 0x0a, 0x00, 0xff, 0x00]));
    const result = runCli(['validate', 'image.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('image.yaml:2:2 not UTF-8 text (a binary file or another encoding)');
  });

  it('refuses valid UTF-8 that holds NUL bytes', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'nul.yaml'), 'id: x\ntitle: a\u0000b\n');
    const result = runCli(['validate', 'nul.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('nul.yaml:2:9 not a text file (contains NUL bytes)');
  });

  it('accepts a UTF-8 byte-order mark', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bom.yaml'), `\uFEFFquestionnaire: cxm-playbook\nanswers:\n  jt-1: 3\nquestionnaireVersion: 1.0.0\n`);
    const result = runCli(['validate', 'bom.yaml'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('reports a missing file and keeps checking the others', () => {
    const result = runCli(['validate', 'nope.yaml', 'questionnaires/cxm-playbook.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('nope.yaml:1:1 file not found');
    expect(result.stdout).toContain('✓ questionnaires/cxm-playbook.yaml');
    expect(result.stderr).toContain('1 of 2 file(s) invalid');
  });
});

describe('cxm validate on folders', () => {
  it('checks every questionnaire and answer file below a folder', () => {
    const result = runCli(['validate', 'questionnaires', 'examples']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter((l) => l.startsWith('✓ '))).toEqual([
      expect.stringMatching(/^✓ questionnaires\/cxm-playbook\.yaml \(questionnaire cxm-playbook 2\.0\.0/),
      expect.stringMatching(/^✓ questionnaires\/cxm-pulse\.yaml \(questionnaire/),
      expect.stringMatching(/^✓ questionnaires\/versions\/cxm-playbook-1\.0\.0\.yaml \(questionnaire cxm-playbook 1\.0\.0/),
      expect.stringMatching(/^✓ examples\/acme-2\.0\.0\/it\.yaml \(answers to cxm-playbook/),
      expect.stringMatching(/^✓ examples\/acme-2\.0\.0\/marketing\.yaml/),
      expect.stringMatching(/^✓ examples\/acme-2\.0\.0\/sales\.yaml/),
      expect.stringMatching(/^✓ examples\/acme\/it\.yaml \(answers to cxm-playbook/),
      expect.stringMatching(/^✓ examples\/acme\/marketing\.yaml/),
      expect.stringMatching(/^✓ examples\/acme\/sales\.yaml/),
    ]);
  });

  it('reports every invalid file of a folder, and an empty folder', () => {
    const empty = tempDir();
    const result = runCli(['validate', 'validate-answers', empty], { cwd: fixture() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('validate-answers/answer-errors.yaml:6:3 answers.o9: unknown question "o9"');
    expect(result.stderr).toContain('validate-answers/missing-questionnaire.yaml:1:16 questionnaire:');
    expect(result.stderr).toContain(`${empty}:1:1 the folder holds no .yaml, .yml or .json file`);
  });
});

describe('cxm validate on valid questionnaires', () => {
  it('passes the bundled questionnaire', () => {
    const result = runCli(['validate', 'questionnaires/cxm-playbook.yaml']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /✓ questionnaires\/cxm-playbook\.yaml \(questionnaire cxm-playbook 2\.0\.0: \d+ capabilities, \d+ questions\)/,
    );
  });

  it('passes a second questionnaire unlike the bundled one (0-10 and -2..2 scales, one language)', () => {
    const result = runCli(['validate', fixture('questionnaire-retail/retail-cx.yaml')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('questionnaire retail-cx 2.3.1-beta.1: 2 capabilities, 4 questions');
  });

  it('passes the OWASP SAMM v2 model converted to our format', () => {
    const result = runCli(['validate', fixture('owasp-samm/owasp-samm.yaml')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('questionnaire owasp-samm 2.0.0: 15 capabilities, 90 questions');
  });
});
