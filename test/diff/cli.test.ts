import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffReportSchema } from '../../src/model/diff-report.js';
import { runCli, tempDir } from '../helpers/cli.js';

// End to end on the built binary (`npm test` builds first).
const rel = (...parts: string[]) => join('test/fixtures', ...parts);
const q1 = rel('diff-playbook', '2026-q1.yaml');
const q2 = rel('diff-playbook', '2026-q2.yaml');
const v1 = rel('diff-versions', 'answers-v1.yaml');
const v2 = rel('diff-versions', 'answers-v2.yaml');
const widest = (text: string) => Math.max(...text.split('\n').map((l) => stringWidth(l)));

describe('cxm diff on answer files', () => {
  it('prints a table of capability changes that fits 80 columns', () => {
    const { code, stdout, stderr } = runCli(['diff', q1, q2]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`before: ${q1} (1.0.0, 1 respondent)`);
    expect(stdout).toMatch(/│ Journey-based teams +│ +29\.2 │ +62\.5 │ +▲ \+33\.3 │ Developing → +│/);
    expect(stdout).toMatch(/│ Customer-success +│ +70\.8 │ +55\.0 │ +▼ -15\.8 │ Managed → Defined +│/);
    expect(stdout).toMatch(/│ Personalisation and +│ +— │ +25\.0 │ +\+ new │/);
    expect(stdout).toMatch(/│ Privacy and trust +│ +— │ +— │ · not assessed │/);
    expect(stdout).toMatch(/│ Overall +│ +50\.0 │ +48\.5 │ +▼ -1\.5 │ Defined +│/);
    expect(stdout).toContain('▲ 1 improved  ▼ 1 regressed  = 2 unchanged  + 1 new  · 4 not assessed');
    expect(stdout).not.toContain('Changed answers');
    expect(widest(stdout)).toBeLessThanOrEqual(80);
  });

  it('keeps 80 columns in colour, and colours the arrows', () => {
    const { stdout } = runCli(['diff', q1, q2, '--detail'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(stdout).toContain('\u001b[32m▲ +33.3\u001b[39m');
    expect(stdout).toContain('\u001b[31m▼ -15.8\u001b[39m');
    expect(widest(stdout)).toBeLessThanOrEqual(80);
  });

  it('lists the changed answers with values and notes under --detail', () => {
    const { code, stdout } = runCli(['diff', q1, q2, '--detail']);
    expect(code).toBe(0);
    expect(stdout).toContain('Changed answers (9)');
    expect(stdout).toMatch(/│ kpi-3 │ We measure customer loyalty +│ +4 │ +2 │ +-50\.0 │/);
    expect(stdout).toContain('before note: NPS reviewed monthly');
    expect(stdout).toContain('after note: NPS survey paused after');
    expect(stdout).toMatch(/│ kpi-4 │ .* │ +3 │ hidden │ +— │/);
    expect(stdout).toMatch(/│ per-1 │ .* │ unanswered │ +2 │ +— │/);
    expect(widest(stdout)).toBeLessThanOrEqual(80);
  });

  it('speaks Japanese with --lang ja', () => {
    const { stdout } = runCli(['diff', q1, q2, '--lang', 'ja']);
    expect(stdout).toContain('アセスメント比較: CXMプレイブック成熟度アセスメント');
    expect(stdout).toContain('▲ 1 向上');
    expect(widest(stdout)).toBeLessThanOrEqual(80);
  });

  it('compares folders of answer files (several respondents: mean scores, no single values)', () => {
    const dir = tempDir();
    const write = (folder: string, name: string, answers: string) => {
      mkdirSync(join(dir, folder), { recursive: true });
      writeFileSync(join(dir, folder, name), `questionnaire: cxm-playbook\nanswers: ${answers}\nquestionnaireVersion: 1.0.0\n`);
    };
    write('before', 'sales.yaml', '{ jt-1: 1, jt-2: 3 }');
    write('before', 'support.yaml', '{ jt-1: 3, jt-2: 3 }');
    write('after', 'sales.yaml', '{ jt-1: 5, jt-2: 3 }');
    write('after', 'support.yaml', '{ jt-1: 3, jt-2: 3 }');
    const { code, stdout, stderr } = runCli(['diff', join(dir, 'before'), join(dir, 'after'), '--format', 'json', '--detail']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const diff = diffReportSchema.parse(JSON.parse(stdout));
    expect(diff.before.respondents).toBe(2);
    expect(diff.capabilities[0]).toMatchObject({ id: 'journey-teams', before: 37.5, after: 62.5, delta: 25, status: 'improved' });
    expect(diff.questions).toEqual([
      {
        id: 'jt-1',
        capability: 'journey-teams',
        text: expect.stringContaining('We have documented the stages'),
        before: { score: 25, respondents: 2, counted: 2 },
        after: { score: 75, respondents: 2, counted: 2 },
        delta: 50,
      },
    ]);
  });
});

describe('cxm diff --fail-on-regression', () => {
  it('exits 1 naming each regression with before → after, and still prints the report', () => {
    const { code, stdout, stderr } = runCli(['diff', q1, q2, '--fail-on-regression']);
    expect(code).toBe(1);
    expect(stdout).toContain('Journey-based teams');
    expect(stderr).toBe(
      [
        'cxm: 2 regression(s) beyond ±0.5 points:',
        '  regressed: customer-success-kpis (Customer-success KPIs): 70.8 → 55.0 (-15.8, Managed → Defined)',
        '  regressed: overall: 50.0 → 48.5 (-1.5, Defined)',
        '',
      ].join('\n'),
    );
  });

  it('exits 0 when nothing regressed beyond the tolerance', () => {
    expect(runCli(['diff', q1, q2, '--fail-on-regression', '--tolerance', '16', '--quiet'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(runCli(['diff', q1, q1, '--fail-on-regression'])).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('cxm diff on JSON reports', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    for (const [name, file] of [
      ['q1', q1],
      ['q2', q2],
    ] as const) {
      const made = runCli(['score', file, '--format', 'json', '--detail', '--out', join(dir, `${name}.json`), '--quiet']);
      expect(made.code).toBe(0);
    }
    runCli(['score', q1, '--format', 'json', '--out', join(dir, 'q1-plain.json'), '--quiet']);
  });

  it('gives the same diff as the answer files they were scored from', () => {
    const fromReports = runCli(['diff', join(dir, 'q1.json'), join(dir, 'q2.json'), '--format', 'json', '--detail']);
    const fromAnswers = runCli(['diff', q1, q2, '--format', 'json', '--detail']);
    expect(fromReports.stderr).toBe('');
    expect(fromReports.code).toBe(0);
    const a = diffReportSchema.parse(JSON.parse(fromReports.stdout));
    const b = diffReportSchema.parse(JSON.parse(fromAnswers.stdout));
    expect(a.before.kind).toBe('report');
    expect(b.before.kind).toBe('answers');
    expect(a.capabilities).toEqual(b.capabilities);
    expect(a.overall).toEqual(b.overall);
    expect(a.questions).toEqual(b.questions);
    expect(a.questions?.map((q) => q.id)).toEqual(['jt-1', 'jt-2', 'jt-3', 'jt-5', 'kpi-2', 'kpi-3', 'kpi-4', 'kpi-5', 'per-1']);
    expect(a.questions?.find((q) => q.id === 'kpi-3')).toMatchObject({
      before: { value: 4, note: 'NPS reviewed monthly', score: 75 },
      after: { value: 2, note: 'NPS survey paused after the reorganisation', score: 25 },
      delta: -50,
    });
  });

  it('mixes a report and answer files, and warns when --detail meets a report without detail', () => {
    const { code, stdout, stderr } = runCli(['diff', join(dir, 'q1-plain.json'), q2, '--format', 'json', '--detail']);
    expect(code).toBe(0);
    const diff = diffReportSchema.parse(JSON.parse(stdout));
    expect(diff.questions).toBeUndefined();
    const warning = `${join(dir, 'q1-plain.json')} has no per-question detail (write it with cxm score --detail --format json)`;
    expect(diff.warnings).toEqual([warning]);
    expect(stderr).toBe(`warning: ${warning}\n`);
  });
});

describe('cxm diff across questionnaire versions', () => {
  it('compares what both versions have and warns about the rest', () => {
    const { code, stdout } = runCli(['diff', v1, v2, '--format', 'json', '--detail']);
    expect(code).toBe(0);
    const diff = diffReportSchema.parse(JSON.parse(stdout));
    expect(diff.questionnaire).toEqual({ id: 'diff-demo', title: 'Diff demo', before: '1.0.0', after: '2.0.0' });
    expect(diff.capabilities.map((c) => [c.id, c.presence, c.status])).toEqual([
      ['listening', 'both', 'regressed'],
      ['service', 'both', 'unchanged'],
      ['digital', 'after-only', 'new'],
      ['legacy', 'before-only', 'not-assessed'],
    ]);
    expect(diff.overall).toMatchObject({ basis: 'common-capabilities', before: 250 / 3, after: 75 });
    expect(diff.questions?.map((q) => q.id)).toEqual(['l1']);
    expect(diff.warnings).toEqual([
      'questionnaire versions differ (before 1.0.0, after 2.0.0): only what both versions have is compared',
      'capability "digital" is only in the after questionnaire (2.0.0): shown as new, not compared',
      'capability "legacy" is only in the before questionnaire (1.0.0): shown as not assessed, not compared',
      'overall compared over the 2 capabilities both questionnaires have',
      'question "l3" is only in the after questionnaire (2.0.0): not compared, and the scores of "listening" cover different questions',
      'question "l-old" is only in the before questionnaire (1.0.0): not compared, and the scores of "listening" cover different questions',
    ]);
  });

  it('shows the warnings under the text table', () => {
    const { stdout } = runCli(['diff', v1, v2]);
    expect(stdout).toContain(
      'Warnings:\n! questionnaire versions differ (before 1.0.0, after 2.0.0): only what both\n  versions have is compared\n',
    );
    expect(stdout).toMatch(/│ Overall\* +│ +83\.3 │ +75\.0 │ +▼ -8\.3 │ High +│/);
    expect(stdout).toContain('* over the capabilities both questionnaires have');
  });

  it('refuses assessments of different questionnaires (exit 2)', () => {
    const { code, stdout, stderr } = runCli(['diff', v1, rel('diff-other-questionnaire', 'answers.yaml')]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'cxm: cannot compare different questionnaires: before is "diff-demo", after is "other-demo"\n' +
        'hint: cxm diff compares two assessments of the same questionnaire\n',
    );
  });
});

describe('cxm diff on bad input (exit 2, located errors)', () => {
  it.each([
    [
      [rel('diff-bad', 'unknown-question.yaml'), q2],
      'test/fixtures/diff-bad/unknown-question.yaml:4:3 answers.nope-9: unknown question "nope-9"\n',
    ],
    [
      [q1, rel('diff-bad', 'bad-report.json')],
      'test/fixtures/diff-bad/bad-report.json:11:88 capabilities[0].score: expected a number, found "high"\n',
    ],
    [
      [q1, rel('diff-bad', 'missing.yaml')],
      'cxm: "test/fixtures/diff-bad/missing.yaml" not found\nhint: give answer files (.yaml, .yml, .json) or folders of them\n',
    ],
    [[q1, q2, '--tolerance', '-1'], 'cxm: --tolerance: expected a number of points ≥ 0, found "-1"\n'],
  ])('%j', (args, stderr) => {
    expect(runCli(['diff', ...args])).toEqual({ code: 2, stdout: '', stderr });
  });

  it('writes nothing with --out when an input is bad, and leaves an existing file alone', () => {
    const dir = tempDir();
    const out = join(dir, 'diff.md');
    writeFileSync(out, 'previous');
    const result = runCli(['diff', q1, rel('diff-bad', 'unknown-question.yaml'), '--format', 'markdown', '--out', out]);
    expect(result.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('previous');
    expect(readdirSync(dir)).toEqual(['diff.md']);
  });
});

describe('cxm diff --out and formats', () => {
  it('writes the file atomically and keeps the text on screen (not with --quiet)', () => {
    const dir = tempDir();
    const out = join(dir, 'reports', 'diff.json');
    const shown = runCli(['diff', q1, q2, '--format', 'json', '--out', out]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Journey-based teams');
    expect(shown.stderr).toBe(`cxm: wrote ${out}\n`);
    expect(diffReportSchema.parse(JSON.parse(readFileSync(out, 'utf8'))).regressions).toEqual(['customer-success-kpis', 'overall']);
    expect(readdirSync(join(dir, 'reports'))).toEqual(['diff.json']);

    const quiet = runCli(['diff', q1, q2, '--out', join(dir, 'diff.txt'), '--quiet']);
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'diff.txt'), 'utf8')).toContain('│ Overall ');
  });

  it('escapes hostile questionnaire texts and notes in Markdown', () => {
    const { code, stdout } = runCli([
      'diff',
      rel('diff-hostile', 'before.yaml'),
      rel('diff-hostile', 'after.yaml'),
      '--format',
      'markdown',
      '--detail',
    ]);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/<(script|img|iframe|b)\b/);
    expect(stdout).not.toMatch(/[^\\]\[(link|x|img)\]\(/);
    expect(stdout).toContain(
      '# Assessment diff: Evil &lt;script&gt;alert(1)&lt;/script&gt; \\| \\*\\*bold\\*\\* \\[link\\](http://evil.example)',
    );
    expect(stdout).toContain('| Cap \\| &lt;img src=x onerror=alert(1)&gt; \\_x\\_ | 100.0 | 0.0 | ▼ -100.0 |');
    expect(stdout).toContain('*after note:* \\# not a heading second line \\| !\\[img\\](http://evil.example/x.png)');
    // Every table row keeps its columns: unescaped pipes only between cells.
    for (const line of stdout.split('\n').filter((l) => l.startsWith('| Cap') || l.startsWith('| e1'))) {
      expect(line.match(/(?<!\\)\|/g)?.length).toBe(line.startsWith('| Cap') ? 7 : 6);
    }
  });

  it('writes one self-contained, escaped HTML page', () => {
    const dir = tempDir();
    const out = join(dir, 'diff.html');
    expect(runCli(['diff', q1, q2, '--format', 'html', '--detail', '--out', out, '--quiet']).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<svg class="chart"');
    for (const font of ['"Hiragino Sans"', '"Noto Sans CJK JP"', '"Yu Gothic"'])
      expect(html).toMatch(new RegExp(`font-family:[^;]*${font}`));
    expect(html).toContain('@page { size: A4');
    expect(html).not.toMatch(/<script|<link|https?:|url\(|@import|src=/i);

    const hostile = runCli(['diff', rel('diff-hostile', 'before.yaml'), rel('diff-hostile', 'after.yaml'), '--format', 'html', '--detail']);
    expect(hostile.stdout).not.toMatch(/<(script|img|iframe|b)\b/);
    expect(hostile.stdout).toContain('Cap | &lt;img src=x onerror=alert(1)&gt; _x_');
  });

  it('prints a non-text format even with --quiet when there is no --out', () => {
    const { stdout } = runCli(['diff', q1, q2, '--format', 'json', '--quiet']);
    expect(diffReportSchema.parse(JSON.parse(stdout)).schemaVersion).toBe(1);
    expect(runCli(['diff', q1, q2, '--quiet']).stdout).toBe('');
  });
});
