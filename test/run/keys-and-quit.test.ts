import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cxmBin, fixture, repoRoot, tempDir } from '../helpers/cli.js';
import { skipTerminalTests, TmuxSession, waitForFile } from './tmux.js';

/**
 * Defects found at a real terminal (issue 14, part 6): digits typed quickly, Ctrl-C before the
 * first answer, the quit lines in Japanese, a small screen with help and a note. `npm run build` first.
 */

const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

beforeAll(() => {
  if (!existsSync(join(repoRoot, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
});

function start(dir: string, args: string, options: { width?: number; height?: number } = {}): TmuxSession {
  rmSync(join(dir, 'exit'), { force: true });
  const session = new TmuxSession(`'${cxmBin}' run cxm-playbook@1.0.0 ${args}; echo EXIT=$? > '${dir}/exit'`, { cwd: dir, ...options });
  sessions.push(session);
  return session;
}

const readIfExists = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
const exitCode = async (dir: string) => Number((await waitForFile(() => readIfExists(join(dir, 'exit')))).replace('EXIT=', ''));
const answersOf = (path: string): Record<string, unknown> => parse(readFileSync(path, 'utf8'));

describe.skipIf(skipTerminalTests)('cxm run keys', () => {
  it('a digit means its option only: 1 1 is option 1, 6 and 9 do nothing on a 5-point scale, the last digit wins', async () => {
    const dir = tempDir('cxm-run-keys-');
    const t = start(dir, '--answers a.yaml --name x --role y --organization z');
    await t.waitFor(/Q 1\b[\s\S]*q Save and quit/);
    t.keys('4', 'Enter');
    await t.waitFor(/Q 2\b[\s\S]*q Save and quit/);
    // One send-keys: the two digits arrive within milliseconds of each other.
    t.keys('1', '1');
    t.keys('Enter');
    await t.waitFor(/Q 3\b[\s\S]*q Save and quit/);
    t.keys('6', '9');
    t.keys('Enter');
    await t.waitFor(/Q 4\b[\s\S]*q Save and quit/);
    t.keys('2', '4');
    t.keys('Enter');
    await t.waitFor(/Q 5\b[\s\S]*q Save and quit/);
    t.keys('C-c');
    expect(await exitCode(dir)).toBe(130);
    // jt-3: 6 and 9 left the cursor on option 1, where it starts.
    expect(answersOf(join(dir, 'a.yaml')).answers).toEqual({ 'jt-1': 4, 'jt-2': 1, 'jt-3': 1, 'jt-4': 4 });
  });

  it('Ctrl-C or quit at the first question writes no file, whether the respondent came from options or was typed in', async () => {
    const dir = tempDir('cxm-run-keys-');
    const t = start(dir, '--answers a.yaml --name x --role y --organization z');
    await t.waitFor(/Q 1\b[\s\S]*q Save and quit/);
    t.keys('C-c');
    expect(await exitCode(dir)).toBe(130);
    expect(t.screen()).toContain('Interrupted before the first answer; nothing was saved.');
    expect(t.screen()).not.toContain('Progress saved');
    expect(existsSync(join(dir, 'a.yaml'))).toBe(false);

    const typed = start(dir, '--answers a.yaml');
    // With no respondent named, the first question is who answers (one respondent, or groups).
    await typed.waitFor('Who answers?');
    typed.keys('Enter');
    await typed.waitFor('Respondent name');
    typed.keys('Enter');
    await typed.waitFor('Role or department');
    typed.keys('Enter');
    await typed.waitFor('Organization');
    typed.keys('Enter');
    await typed.waitFor(/Q 1\b[\s\S]*q Save and quit/);
    typed.keys('s', 'Enter'); // a skip records nothing either
    await typed.waitFor(/Q 2\b[\s\S]*q Save and quit/);
    typed.keys('q', 'Enter');
    expect(await exitCode(dir)).toBe(130);
    expect(typed.screen()).toContain('Interrupted before the first answer; nothing was saved.');
    expect(existsSync(join(dir, 'a.yaml'))).toBe(false);
    // No lock is left behind either: a new run on the same name starts.
    expect(existsSync(join(dir, '.a.yaml.cxm-lock'))).toBe(false);

    // Every question skipped, then "Finish": still nothing to keep.
    rmSync(join(dir, 'exit'), { force: true });
    const skipped = new TmuxSession(
      `'${cxmBin}' run '${fixture('run-small/questionnaire.yaml')}' --answers s.yaml --name x --role y --organization z; echo EXIT=$? > '${dir}/exit'`,
      { cwd: dir },
    );
    sessions.push(skipped);
    for (const n of ['1', '2', '3']) {
      await skipped.waitFor(new RegExp(`Q ${n} of 3 [\\s\\S]*q Save and quit`));
      skipped.keys('s', 'Enter');
    }
    await skipped.waitFor('Finish and show the report');
    skipped.keys('Down', 'Enter');
    expect(await exitCode(dir)).toBe(130);
    expect(skipped.screen()).toContain('nothing was saved');
    expect(existsSync(join(dir, 's.yaml'))).toBe(false);

    // A note alone is worth a file.
    const noted = start(dir, '--answers a.yaml --name x --role y --organization z');
    await noted.waitFor(/Q 1\b[\s\S]*q Save and quit/);
    noted.keys('e', 'Enter');
    await noted.waitFor('? Note');
    noted.type('ask IT');
    noted.keys('Enter');
    await noted.waitFor(/Note: ask IT[\s\S]*q Save and quit/);
    noted.keys('C-c');
    expect(await exitCode(dir)).toBe(130);
    expect(noted.screen()).toContain('Progress saved (0 of 47 questions answered): a.yaml');
    expect(answersOf(join(dir, 'a.yaml')).answers).toEqual({ 'jt-1': { note: 'ask IT' } });
  });

  it('after --lang ja the quit lines are Japanese', async () => {
    const dir = tempDir('cxm-run-keys-');
    const t = start(dir, '--lang ja --answers a.yaml --name x --role y --organization z');
    await t.waitFor(/Q 1\b[\s\S]*q 保存して終了/);
    t.keys('3', 'Enter');
    await t.waitFor(/Q 2\b[\s\S]*q 保存して終了/);
    t.keys('C-c');
    expect(await exitCode(dir)).toBe(130);
    const screen = t.screen();
    expect(screen).toContain('途中まで保存しました（47 問中 1 問回答済み）：a.yaml');
    expect(screen).toContain('続きから再開するには：cxm run --resume a.yaml');
    expect(screen).not.toContain('Progress saved');
    expect(screen).not.toContain('Resume with');

    const none = start(dir, '--lang ja --answers b.yaml --name x --role y --organization z');
    await none.waitFor(/Q 1\b[\s\S]*q 保存して終了/);
    none.keys('C-c');
    expect(await exitCode(dir)).toBe(130);
    expect(none.screen()).toContain('何も保存していません');
  });

  it('at 80x24 with help and a note the options and actions stay on screen; Esc leaves the note as it was', async () => {
    const dir = tempDir('cxm-run-keys-');
    const t = start(dir, '--lang ja --answers a.yaml --name x --role y --organization z', { width: 80, height: 24 });
    await t.waitFor(/Q 1\b[\s\S]*q 保存して終了/);
    t.keys('4', 'Enter');
    await t.waitFor(/Q 2\b[\s\S]*q 保存して終了/);
    t.keys('e', 'Enter');
    await t.waitFor('? メモ');
    const note =
      'マーケティングと営業でオーナーの認識が違う。来月の定例で確認し、ジャーニーの各段階の責任者を一覧にして共有する。IT 部門はまだ関与していない。';
    t.type(note);
    t.keys('Enter');
    await t.waitFor(/メモ: マーケティング[\s\S]*q 保存して終了/);
    t.keys('h', 'Enter');
    const screen = await t.waitFor(/ヘルプ: [\s\S]*q 保存して終了/);
    const lines = screen.replace(/\n+$/, '').split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    expect(lines[0]).toMatch(/^Q 2\b/); // nothing scrolled off the top
    for (const option of [
      '1 まったくそう思わない',
      '5 とてもそう思う',
      'n 該当しない',
      'h ヘルプを隠す',
      'b 前の質問に戻る',
      'q 保存して終了',
    ])
      expect(screen).toContain(option);
    expect(Math.max(...lines.map((l) => stringWidth(l)))).toBeLessThanOrEqual(80);
    // The cursor at the last action still shows the first option.
    t.keys('q');
    const atQuit = await t.waitFor(/❯ q 保存して終了/);
    expect(atQuit).toContain('1 まったくそう思わない');
    t.keys('e', 'Enter');
    await t.waitFor('? メモ');
    t.type(' 追記');
    t.keys('Escape');
    await t.waitFor(/^\? 回答/m); // the question again, after the note prompt
    expect(t.screen()).not.toContain('追記');
    expect(answersOf(join(dir, 'a.yaml')).answers).toEqual({ 'jt-1': 4, 'jt-2': { note } });
    t.keys('C-c');
    expect(await exitCode(dir)).toBe(130);
  });
});
