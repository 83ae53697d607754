import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cxmBin, fixture, repoRoot, tempDir } from '../helpers/cli.js';
import { skipTerminalTests, TmuxSession, waitForFile } from './tmux.js';

/**
 * The end of a session at a projector (issue 14, part 5): one screen of summary, the full report in
 * a file and, on request, in a pager; `--report` remembered in the answer file. `npm run build` first.
 */

const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

beforeAll(() => {
  if (!existsSync(join(repoRoot, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
});

function start(dir: string, args: string, options: { width?: number; height?: number; env?: string } = {}): TmuxSession {
  rmSync(join(dir, 'exit'), { force: true });
  const env = options.env ?? 'env -u PAGER';
  const session = new TmuxSession(`${env} '${cxmBin}' run ${args}; echo EXIT=$? > '${dir}/exit'`, { cwd: dir, ...options });
  sessions.push(session);
  return session;
}

const readIfExists = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
const exitCode = async (dir: string) => Number((await waitForFile(() => readIfExists(join(dir, 'exit')))).replace('EXIT=', ''));

/** Priya's answers (examples/acme/it.yaml) with the last one still open. */
function almostDone(dir: string): void {
  const text = readFileSync(join(repoRoot, 'examples/acme/it.yaml'), 'utf8')
    .replace(/^# yaml-language-server.*\n/m, '')
    .replace(/^completedAt:.*\n/m, '')
    .replace(/^ {2}cul-6: 2\n/m, '');
  writeFileSync(join(dir, 'it.yaml'), text);
}

describe.skipIf(skipTerminalTests)('the end of a cxm run', () => {
  it('fits one 80x24 screen: overall, every capability, where the report went; the full report only in the file and the pager', async () => {
    const dir = tempDir('cxm-run-end-');
    almostDone(dir);
    const t = start(dir, '--resume it.yaml', { width: 80, height: 24, env: `PAGER='cat > paged.txt'` });
    await t.waitFor(/Q 47 of 47 [\s\S]*q Save and quit/);
    t.keys('2', 'Enter');
    const screen = await t.waitFor('Open the full report in a pager? (y/N)');
    const lines = screen.replace(/\n+$/, '').split('\n');
    expect(lines[0]).toBe('CXM Playbook maturity assessment');
    // The same figures as `cxm score examples/acme/it.yaml`: cul-6 is 2 again.
    expect(lines[1]).toBe('Overall score: 32.2 Developing  (Target: Managed)');
    expect(screen).toMatch(/ {2}Journey-based teams +29\.2 {2}Developing +███░░░░░░░/);
    expect(screen).toMatch(/ {2}Customer-centric culture and leadership +37\.5 {2}Developing/);
    expect(lines.filter((l) => /\d+\.\d {2}\S/.test(l))).toHaveLength(9);
    expect(screen).toContain('Report written to it-report.md');
    expect(screen).toContain('Answers saved to it.yaml');
    expect(lines.length).toBeLessThanOrEqual(24);
    // Nothing of the long report went past the room: not on screen, not in the scroll-back.
    const history = t.screen({ history: true });
    for (const part of ['Next steps', 'Roadmap', 'Strengths']) expect(history).not.toContain(part);

    t.keys('y', 'Enter');
    expect(await exitCode(dir)).toBe(0);
    const paged = readFileSync(join(dir, 'paged.txt'), 'utf8');
    expect(paged).toContain('Roadmap');
    expect(paged).toContain('Support agents can refund up to 200 EUR'); // with the notes of the per-question detail
    const written = readFileSync(join(dir, 'it-report.md'), 'utf8');
    expect(written).toContain('32.2');
    expect(written).toContain('Support agents can refund up to 200 EUR without approval');
  });

  it('remembers --report in the answer file (relative to it) and writes there on resume; the end speaks Japanese', async () => {
    const dir = tempDir('cxm-run-end-');
    mkdirSync(join(dir, 'answers'));
    const questionnaire = fixture('run-small/questionnaire.yaml');
    const first = start(dir, `'${questionnaire}' --answers answers/a.yaml --report r.md --name x --role y --organization z`);
    await first.waitFor(/Q 1 of 3 [\s\S]*q Save and quit/);
    first.keys('1', 'Enter');
    await first.waitFor(/Q 2 of 3 [\s\S]*q Save and quit/);
    first.keys('q', 'Enter');
    expect(await exitCode(dir)).toBe(130);
    const saved = parse(readFileSync(join(dir, 'answers/a.yaml'), 'utf8'));
    expect(saved.report).toBe('../r.md');
    expect(existsSync(join(dir, 'r.md'))).toBe(false);

    const resumed = start(dir, '--resume answers/a.yaml --lang ja');
    await resumed.waitFor(/Q 2 \/ 3[\s\S]*q 保存して終了/);
    resumed.keys('3', 'Enter');
    await resumed.waitFor(/Q 3 \/ 3[\s\S]*q 保存して終了/);
    resumed.keys('5', 'Enter');
    // gate-1 = 1 → 0; team-1 = 3 → 0.5, team-2 = 5 → 1: data 0.0, teams 75.0, overall 37.5.
    const screen = await resumed.waitFor('詳しいレポートをページャーで開きますか？');
    expect(screen).toContain('総合スコア: 37.5');
    expect(screen).toContain('レポートを保存しました：r.md');
    expect(screen).toContain('回答を保存しました：answers/a.yaml');
    resumed.keys('Enter');
    expect(await exitCode(dir)).toBe(0);
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toContain('37.5');
    expect(existsSync(join(dir, 'answers/a-report.md'))).toBe(false);
  });
});
