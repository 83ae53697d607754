import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../src/model/report.js';
import { fixture, runCli, tempDir } from '../helpers/cli.js';

const google = fixture('survey-google-forms');

function jsonReport(args: string[], cwd = google) {
  const result = runCli(['score', ...args, '--format', 'json', '--quiet'], { cwd });
  expect(result.code, result.stderr).toBe(0);
  const report = reportSchema.parse(JSON.parse(result.stdout));
  const strip = <T extends { file: string }>(list: T[]) => list.map(({ file: _file, ...rest }) => rest);
  return {
    respondents: strip(report.respondents),
    capabilities: report.capabilities.map((c) => ({ ...c, respondents: strip(c.respondents) })),
    overall: report.overall,
    byRole: report.byRole,
    roadmap: report.roadmap,
  };
}

describe('cxm import', () => {
  it('writes one answer file per respondent, named from the name column, and scores as the export', () => {
    const out = join(tempDir(), 'answers');
    const result = runCli(['import', 'responses.csv', '--questionnaire', 'questionnaire.yaml', '--out-dir', out, '--role-column', '部署'], {
      cwd: google,
    });
    expect(result.stderr).toBe(`cxm: wrote 3 answer file(s) to ${out}\n`);
    expect(result.code).toBe(0);
    expect(readdirSync(out)).toEqual(['aiko-tanaka.yaml', 'ben-carter.yaml', 'cho-min.yaml']);
    const questionnairePath = join(google, 'questionnaire.yaml');
    expect(readFileSync(join(out, 'ben-carter.yaml'), 'utf8')).toBe(
      [
        '# Imported by `cxm import` from responses.csv, row 3.',
        `questionnaire: ${relative(out, questionnairePath)}`,
        'questionnaireVersion: 1.0.0',
        'respondent:',
        '  name: Ben Carter',
        '  role: sales',
        'answers:',
        '  j-1: 2',
        '  j-2: 3',
        '  d-2: 3',
        '',
      ].join('\n'),
    );
    expect(jsonReport([out])).toEqual(jsonReport(['responses.csv', '--questionnaire', 'questionnaire.yaml', '--role-column', '部署']));
  });

  it('names rows without a name row-<n>, and a repeated name with -2', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 's.csv'), 'Name,j-1\n,3\nAiko,1\nAiko,2\n');
    const result = runCli(['import', 's.csv', '--questionnaire', join(google, 'questionnaire.yaml'), '--out-dir', 'out'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(join(dir, 'out'))).toEqual(['aiko-2.yaml', 'aiko.yaml', 'row-2.yaml']);
  });

  it('writes nothing when a row is invalid or a name is taken (exit 2)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 's.csv'), 'Name,j-1\nAiko,3\nBen,9\n');
    const bad = runCli(['import', 's.csv', '--questionnaire', join(google, 'questionnaire.yaml'), '--out-dir', 'out'], { cwd: dir });
    expect(bad.stderr).toBe('s.csv:3:2 "j-1": 9 is not on the scale "agreement" (1, 2, 3)\n');
    expect(bad.code).toBe(2);
    expect(existsSync(join(dir, 'out'))).toBe(false);

    writeFileSync(join(dir, 's.csv'), 'Name,j-1\nAiko,3\nBen,1\n');
    const first = runCli(['import', 's.csv', '--questionnaire', join(google, 'questionnaire.yaml'), '--out-dir', 'out'], { cwd: dir });
    expect(first.code).toBe(0);
    writeFileSync(join(dir, 'out/ben.yaml'), '# mine\n');
    writeFileSync(join(dir, 's.csv'), 'Name,j-1\nCho,3\nBen,1\n');
    const again = runCli(['import', 's.csv', '--questionnaire', join(google, 'questionnaire.yaml'), '--out-dir', 'out'], { cwd: dir });
    expect(again.stderr).toBe(
      'cxm: 1 answer file(s) exist already: out/ben.yaml; nothing was written\nhint: import into an empty folder, or move the earlier import away\n',
    );
    expect(again.code).toBe(2);
    expect(readFileSync(join(dir, 'out/ben.yaml'), 'utf8')).toBe('# mine\n');
    expect(existsSync(join(dir, 'out/cho.yaml'))).toBe(false);
  });
});

describe('cxm score --format json of more than 1,000 respondents (written in pieces)', () => {
  it('writes the whole report to --out and to stdout', () => {
    const dir = tempDir();
    const rows = Array.from({ length: 1500 }, (_, r) => `P${r},${['it', 'sales'][r % 2]},${1 + (r % 3)},${1 + ((r >> 1) % 3)}`);
    writeFileSync(join(dir, 'big.csv'), `Name,Role,j-1,d-1\n${rows.join('\n')}\n`);
    const args = ['score', 'big.csv', '--questionnaire', join(google, 'questionnaire.yaml'), '--format', 'json'];
    const toFile = runCli([...args, '--out', 'r.json', '--quiet'], { cwd: dir });
    expect(toFile.code, toFile.stderr).toBe(0);
    const written = reportSchema.parse(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')));
    const printed = runCli(args, { cwd: dir });
    expect(printed.code).toBe(0);
    const fromStdout = reportSchema.parse(JSON.parse(printed.stdout));
    expect({ ...fromStdout, generatedAt: '' }).toEqual({ ...written, generatedAt: '' });
    expect(written.capabilities[0]?.respondents[1499]).toEqual({ name: 'P1499', role: 'sales', file: 'big.csv:1501', score: 100 }); // j-1 = 1 + 1499 mod 3 = 3
  });
});
