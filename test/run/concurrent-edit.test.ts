import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { cxmBin, repoRoot, tempDir } from '../helpers/cli.js';
import { skipTerminalTests, TmuxSession, waitForFile } from './tmux.js';

/**
 * The answer file edited from outside while `cxm run` has it open (SPEC §8): the edit is merged at
 * the run's next save, never erased; where both changed one answer the run's is kept and the other
 * reported; a file made invalid is left alone and the run saves to a side file.
 */

const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

beforeAll(() => {
  if (!existsSync(join(repoRoot, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
});

function start(dir: string, args: string): TmuxSession {
  rmSync(join(dir, 'exit'), { force: true });
  const session = new TmuxSession(`'${cxmBin}' run ${pinned(args)}; echo EXIT=$? > '${dir}/exit'`, { cwd: dir, width: 120 });
  sessions.push(session);
  return session;
}

// The 47-question walk of cxm-playbook 1.0.0: a resumed file names its own version.
const pinned = (args: string) => (args.includes('--resume') ? args : `cxm-playbook@1.0.0 ${args}`);

const readIfExists = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
const exitCode = async (dir: string) => Number((await waitForFile(() => readIfExists(join(dir, 'exit')))).replace('EXIT=', ''));

/** What an editor does: read the file, change it, write it back. */
function edit(path: string, change: (file: { answers: Record<string, unknown> }) => void): void {
  const file = parse(readFileSync(path, 'utf8'));
  change(file);
  writeFileSync(path, stringify(file));
}

describe.skipIf(skipTerminalTests)('cxm run and a change made to its file from outside', () => {
  it('merges an answer added outside; keeps its own where both changed one, with a notice and in the closing lines', async () => {
    const dir = tempDir('cxm-run-edit-');
    const path = join(dir, 'a.yaml');
    const t = start(dir, '--answers a.yaml --name A --role r --organization o');
    await t.waitFor(/Q 1 of 47 [\s\S]*q Save and quit/);
    t.keys('4', 'Enter');
    await t.waitFor(/Q 2 of 47 [\s\S]*q Save and quit/);

    // While jt-2 is on screen: an editor answers jt-4 and sets jt-2 too (to 1), with a note on jt-1.
    edit(path, (file) => {
      file.answers['jt-4'] = 3;
      file.answers['jt-2'] = 1;
      file.answers['jt-1'] = { value: 4, note: 'from the editor' };
    });
    t.keys('5', 'Enter');
    // jt-4 came from the editor, so the run goes on with jt-3 and then skips jt-4.
    const screen = await t.waitFor(/Q 3 of 47 [\s\S]*q Save and quit/);
    expect(screen).toContain('! a.yaml was changed outside this run; merged in its answers to jt-1, jt-4');
    expect(screen).toContain("! jt-2: kept this run's answer 5; the other change to the file had 1");
    expect(screen).toContain('3/47 answered'); // jt-1, jt-2 and jt-4
    expect(parse(readFileSync(path, 'utf8')).answers).toEqual({
      'jt-1': { value: 4, note: 'from the editor' },
      'jt-2': 5,
      'jt-4': 3,
    });

    t.keys('2', 'Enter');
    const next = await t.waitFor(/Q 5 of 47 [\s\S]*q Save and quit/);
    expect(next).not.toContain('changed outside this run'); // a notice is shown once
    expect(parse(readFileSync(path, 'utf8')).answers).toEqual({
      'jt-1': { value: 4, note: 'from the editor' },
      'jt-2': 5,
      'jt-3': 2,
      'jt-4': 3,
    });
    t.keys('C-c');
    expect(await exitCode(dir)).toBe(130);
    const closing = t.screen({ joined: true });
    expect(closing).toContain('Progress saved (4 of 47 questions answered): a.yaml\n');
    expect(closing).toContain(
      "a.yaml was also changed outside this run; where both changed an answer, this run's was kept:\n" +
        "  jt-2: kept this run's answer 5; the other change to the file had 1\n",
    );
  });

  it('leaves a file made invalid alone and saves to a side file next to it, saying so', async () => {
    const dir = tempDir('cxm-run-edit-');
    const path = join(dir, 'a.yaml');
    const t = start(dir, '--answers a.yaml --name A --role r --organization o');
    await t.waitFor(/Q 1 of 47 [\s\S]*q Save and quit/);
    t.keys('4', 'Enter');
    await t.waitFor(/Q 2 of 47 [\s\S]*q Save and quit/);

    const broken = `${readFileSync(path, 'utf8')}  jt-9: [unfinished\n`;
    writeFileSync(path, broken);
    t.keys('3', 'Enter');
    const screen = await t.waitFor(/Q 3 of 47 [\s\S]*q Save and quit/);
    const side = readdirSync(dir).find((name) => /^a\.cxm-conflict-\d{8}T\d{6}Z\.yaml$/.test(name));
    expect(side, readdirSync(dir).join(', ')).toBeDefined();
    expect(t.screen({ joined: true })).toMatch(
      new RegExp(
        `! a\\.yaml is no longer a valid answer file \\(a\\.yaml:\\d+:\\d+ [^\\n]+\\); it is left as it is and the answers are saved to ${side}`,
      ),
    );
    expect(screen).toContain('Q 3 of 47 (+5 follow-ups)');
    expect(readFileSync(path, 'utf8')).toBe(broken);
    expect(parse(readFileSync(join(dir, side ?? ''), 'utf8')).answers).toEqual({ 'jt-1': 4, 'jt-2': 3 });

    // Later saves go to the same side file while the answer file stays invalid.
    t.keys('2', 'Enter');
    await t.waitFor(/Q 4 of 47 [\s\S]*q Save and quit/);
    expect(parse(readFileSync(join(dir, side ?? ''), 'utf8')).answers).toEqual({ 'jt-1': 4, 'jt-2': 3, 'jt-3': 2 });
    expect(readFileSync(path, 'utf8')).toBe(broken);
    t.keys('C-c');
    expect(await exitCode(dir)).toBe(130);
    const closing = t.screen({ joined: true });
    expect(closing).toContain(`Progress saved (3 of 47 questions answered): ${side}\n`);
    expect(closing).toContain(`a.yaml was invalid and left as it is; this run's answers are in ${side} (merge them by hand)\n`);
  });
});
