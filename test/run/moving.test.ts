import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cxmBin, fixture, repoRoot, tempDir } from '../helpers/cli.js';
import { skipTerminalTests, TmuxSession, waitForFile } from './tmux.js';

/** Moving around a session (issue 14, part 4): the `g` list, a review from the list, the clock. `npm run build` first. */

const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

beforeAll(() => {
  if (!existsSync(join(repoRoot, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
});

function start(dir: string, args: string, options: { width?: number; height?: number } = {}): TmuxSession {
  rmSync(join(dir, 'exit'), { force: true });
  const session = new TmuxSession(`'${cxmBin}' run ${args}; echo EXIT=$? > '${dir}/exit'`, { cwd: dir, ...options });
  sessions.push(session);
  return session;
}

const readIfExists = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
const exitCode = async (dir: string) => Number((await waitForFile(() => readIfExists(join(dir, 'exit')))).replace('EXIT=', ''));
const answersOf = (path: string): Record<string, unknown> => parse(readFileSync(path, 'utf8'));

describe.skipIf(skipTerminalTests)('moving around a cxm run', () => {
  it('g lists the questions with their status at 80x24; a typed number jumps there, Esc comes back', async () => {
    const dir = tempDir('cxm-run-move-');
    const t = start(dir, 'cxm-playbook@1.0.0 --answers a.yaml --name x --role y --organization z', { width: 80, height: 24 });
    await t.waitFor(/Q 1 of 47 \(\+5 follow-ups\)[\s\S]*q Save and quit/);
    t.keys('4', 'Enter');
    await t.waitFor(/Q 2 of 47 [\s\S]*q Save and quit/);
    t.keys('s', 'Enter');
    await t.waitFor(/Q 3 of 47 [\s\S]*q Save and quit/);
    t.keys('e', 'Enter');
    await t.waitFor('? Note');
    t.type('ask IT');
    t.keys('Enter');
    await t.waitFor(/Note: ask IT[\s\S]*g Go to a question/);
    t.keys('g', 'Enter');
    const list = await t.waitFor(/\? Go to a question[\s\S]*Esc back/);
    expect(list).toMatch(/ {3}1 {2}answered {2}.*Journey-based teams · We have documented/);
    expect(list).toMatch(/ {3}2 {2}skipped {3}.*Journey-based teams · Every journey stage/);
    expect(list).toMatch(/❯ {2}3 {2}· {9}note {2}Journey-based teams/); // the cursor starts at the current question
    expect(list.split('\n').every((line) => line.length <= 80)).toBe(true);
    t.keys('Escape');
    await t.waitFor(/Q 3 of 47 [\s\S]*Note: ask IT[\s\S]*q Save and quit/);
    t.keys('g', 'Enter');
    await t.waitFor(/\? Go to a question[\s\S]*Esc back/);
    t.keys('2', 'Enter');
    await t.waitFor(/Q 2 of 47 [\s\S]*q Save and quit/);
    t.keys('5', 'Enter');
    // After a jump the run goes on to the next unanswered question: Q 3, which has only a note.
    await t.waitFor(/Q 3 of 47 [\s\S]*q Save and quit/);
    t.keys('q', 'Enter');
    expect(await exitCode(dir)).toBe(130);
    expect(answersOf(join(dir, 'a.yaml')).answers).toEqual({ 'jt-1': 4, 'jt-2': 5, 'jt-3': { note: 'ask IT' } });
  });

  it('a review of a completed file starts from the list; --timebox shows the clock and the pace', async () => {
    const dir = tempDir('cxm-run-move-');
    const questionnaire = fixture('run-small/questionnaire.yaml');
    const first = start(dir, `'${questionnaire}' --answers a.yaml --name x --role y --organization z --timebox 90m`);
    const header = await first.waitFor(/Q 1 of 3 \(\+1 follow-up\)[\s\S]*q Save and quit/);
    expect(header.split('\n')[0]).toMatch(/Data-driven decisions 1\/1 +0:0\d of 1:30:00 · on pace$/);
    for (const [value, next] of [
      ['5', /Q 1\.1 of 3 /],
      ['4', /Q 2 of 3 /],
      ['3', /Q 3 of 3 /],
    ] as const) {
      first.keys(value, 'Enter');
      await first.waitFor(new RegExp(`${next.source}[\\s\\S]*q Save and quit`));
    }
    first.keys('5', 'Enter');
    await first.waitFor('Open the full report in a pager?');
    first.keys('Enter');
    expect(await exitCode(dir)).toBe(0);

    const review = start(dir, '--resume a.yaml');
    await review.waitFor('Review and change answers');
    review.keys('Enter');
    const list = await review.waitFor(/\? Go to a question[\s\S]*Esc back/);
    expect(list).toMatch(/❯ {3}1 {2}answered/);
    expect(list).toMatch(/ {2}1\.1 {2}answered/);
    review.keys('3', 'Enter');
    await review.waitFor(/Q 3 of 3 [\s\S]*Current answer: 5 Strongly agree[\s\S]*q Save and quit/);
    review.keys('1', 'Enter');
    await review.waitFor('Open the full report in a pager?');
    review.keys('Enter');
    expect(await exitCode(dir)).toBe(0);
    expect(answersOf(join(dir, 'a.yaml')).answers).toEqual({ 'gate-1': 5, 'gate-2': 4, 'team-1': 3, 'team-2': 1 });
  });

  it('the clock moves while a question waits, without redrawing the rest', async () => {
    const dir = tempDir('cxm-run-move-');
    const t = start(dir, 'cxm-playbook@1.0.0 --answers a.yaml --name x --role y --organization z --timebox 1m', { width: 80, height: 24 });
    await t.waitFor(/Q 1 of 47 [\s\S]*q Save and quit/);
    t.keys('Down'); // the cursor on option 2: a redraw of the whole screen would put it back on 1
    await t.waitFor(/❯ 2 Disagree/);
    // 1 of 47 answered after 3 s of a 1-minute box is on pace until 47 × 3/60 = 2.35 questions are due.
    const later = await t.waitFor(/0:0[3-9] of 1:00 · /, 10_000);
    expect(later.split('\n')[0]).toMatch(/^Q 1 of 47 \(\+5 follow-ups\) · Journey-based teams 1\/5 +0:0\d of 1:00 · (on pace|\d behind)$/);
    expect(later).toMatch(/❯ 2 Disagree/);
    expect(later.replace(/\n$/, '').split('\n')).toHaveLength(24);
    t.keys('Enter');
    await t.waitFor(/Q 2 of 47 [\s\S]*q Save and quit/);
    t.keys('C-c');
    expect(await exitCode(dir)).toBe(130);
  });

  it('refuses a --timebox that is not a duration', async () => {
    const dir = tempDir('cxm-run-move-');
    const t = start(dir, 'cxm-playbook@1.0.0 --timebox soon');
    expect(await exitCode(dir)).toBe(2);
    expect(t.screen({ joined: true })).toContain('--timebox soon: expected a duration');
  });
});
