import { writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, tempDir } from '../helpers/cli.js';

/*
 * SPEC §8: text from files never reaches a terminal, a CSV cell or a message with its control
 * characters or escape sequences intact, and bidi overrides are neutralised in every format.
 * The fixture's questionnaire and answers carry OSC (retitle), CSI (clear), a C1 CSI and bidi
 * controls in every text; each output is searched for any of them raw.
 */

// Tab and newline are text; CR is allowed only as the CSV's own line ending.
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;
const hostile = fixture('hostile-text');
const eve = join(hostile, 'eve.yaml');

describe('hostile text in questionnaires and answers', () => {
  it.each([
    ['text', 'Journey\\u001B]0;PWN\\u0007 teams'],
    // Markdown escapes the backslash and the bracket too: it renders as the text line does.
    ['markdown', 'Journey\\\\u001B\\]0;PWN\\\\u0007 teams'],
    ['html', 'Journey\\u001B]0;PWN\\u0007 teams'],
    ['csv', 'Eve\\u001B]0;PWN\\u0007,ops\\u202E'],
  ])('--format %s shows every text escaped, none raw', (format, shown) => {
    const result = runCli(['score', eve, '--format', format, '--detail']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(RAW_CONTROL);
    // Shown, not dropped: the reader sees that something was there.
    expect(result.stdout).toContain(shown);
  });

  it('--format json escapes them as JSON does, so parsing gives back the exact strings', () => {
    const result = runCli(['score', eve, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(RAW_CONTROL);
    const report = JSON.parse(result.stdout);
    expect(report.capabilities[0].title).toBe('Journey\u001b]0;PWN\u0007 teams');
    expect(report.respondents[0].role).toBe('ops\u202e');
  });

  it.each(['xlsx', 'pptx'])('--format %s holds no raw control character in any part of the package', (format) => {
    const out = join(tempDir(), `r.${format}`);
    const result = runCli(['score', eve, '--format', format, '--out', out, '--quiet']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const parts = unzipSync(readFileSync(out));
    const xml = Object.entries(parts).filter(([name]) => name.endsWith('.xml'));
    expect(xml.length).toBeGreaterThan(3);
    for (const [name, bytes] of xml) expect(`${name}: ${strFromU8(bytes)}`).not.toMatch(RAW_CONTROL);
    expect(xml.some(([, bytes]) => strFromU8(bytes).includes('Journey\\u001B]0;PWN\\u0007 teams'))).toBe(true);
  });

  it('cxm diff, in every format, and its regression lines on stderr', () => {
    const dir = tempDir();
    const after = join(dir, 'after.yaml');
    writeFileSync(
      after,
      readFileSync(eve, 'utf8')
        .replace('q1: { value: 3,', 'q1: { value: 1,')
        .replace('./questionnaire.yaml', join(hostile, 'questionnaire.yaml')),
    );
    for (const format of ['text', 'markdown', 'html', 'json']) {
      const result = runCli(['diff', eve, after, '--format', format, '--detail', '--fail-on-regression']);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout).not.toMatch(RAW_CONTROL);
      expect(result.stderr).not.toMatch(RAW_CONTROL);
      expect(result.stderr).toContain('Journey\\u001B]0;PWN\\u0007 teams');
    }
  });

  it('an answer key with escapes is one error line with the key escaped (cxm validate)', () => {
    const dir = tempDir();
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'questionnaire: cxm-playbook\nanswers:\n  "e1\\e]0;PWN\\a\\e[2J": 3\n');
    const result = runCli(['validate', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(RAW_CONTROL);
    expect(result.stderr.split('\n')[0]).toBe(
      `${file}:3:3 answers["e1\\u001b]0;PWN\\u0007\\u001b[2J"]: unknown question "e1\\u001B]0;PWN\\u0007\\u001B[2J"`,
    );
  });

  it('a file name with escapes and a newline stays on its one line, escaped', () => {
    const dir = tempDir();
    const name = 'x\u001b[2J\nfake.yaml';
    const result = runCli(['validate', name], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(RAW_CONTROL);
    expect(result.stderr).toContain('x\\u001B[2J\\u000Afake.yaml');
  });

  it('a gate failure names the hostile capability escaped', () => {
    const result = runCli(['score', eve, '--min-level', '*=defined', '--quiet']);
    // 50 reaches Defined: the gate passes; a higher bar fails and names the capability.
    expect(result.code).toBe(0);
    const failed = runCli(['score', eve, '--fail-under', '90', '--min-level', 'journey=defined', '--quiet']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).not.toMatch(RAW_CONTROL);
  });
});
