import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cxmBin, fixture, repoRoot, runCli } from '../helpers/cli.js';

// SPEC §2: an answer path `-` reads one answer file from standard input. It is named `<stdin>` in
// problems, in respondents[].file and in a diff's sources; a questionnaire path in it is relative to
// the current folder; the file size limit applies; `-` twice is a usage error.

const handWorked = fixture('score-hand-worked');
const ana = readFileSync(fixture('score-hand-worked', 'ana.yaml'), 'utf8');
const twice = 'cxm: "-" (standard input) is given more than once; it holds one answer file\nhint: name the other files by their paths\n';

type Json = Record<string, unknown>;
const withoutTime = ({ generatedAt: _, ...rest }: Json) => rest;

describe('an answer file on standard input', () => {
  it('score -: the same report as from the file, the respondent named <stdin>', () => {
    const piped = runCli(['score', '-', '--format', 'json'], { cwd: handWorked, input: ana });
    const named = runCli(['score', 'ana.yaml', '--format', 'json'], { cwd: handWorked });
    expect([piped.code, named.code]).toEqual([0, 0]);
    const fromStdin: Json = JSON.parse(piped.stdout);
    // Ana leaves e-1 and e-2 unanswered (score-hand-worked).
    expect(fromStdin.respondents).toEqual([{ name: 'Ana', role: 'marketing', file: '<stdin>', unanswered: 2, notApplicable: 0 }]);
    // Per capability too, the respondent's file is <stdin>: otherwise the reports are the same.
    const fromFile: Json = JSON.parse(named.stdout.replaceAll('"file": "ana.yaml"', '"file": "<stdin>"'));
    expect(withoutTime(fromStdin)).toEqual(withoutTime(fromFile));
  });

  it('scores with other files, in the order given', () => {
    const result = runCli(['score', 'ben.yaml', '-', '--format', 'json'], { cwd: handWorked, input: ana });
    expect(result.code).toBe(0);
    const report: Json = JSON.parse(result.stdout);
    expect(report.respondents).toEqual([
      // Ben: e-1, e-2 unanswered (g-2, g-3 hidden, not counted), w-3 and d-1 n/a.
      { name: 'Ben', role: 'marketing', file: 'ben.yaml', unanswered: 2, notApplicable: 2 },
      { name: 'Ana', role: 'marketing', file: '<stdin>', unanswered: 2, notApplicable: 0 },
    ]);
  });

  it('a relative questionnaire path is read from the current folder', () => {
    const result = runCli(['score', '-'], { cwd: repoRoot, input: ana });
    expect(result.stderr).toBe(
      '<stdin>:1:16 questionnaire: questionnaire "questionnaire.yaml" not found (bundled: cxm-playbook, cxm-pulse; a path is relative to the current folder for standard input)\n',
    );
    expect(result.code).toBe(2);
  });

  it('problems are located in <stdin>', () => {
    const input = readFileSync(fixture('score-invalid-answers', 'bad-value.yaml'), 'utf8');
    const result = runCli(['score', '-'], { input });
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      '<stdin>:5:9 answers.jt-2: 7 is not on the scale "agreement" (1, 2, 3, 4, 5)\n<stdin>:6:10 answers.cid-1: "n/a" is not allowed for cid-1\n',
    );
    expect(result.code).toBe(2);
  });

  it('validate -: answers and questionnaires', () => {
    const answers = runCli(['validate', '-'], { cwd: handWorked, input: ana });
    expect(answers).toEqual({ code: 0, stdout: '✓ <stdin> (answers to hand-worked: 7 answered)\n', stderr: '' });
    const questionnaire = runCli(['validate', '-'], { input: readFileSync(fixture('score-hand-worked', 'questionnaire.yaml'), 'utf8') });
    expect(questionnaire.stdout).toBe('✓ <stdin> (questionnaire hand-worked 1.0.0: 4 capabilities, 9 questions)\n');
    expect(questionnaire.code).toBe(0);
  });

  it('diff - after: a JSON report or answers on standard input', () => {
    const q1 = fixture('diff-playbook', '2026-q1.yaml');
    const q2 = fixture('diff-playbook', '2026-q2.yaml');
    const report = runCli(['score', q1, '--format', 'json']).stdout;
    const fromReport = runCli(['diff', '-', q2, '--format', 'json'], { input: report });
    const fromAnswers = runCli(['diff', '-', q2, '--format', 'json'], { input: readFileSync(q1, 'utf8') });
    expect([fromReport.code, fromAnswers.code]).toEqual([0, 0]);
    expect(JSON.parse(fromReport.stdout).before).toMatchObject({ source: '<stdin>', kind: 'report' });
    expect(JSON.parse(fromAnswers.stdout).before).toMatchObject({ source: '<stdin>', kind: 'answers' });
  });

  it.each([
    ['score', ['score', '-', '-']],
    ['score', ['score', '-', 'ben.yaml', '-']],
    ['diff', ['diff', '-', '-']],
    ['validate', ['validate', '-', '-']],
  ])('%s: "-" twice is refused before anything is read (exit 2)', (_command, args) => {
    const result = runCli(args, { cwd: handWorked, input: ana });
    expect(result).toEqual({ code: 2, stdout: '', stderr: twice });
  });

  it('more than 4 MiB is refused with one line', () => {
    const input = `answers:\n${'  # padding\n'.repeat((4 * 1024 * 1024) / 12 + 1)}`;
    const result = runCli(['score', '-'], { input });
    expect(result.stderr).toBe('<stdin>:1:1 standard input is too large (more than 4 MiB read; the limit is 4 MiB)\n');
    expect(result.code).toBe(2);
  });

  it('reading stops at the limit: a stream without end is refused, not read forever', async () => {
    const child = spawn(cxmBin, ['score', '-'], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
    });
    child.stdin.on('error', () => {}); // EPIPE once cxm has stopped reading
    const chunk = Buffer.from('# an endless comment line of a YAML file\n'.repeat(1600));
    let open = true;
    const pump = () => {
      while (open && child.stdin.write(chunk)) {}
    };
    child.stdin.on('drain', pump);
    pump();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    open = false;
    expect(stderr).toBe('<stdin>:1:1 standard input is too large (more than 4 MiB read; the limit is 4 MiB)\n');
    expect(code).toBe(2);
  });
});
