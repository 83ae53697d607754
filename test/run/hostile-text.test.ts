import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cxmBin, fixture, tempDir } from '../helpers/cli.js';
import { skipTerminalTests, TmuxSession } from './tmux.js';

/*
 * SPEC §8 in a real terminal: a questionnaire whose statement, help and scale labels carry OSC
 * (retitle) and CSI (clear) sequences, and an answer file whose note does, are shown escaped.
 * tmux obeys OSC 0 by setting the pane title, so an escape that got through would show there.
 */

const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

const questionnaire = fixture('hostile-text', 'questionnaire.yaml');
const RAW = /\u001b\]|\u0007/;

function start(dir: string, args: string): TmuxSession {
  const session = new TmuxSession(`'${cxmBin}' run ${args}`, { cwd: dir, width: 100, height: 40 });
  sessions.push(session);
  return session;
}

describe.skipIf(skipTerminalTests)('hostile text in cxm run', () => {
  it('shows the statement, help and labels escaped and leaves the terminal title alone', async () => {
    const dir = tempDir('cxm-hostile-run-');
    const t = start(dir, `'${questionnaire}' --answers a.yaml --name Eve --role ops --organization Org`);
    const titleBefore = t.paneTitle();
    const screen = await t.waitFor('Yes\\u202Eexe.txt');
    expect(screen).toContain('We map the journey\\u001B[2J together.');
    expect(screen).toContain('No\\u001B[2J');
    expect(screen).toContain('Partly\\u009B2J');
    expect(screen).toContain('Yes\\u202Eexe.txt');
    expect(screen).toContain('Journey\\u001B]0;PWN\\u0007 teams');
    t.keys('h', 'Enter');
    const withHelp = await t.waitFor('Help\\u001B]0;PWN\\u0007 text');
    expect(withHelp).not.toMatch(RAW);
    expect(t.paneTitle()).toBe(titleBefore);
    expect(t.paneTitle()).not.toContain('PWN');
  });

  it('shows a hostile note escaped, both on the screen and in the note being edited', async () => {
    const dir = tempDir('cxm-hostile-note-');
    const answers = join(dir, 'eve.yaml');
    writeFileSync(
      answers,
      readFileSync(fixture('hostile-text', 'eve.yaml'), 'utf8').replace('./questionnaire.yaml', questionnaire).replace('  q2: 1\n', ''),
    );
    const t = start(dir, `--resume eve.yaml`);
    const titleBefore = t.paneTitle();
    // Resumed at the unanswered q2; back to q1, which holds the note.
    await t.waitFor('Handovers follow');
    t.keys('b', 'Enter');
    const screen = await t.waitFor('Looks fine\\u001B]0;PWN\\u0007');
    expect(screen).not.toMatch(RAW);
    t.keys('e', 'Enter');
    const editing = await t.waitFor(/Note.*Looks fine/s);
    expect(editing).toContain('Looks fine\\u001B]0;PWN\\u0007');
    expect(t.paneTitle()).toBe(titleBefore);
  });
});
