import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import stringWidth from 'string-width';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cxmBin, fixture, repoRoot, tempDir } from '../helpers/cli.js';
import { skipTerminalTests, TmuxSession, waitForFile } from './tmux.js';

/** `cxm run` end to end: the built binary in a real pseudo-terminal (tmux). Run `npm run build` first. */

const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

beforeAll(() => {
  if (!existsSync(join(repoRoot, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
});

function start(dir: string, args: string, options: { width?: number; height?: number } = {}): TmuxSession {
  // A session started in the folder of an earlier one must not be judged by that one's exit code.
  rmSync(join(dir, 'exit'), { force: true });
  // These sessions walk through cxm-playbook 1.0.0 (47 questions); 2.0.0 became the bundled default.
  const questionnaire = args.startsWith("'") || args.includes('--resume') ? '' : 'cxm-playbook@1.0.0 ';
  const session = new TmuxSession(`'${cxmBin}' run ${questionnaire}${args}; echo EXIT=$? > '${dir}/exit'`, { cwd: dir, ...options });
  sessions.push(session);
  return session;
}

const readIfExists = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
const exitCode = async (dir: string) => Number((await waitForFile(() => readIfExists(join(dir, 'exit')))).replace('EXIT=', ''));
const answersOf = (path: string): Record<string, unknown> => parse(readFileSync(path, 'utf8'));

describe.skipIf(skipTerminalTests)('cxm run in a terminal', () => {
  it('answers, n/a, note, back; Ctrl-C exits 130 with the saved file and the resume command', async () => {
    const dir = tempDir('cxm-run-e2e-');
    const t = start(dir, `--answers a.yaml --name Test --role qa`);
    await t.waitFor('Organization');
    t.type('ACME KK');
    t.keys('Enter');
    await t.waitFor(/Q 1 of 47 \(\+5 follow-ups\) · Journey-based teams 1\/5[\s\S]*5 Strongly agree/);
    t.keys('4', 'Enter');
    await t.waitFor(/Q 2 of 47 [\s\S]*n Not applicable/);
    t.keys('n', 'Enter');
    await t.waitFor(/Q 3 of 47 [\s\S]*q Save and quit/);
    t.keys('e', 'Enter');
    await t.waitFor('? Note');
    t.type('needs a cross-functional team');
    t.keys('Enter');
    await t.waitFor(/Note: needs a cross-functional team[\s\S]*e Edit the note/);
    t.keys('Down', 'Enter'); // the cursor starts on option 1: Down moves it to 2
    await t.waitFor(/Q 4 of 47 [\s\S]*q Save and quit/);
    t.keys('b', 'Enter');
    await t.waitFor(/Q 3 of 47 [\s\S]*Current answer: 2 Disagree[\s\S]*q Save and quit/);
    t.keys('C-c');
    expect(await exitCode(dir)).toBe(130);
    const screen = t.screen();
    expect(screen).toContain('Progress saved (3 of 47 questions answered): a.yaml');
    expect(screen).toContain('Resume with: cxm run --resume a.yaml');
    const file = answersOf(join(dir, 'a.yaml'));
    expect(file).toMatchObject({
      questionnaire: 'cxm-playbook',
      questionnaireVersion: '1.0.0',
      respondent: { name: 'Test', role: 'qa', organization: 'ACME KK' },
      lang: 'en',
      answers: { 'jt-1': 4, 'jt-2': 'n/a', 'jt-3': { value: 2, note: 'needs a cross-functional team' } },
    });
    expect(file).not.toHaveProperty('completedAt');
    expect(file.startedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('a condition changed on the way back hides the follow-up; resume finishes with the report', async () => {
    const dir = tempDir('cxm-run-e2e-');
    const questionnaire = fixture('run-small/questionnaire.yaml');
    const first = start(dir, `'${questionnaire}' --answers a.yaml --name Test --role qa --organization O`);
    await first.waitFor(/Q 1 of 3 \(\+1 follow-up\) ·[\s\S]*q Save and quit/);
    first.keys('5', 'Enter');
    await first.waitFor(/Q 1\.1 of 3 \(\+1 follow-up\) · Data-driven decisions 2\/2[\s\S]*q Save and quit/);
    first.keys('4', 'Enter');
    await first.waitFor(/Q 2 of 3 \(\+1 follow-up\) · Journey teams 1\/2[\s\S]*q Save and quit/);
    first.keys('b', 'Enter');
    await first.waitFor(/Q 1\.1 of 3 [\s\S]*Current answer: 4 Agree[\s\S]*q Save and quit/);
    first.keys('b', 'Enter');
    await first.waitFor(/Q 1 of 3 [\s\S]*Current answer: 5 Strongly agree[\s\S]*q Save and quit/);
    first.keys('1', 'Enter');
    await first.waitFor(/Q 2 of 3 \(\+1 follow-up\) · Journey teams 1\/2[\s\S]*q Save and quit/);
    first.keys('q', 'Enter');
    expect(await exitCode(dir)).toBe(130);
    expect(answersOf(join(dir, 'a.yaml')).answers).toEqual({ 'gate-1': 1, 'gate-2': 4 });

    const resumed = start(dir, `--resume a.yaml --report report.md`);
    await resumed.waitFor(/Q 2 of 3 \(\+1 follow-up\) · Journey teams 1\/2[\s\S]*q Save and quit/);
    resumed.keys('3', 'Enter');
    await resumed.waitFor(/Q 3 of 3 [\s\S]*q Save and quit/);
    resumed.keys('5', 'Enter');
    const screen = await resumed.waitFor('Open the full report in a pager?');
    resumed.keys('Enter'); // no: the summary on screen is enough
    expect(await exitCode(dir)).toBe(0);
    expect(screen).toContain('Answers saved to a.yaml');
    // gate-1 = 1 → 0; team-1 = 3 → 0.5, team-2 = 5 → 1: Data 0.0, Journey teams 75.0, overall 37.5.
    expect(screen).toMatch(/Journey teams[^\n]*75\.0/);
    expect(screen).toContain('37.5');
    expect(screen).toContain('Report written to report.md');
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toContain('37.5');
    const file = answersOf(join(dir, 'a.yaml'));
    expect(file.answers).toEqual({ 'gate-1': 1, 'gate-2': 4, 'team-1': 3, 'team-2': 5 });
    expect(file.completedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(file.questionnaire).toBe(relative(dir, questionnaire));

    // A completed file offers a review; "Show the report" changes nothing.
    const again = start(dir, `--resume a.yaml`);
    await again.waitFor('Show the report');
    again.keys('Down', 'Down', 'Enter');
    expect(await again.waitFor('Open the full report in a pager?')).toContain('37.5');
    again.keys('Enter');
    expect(await exitCode(dir)).toBe(0);
    expect(answersOf(join(dir, 'a.yaml')).completedAt).toBe(file.completedAt);
  });

  it('renders Japanese statements and labels wrapped within 80 columns', async () => {
    const dir = tempDir('cxm-run-e2e-');
    const t = start(dir, `--lang ja --answers a.yaml --name 田中 --role marketing --organization 例`, { width: 80, height: 30 });
    const screen = await t.waitFor(/Q 1 \/ 47（追加質問 \+5） · カスタマージャーニー起点のチーム体制 1\/5[\s\S]*5 とてもそう思う/);
    expect(screen).toContain('1 まったくそう思わない');
    expect(screen).toContain('s スキップ（後で回答）');
    expect(screen).not.toContain('n 該当しない'); // jt-1 has allowNA: false
    const lines = screen.split('\n');
    // No line was wrapped by the terminal: each fits in 80 columns, and joining wrapped lines changes nothing.
    expect(Math.max(...lines.map((l) => stringWidth(l)))).toBeLessThanOrEqual(80);
    expect(t.screen({ joined: true })).toBe(screen);
    const statement = lines
      .filter((l) => l.startsWith('  ') && !/^\s+[0-9nsehbq] /.test(l))
      .map((l) => l.trim())
      .join('');
    expect(statement).toContain(
      '自社を初めて知る段階から契約更新までのカスタマージャーニーの各段階を文書化しており、全社で同じ段階定義を使っている。',
    );
    expect(lines.some((l) => /^\s+[、。）」]/.test(l))).toBe(false);
    t.keys('h', 'Enter');
    await t.waitFor('ヘルプ: 根拠の例');
    t.keys('C-c');
    expect(await exitCode(dir)).toBe(130);
  });

  it('names the file after the date and respondent, never replacing an existing one', async () => {
    const dir = tempDir('cxm-run-e2e-');
    const taken = `answers-${new Date().toISOString().slice(0, 10)}-aiko-tanaka`;
    writeFileSync(join(dir, `${taken}.yaml`), 'keep me\n');
    const t = start(dir, `--name 'Aiko Tanaka' --role qa --organization O`);
    await t.waitFor(/Q 1 of 47 [\s\S]*q Save and quit/);
    t.keys('3', 'Enter'); // the file is written at the first answer
    await t.waitFor(/Q 2 of 47 [\s\S]*q Save and quit/);
    t.keys('C-c');
    expect(await exitCode(dir)).toBe(130);
    expect(t.screen()).toContain(`Resume with: cxm run --resume ${taken}-2.yaml`);
    expect(readFileSync(join(dir, `${taken}.yaml`), 'utf8')).toBe('keep me\n');
    expect(answersOf(join(dir, `${taken}-2.yaml`))).toMatchObject({ respondent: { name: 'Aiko Tanaka' }, answers: { 'jt-1': 3 } });
  });

  it('Ctrl-C before the first answer saves nothing; SIGINT from outside quits like Ctrl-C', async () => {
    const dir = tempDir('cxm-run-e2e-');
    const t = start(dir, `--answers a.yaml --name x`);
    await t.waitFor('Role or department');
    t.keys('C-c');
    expect(await exitCode(dir)).toBe(130);
    expect(t.screen()).toContain('Interrupted before the first answer; nothing was saved.');
    expect(existsSync(join(dir, 'a.yaml'))).toBe(false);

    const dir2 = tempDir('cxm-run-e2e-');
    const t2 = start(dir2, `--answers a.yaml --name x --role y --organization z`);
    await t2.waitFor(/Q 1 of 47 [\s\S]*q Save and quit/);
    t2.keys('2', 'Enter');
    await t2.waitFor(/Q 2 of 47 [\s\S]*q Save and quit/);
    // The pane's shell has one child, cxm's node (matched by parent, not by name: Node 24 names its
    // main thread, which pgrep would match instead of "node"). A pid of 0 would signal this very
    // process group, the test runner included.
    const children = spawnSync('pgrep', ['-P', String(t2.panePid())], { encoding: 'utf8' })
      .stdout.trim()
      .split('\n');
    const node = Number(children[0]);
    expect(children.length === 1 && node > 0, `one child of the pane's shell, found ${JSON.stringify(children)}`).toBe(true);
    process.kill(node, 'SIGINT');
    expect(await exitCode(dir2)).toBe(130);
    expect(t2.screen()).toContain('Resume with: cxm run --resume a.yaml');
    expect(answersOf(join(dir2, 'a.yaml')).answers).toEqual({ 'jt-1': 2 });
  });

  it('refuses to overwrite an existing --answers file', async () => {
    const dir = tempDir('cxm-run-e2e-');
    const t = start(dir, `--answers '${fixture('run-small/questionnaire.yaml')}' --name x --role y --organization z`);
    expect(await exitCode(dir)).toBe(2);
    expect(t.screen({ joined: true })).toContain('already exists; cxm run never overwrites an answer file');
  });
});

describe('cxm run without a terminal', () => {
  it('exits 2 at once, pointing to cxm score', () => {
    const started = Date.now();
    // cxm as npm links it, on the PATH: the hint names it so.
    const bin = tempDir('cxm-bin-');
    symlinkSync(cxmBin, join(bin, 'cxm'));
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` };
    const result = spawnSync(cxmBin, ['run'], { stdio: 'pipe', encoding: 'utf8', timeout: 10_000, env });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('cxm run is interactive and needs a terminal');
    expect(result.stderr).toContain('hint: to score an answer file without a terminal, use: cxm score <answers.yaml>');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
