import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli.js';

const pkg: { version: string } = JSON.parse(readFileSync(`${repoRoot}/package.json`, 'utf8'));

describe('cxm list', () => {
  it('shows the bundled questionnaire with its counts and languages', () => {
    const result = runCli(['list', '--json']);
    expect(result.code).toBe(0);
    const listed: { id: string; languages: string[]; capabilities: number; questions: number }[] = JSON.parse(result.stdout);
    const playbook = listed.find((q) => q.id === 'cxm-playbook');
    expect(playbook?.languages).toEqual(['en', 'ja']);
    expect(playbook?.capabilities).toBeGreaterThanOrEqual(8);
    expect(playbook?.questions).toBeGreaterThanOrEqual(8 * 4);
  });

  it('shows every bundled version: the latest of each id, then its earlier ones', () => {
    const result = runCli(['list', '--json']);
    expect(result.code).toBe(0);
    const listed: { id: string; version: string; capabilities: number; questions: number }[] = JSON.parse(result.stdout);
    expect(listed.map((q) => [q.id, q.version, q.capabilities, q.questions])).toEqual([
      ['cxm-playbook', '2.0.0', 10, 67],
      ['cxm-playbook', '1.0.0', 9, 52],
      ['cxm-pulse', '1.0.0', 10, 10],
    ]);
  });

  it('prints a table with the title in the chosen language', () => {
    const result = runCli(['list', '--lang', 'ja']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/cxm-playbook.*2\.0\.0.*アセスメント.*en, ja/);
    expect(result.stdout).toMatch(/cxm-playbook.*1\.0\.0.*アセスメント.*en, ja/);
    expect(result.stdout).not.toMatch(/\u001b\[/);
  });
});

describe('cxm schema', () => {
  it.each(['questionnaire', 'answers', 'report', 'diff'])('prints the draft-07 schema of %s, identical to the committed file', (kind) => {
    const result = runCli(['schema', kind]);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(result.stdout).toBe(readFileSync(`${repoRoot}/schemas/${kind}.schema.json`, 'utf8'));
  });

  it('rejects an unknown kind with exit 2', () => {
    const result = runCli(['schema', 'bogus']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("error: command-argument value 'bogus' is invalid for argument 'kind'");
  });

  it('is referenced by the bundled questionnaire modeline', () => {
    const first = readFileSync(`${repoRoot}/questionnaires/cxm-playbook.yaml`, 'utf8').split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=../schemas/questionnaire.schema.json');
  });
});

describe('help, version and usage errors', () => {
  it('prints the version from package.json', () => {
    const result = runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(pkg.version);
  });

  it.each(['run', 'score', 'diff', 'validate', 'list', 'schema'])('gives examples in the help of %s', (command) => {
    const result = runCli([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Examples:');
    expect(result.stdout).toContain(`$ cxm ${command}`);
  });

  it('exits 2 on an unknown command or option, without a stack trace', () => {
    const unknownCommand = runCli(['bogus']);
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toContain("error: unknown command 'bogus'");
    const unknownOption = runCli(['validate', '--frobnicate', 'x.yaml']);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain("error: unknown option '--frobnicate'");
    expect(unknownOption.stderr).not.toMatch(/\n\s+at /);
  });
});
