import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cxmBin, fixture, tempDir } from '../helpers/cli.js';
import { skipTerminalTests, TmuxSession, waitForFile } from '../run/tmux.js';

// SPEC §4: `cxm run` writes startedAt and completedAt quoted, so that YAML 1.1 readers (PyYAML,
// Ruby, many CI tools) get the string cxm wrote rather than a date.

const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

const stamp = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

describe.skipIf(skipTerminalTests)('timestamps in the answer file cxm run writes', () => {
  it('are double-quoted while unfinished and once completed; a YAML 1.1 reader gets strings', async () => {
    const dir = tempDir('cxm-timestamps-');
    const run = `'${cxmBin}' run '${fixture('run-small/questionnaire.yaml')}' --answers a.yaml --name T --role qa --organization O`;
    const t = new TmuxSession(`${run}; echo EXIT=$? > exit`, { cwd: dir });
    sessions.push(t);
    const path = join(dir, 'a.yaml');
    await t.waitFor(/Q 1 of 3 [\s\S]*q Save and quit/);
    t.keys('1', 'Enter'); // gate-1 = 1 hides gate-2
    await t.waitFor(/Q 2 of 3 [\s\S]*q Save and quit/);
    const unfinished = readFileSync(path, 'utf8');
    expect(unfinished).toMatch(/^startedAt: "[^"\n]+"$/m);
    expect(unfinished).not.toContain('completedAt');
    t.keys('3', 'Enter');
    await t.waitFor(/Q 3 of 3 [\s\S]*q Save and quit/);
    t.keys('5', 'Enter');
    await t.waitFor('Open the full report in a pager?');
    t.keys('Enter');
    const read = () => (existsSync(join(dir, 'exit')) ? readFileSync(join(dir, 'exit'), 'utf8') : undefined);
    expect(await waitForFile(read)).toBe('EXIT=0');

    const text = readFileSync(path, 'utf8');
    const started = /^startedAt: "([^"\n]+)"$/m.exec(text)?.[1];
    const completed = /^completedAt: "([^"\n]+)"$/m.exec(text)?.[1];
    expect(started).toMatch(stamp);
    expect(completed).toMatch(stamp);
    expect(unfinished).toContain(`startedAt: "${started}"`);
    const asYaml11: Record<string, unknown> = parse(text, { version: '1.1' });
    expect(asYaml11.startedAt).toBe(started);
    expect(asYaml11.completedAt).toBe(completed);
  });
});
