import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cxmBin, fixture, repoRoot, runCli, tempDir } from '../helpers/cli.js';
import { skipTerminalTests, TmuxSession, waitForFile } from './tmux.js';

/** `cxm run --groups` end to end: the built binary in a real pseudo-terminal (tmux). Run `npm run build` first. */

const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

beforeAll(() => {
  if (!existsSync(join(repoRoot, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
});

const questionnaire = fixture('run-small/questionnaire.yaml');

function start(dir: string, args: string, size = { width: 80, height: 24 }): TmuxSession {
  rmSync(join(dir, 'exit'), { force: true });
  const session = new TmuxSession(`'${cxmBin}' run ${args}; echo EXIT=$? > '${dir}/exit'`, { cwd: dir, ...size });
  sessions.push(session);
  return session;
}

const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
const exitCode = async (dir: string) => Number((await waitForFile(() => read(join(dir, 'exit')))).replace('EXIT=', ''));
const fileOf = (dir: string): Record<string, unknown> => parse(readFileSync(join(dir, 'ws.yaml'), 'utf8'));

describe.skipIf(skipTerminalTests)('cxm run --groups in a terminal', () => {
  it('reviewing a completed workshop file opens the question list first; Enter goes to the question picked', async () => {
    const dir = tempDir('cxm-workshop-review-');
    const source = readFileSync(fixture('workshop-three-groups', 'workshop.yaml'), 'utf8');
    writeFileSync(
      join(dir, 'ws.yaml'),
      source.replace('../score-hand-worked/questionnaire.yaml', fixture('score-hand-worked', 'questionnaire.yaml')),
    );
    const t = start(dir, '--resume ws.yaml', { width: 100, height: 30 });
    const list = await t.waitFor('Go to a question');
    // The list, not the first question's vote screen.
    expect(list).not.toMatch(/▸ Marketing/);
    expect(list).toContain('Five-point question of weight 3');
    t.keys('Enter');
    await t.waitFor(/Q 1 of .*[\s\S]*Marketing/);
    t.keys('q');
    expect(await exitCode(dir)).toBe(130);
  });

  it('votes for three groups with Backspace and =, discusses, sums up, quits, resumes and finishes', async () => {
    const dir = tempDir('cxm-workshop-e2e-');
    const t = start(
      dir,
      `'${questionnaire}' --groups 'Marketing,Sales,IT' --answers ws.yaml --organization 'Example KK' --facilitator 'Ken Sato'`,
    );
    await t.waitFor(/Q 1 of 3 \(\+1 follow-up\) · Data-driven decisions[\s\S]*▸ Marketing {2}·/);
    t.keys('5', '4');
    await t.waitFor(/Sales {6}4 Agree\n {2}▸ IT/);
    t.keys('BSpace');
    await t.waitFor(/▸ Sales {6}4 Agree/);
    t.keys('3', '1');
    await t.waitFor(/IT {9}1 Strongly disagree[\s\S]*every group has voted/);
    t.keys('Enter');
    // q: 1, .5, 0 → spread 100 ≥ 50.
    await t.waitFor('Marketing 5 · Sales 3 · IT 1 — discuss (spread 100.0)');
    t.keys('e');
    await t.waitFor('Discussion note');
    t.type('IT has no shared inbox');
    t.keys('Enter');
    await t.waitFor(/Note: IT has no shared inbox[\s\S]*⏎ continue/);
    // Esc leaves the note as it was.
    t.keys('e');
    await t.waitFor('Esc keeps it');
    t.type(' and more');
    t.keys('Escape');
    // The discussion screen again, without the prompt (readline tells Esc from a sequence after a pause).
    await t.waitFor(/^(?![\s\S]*Discussion note)[\s\S]*Note: IT has no shared inbox\n[\s\S]*⏎ continue/);
    t.keys('Enter');
    // gate-1 opened gate-2 for Marketing and Sales (3 or more), not for IT.
    await t.waitFor(/Q 1\.1 of 3[\s\S]*IT {9}\(does not see this question\)/);
    t.keys('4', '=');
    await t.waitFor(/Sales {6}4 Agree[\s\S]*every group has voted/);
    t.keys('Enter');
    // Data: Marketing (1 + .75) / 2, Sales (.5 + .75) / 2, IT 0.
    await t.waitFor(/Done: Data-driven decisions[\s\S]*Marketing +87\.5[\s\S]*Sales +62\.5[\s\S]*IT +0\.0[\s\S]*gate-1 \(100\.0\)/);
    t.keys('Enter');
    await t.waitFor(/Q 2 of 3 \(\+1 follow-up\) · Journey teams/);
    t.keys('q');
    expect(await exitCode(dir)).toBe(130);
    // Answered: voted by every group that sees the question.
    expect(t.screen()).toContain('Progress saved (2 of 4 questions answered): ws.yaml');
    expect(fileOf(dir)).toMatchObject({
      groups: [
        { id: 'marketing', name: 'Marketing' },
        { id: 'sales', name: 'Sales' },
        { id: 'it', name: 'IT' },
      ],
      respondent: { organization: 'Example KK' },
      facilitator: 'Ken Sato',
      answers: {
        'gate-1': { votes: { marketing: 5, sales: 3, it: 1 }, note: 'IT has no shared inbox' },
        'gate-2': { votes: { marketing: 4, sales: 4 } },
      },
    });

    // Resumed at the first question not voted by every group; Ctrl-C keeps every confirmed vote.
    const r = start(dir, '--resume ws.yaml');
    await r.waitFor(/Q 2 of 3 \(\+1 follow-up\) · Journey teams 1\/2[\s\S]*▸ Marketing/);
    // g: the list of questions with their status; typing a number jumps there.
    r.keys('g');
    await r.waitFor(/Go to a question[\s\S]*1 +answered[\s\S]*1\.1 +answered[\s\S]*3 +·/);
    r.keys('3', 'Enter');
    await r.waitFor(/Q 3 of 3 \(\+1 follow-up\) · Journey teams 2\/2/);
    r.keys('b');
    await r.waitFor(/Q 2 of 3 \(\+1 follow-up\) · Journey teams 1\/2/);
    r.keys('3', '=', 'Enter');
    await r.waitFor(/Q 3 of 3 \(\+1 follow-up\) · Journey teams 2\/2/);
    r.keys('2', 'C-c');
    expect(await exitCode(dir)).toBe(130);
    expect(fileOf(dir).answers).toMatchObject({ 'team-1': { votes: { marketing: 3, sales: 3, it: 3 } } });
    expect(fileOf(dir).answers).not.toHaveProperty('team-2');

    const f = start(dir, '--resume ws.yaml');
    await f.waitFor(/Q 3 of 3 \(\+1 follow-up\) · Journey teams 2\/2/);
    f.keys('2', 's', '1', 'Enter');
    await f.waitFor(/Done: Journey teams/);
    f.keys('Enter');
    // Sales skipped team-2: it is offered again before the end.
    await f.waitFor(/1 question\(s\) not voted by every group[\s\S]*f finish/);
    f.keys('f');
    // The end screen of any run: the summary, the report written beside the file, a pager offered.
    await f.waitFor(/Report written to ws-report\.md[\s\S]*Open the full report in a pager\?/);
    f.keys('Enter');
    expect(await exitCode(dir)).toBe(0);
    expect(readFileSync(join(dir, 'ws-report.md'), 'utf8')).toContain('IT has no shared inbox');
    const done = fileOf(dir);
    expect(done.completedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(done.answers).toMatchObject({ 'team-2': { votes: { marketing: 2, it: 1 } } });

    // The file scores as three respondents. Overall = mean of data and teams:
    // data: gate-1 q (1 + .5 + 0)/3 = .5, gate-2 (.75 + .75)/2 = .75 → 62.5;
    // teams: team-1 .5, team-2 (.25 + 0)/2 = .125 → 31.25; overall 46.875.
    const score = runCli(['score', 'ws.yaml', '--format', 'json'], { cwd: dir });
    expect(score.code).toBe(0);
    const report = JSON.parse(score.stdout);
    expect(report.overall.score).toBeCloseTo(46.875, 9);
    expect(report.respondents.map((x: { role: string }) => x.role)).toEqual(['marketing', 'sales', 'it']);
  }, 90_000);

  it('holds the workshop file: a second run on it is refused while the first is alive', async () => {
    const dir = tempDir('cxm-workshop-e2e-');
    const first = start(dir, `'${questionnaire}' --groups 'A,B' --answers ws.yaml --organization O --facilitator F --timebox 90m`);
    // The session clock, as in a one-respondent run.
    await first.waitFor(/Q 1 of 3 \(\+1 follow-up\)[\s\S]*0:0\d of 1:30:00 · on pace/);
    first.keys('4', '=', 'Enter');
    await first.waitFor(/Q 1\.1 of 3/);
    const secondDir = tempDir('cxm-workshop-e2e-');
    const second = new TmuxSession(`'${cxmBin}' run --resume '${join(dir, 'ws.yaml')}'; echo EXIT=$? > '${secondDir}/exit'`, { cwd: dir });
    sessions.push(second);
    expect(await exitCode(secondDir)).toBe(2);
    expect(second.screen({ joined: true })).toMatch(/ws\.yaml is (held|being written|locked)/);
    first.keys('q');
    expect(await exitCode(dir)).toBe(130);
    expect(fileOf(dir).answers).toEqual({ 'gate-1': { votes: { a: 4, b: 4 } } });
  }, 60_000);

  it('asks, when no respondent is named, whether one respondent answers or several groups vote', async () => {
    const dir = tempDir('cxm-workshop-e2e-');
    const t = start(dir, `'${questionnaire}' --answers ws.yaml`);
    await t.waitFor(/Who answers\?[\s\S]*One respondent[\s\S]*A group session/);
    t.keys('Down', 'Enter');
    await t.waitFor('Groups, separated by commas');
    t.type('Marketing, Customer Service');
    t.keys('Enter');
    await t.waitFor('Organization');
    t.type('Example KK');
    t.keys('Enter');
    await t.waitFor('Facilitator');
    t.keys('Enter');
    await t.waitFor(/Q 1 of 3 \(\+1 follow-up\)[\s\S]*▸ Marketing +·\n {4}Customer Service {2}·/);
    t.keys('4', '4', 'Enter');
    await t.waitFor(/Q 1\.1 of 3/);
    t.keys('q');
    expect(await exitCode(dir)).toBe(130);
    expect(fileOf(dir)).toMatchObject({
      groups: [
        { id: 'marketing', name: 'Marketing' },
        { id: 'customer-service', name: 'Customer Service' },
      ],
      respondent: { organization: 'Example KK' },
      answers: { 'gate-1': { votes: { marketing: 4, 'customer-service': 4 } } },
    });
    expect(fileOf(dir)).not.toHaveProperty('facilitator');

    const one = tempDir('cxm-workshop-e2e-');
    const single = start(one, `'${questionnaire}' --answers a.yaml`);
    await single.waitFor('Who answers?');
    single.keys('Enter');
    await single.waitFor('Respondent name');
  }, 60_000);

  it('writes no file when interrupted before the first vote', async () => {
    const dir = tempDir('cxm-workshop-e2e-');
    const t = start(dir, `'${questionnaire}' --groups 'A,B' --answers ws.yaml --organization O --facilitator F`);
    await t.waitFor(/Q 1 of 3 \(\+1 follow-up\)[\s\S]*▸ A/);
    t.keys('4', 'C-c');
    expect(await exitCode(dir)).toBe(130);
    expect(t.screen()).toContain('Interrupted before the first answer; nothing was saved.');
    expect(existsSync(join(dir, 'ws.yaml'))).toBe(false);
    expect(readdirSync(dir).filter((name) => name !== 'exit')).toEqual([]);
  }, 60_000);

  it('speaks Japanese at 100×30: three groups, a discussion with a note, the list, Ctrl-C, resume', async () => {
    const dir = tempDir('cxm-workshop-e2e-');
    const groups = 'マーケティング,営業,IT';
    const t = start(dir, `'${questionnaire}' --lang ja --groups '${groups}' --answers ws.yaml --organization O --facilitator F`, {
      width: 100,
      height: 30,
    });
    await t.waitFor(/Q 1 \/ 3（追加質問 \+1） · データに基づく意思決定[\s\S]*▸ マーケティング {2}·[\s\S]*q 保存して終了/);
    t.keys('5', '2', 'BSpace', '3', '1', 'Enter');
    await t.waitFor('マーケティング 5 · 営業 3 · IT 1 — 話し合いましょう (ばらつき 100.0)');
    t.keys('e');
    await t.waitFor('話し合いのメモ');
    t.type('IT には共有の窓口がない');
    t.keys('Enter');
    await t.waitFor(/メモ: IT には共有の窓口がない[\s\S]*⏎ 次へ/);
    t.keys('Enter');
    await t.waitFor(/Q 1\.1 \/ 3[\s\S]*IT +\(この設問は対象外\)/);
    t.keys('4', '=', 'Enter');
    await t.waitFor(/完了: データに基づく意思決定[\s\S]*gate-1 \(100\.0\)/);
    t.keys('Enter');
    await t.waitFor(/Q 2 \/ 3/);
    t.keys('g');
    await t.waitFor('質問の一覧から移動');
    t.keys('Escape');
    await t.waitFor(/^(?![\s\S]*質問の一覧から移動)[\s\S]*Q 2 \/ 3/);
    t.keys('2', 'C-c');
    expect(await exitCode(dir)).toBe(130);
    expect(t.screen()).toContain('途中まで保存しました');
    expect(fileOf(dir)).toMatchObject({
      groups: [
        { id: 'マーケティング', name: 'マーケティング' },
        { id: '営業', name: '営業' },
        { id: 'it', name: 'IT' },
      ],
      lang: 'ja',
      answers: {
        'gate-1': { votes: { マーケティング: 5, 営業: 3, it: 1 }, note: 'IT には共有の窓口がない' },
        'gate-2': { votes: { マーケティング: 4, 営業: 4 } },
      },
    });
    const r = start(dir, '--resume ws.yaml', { width: 100, height: 30 });
    await r.waitFor(/Q 2 \/ 3（追加質問 \+1） · ジャーニーチーム 1\/2[\s\S]*▸ マーケティング/);
    r.keys('q');
    expect(await exitCode(dir)).toBe(130);
  }, 60_000);
});
