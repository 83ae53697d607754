import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, tempDir } from '../helpers/cli.js';

/** SPEC §4: an answer's `evidence` (links or references) is accepted and listed with its note. */
describe('evidence in an answer file', () => {
  const dir = tempDir('cxm-evidence-');
  copyFileSync(fixture('score-hand-worked', 'questionnaire.yaml'), join(dir, 'questionnaire.yaml'));
  const file = join(dir, 'ana.yaml');
  writeFileSync(
    file,
    'questionnaire: questionnaire.yaml\nrespondent: { name: Ana, role: marketing }\nanswers:\n' +
      '  w-1: { value: 5, note: "Journey map on the wiki", evidence: ["https://wiki.example/journey", "  "] }\n' +
      '  w-2: { evidence: ["Workshop photo 3"] }\n',
  );

  it('validates, and a non-string piece of evidence is an error at its line', () => {
    expect(runCli(['validate', file]).code).toBe(0);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'questionnaire: questionnaire.yaml\nanswers:\n  w-1: { value: 5, evidence: [42] }\n');
    const result = runCli(['validate', bad]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(`${bad}:3:31 answers.w-1.evidence[0]: expected a string, found 42`);
  });

  it('is listed under the question text in the text and JSON reports, blank entries left out', () => {
    const text = runCli(['score', file]).stdout;
    expect(text).toContain(
      '  w-1 · Five-point question of weight 3\n    • Ana (marketing): Journey map on the wiki\n      Evidence: https://wiki.example/journey\n',
    );
    const report = JSON.parse(runCli(['score', file, '--format', 'json']).stdout);
    const notes = report.notes.map((n: { question: string; answers: { evidence?: string[] }[] }) => [n.question, n.answers[0]?.evidence]);
    expect(notes).toEqual([
      ['w-1', ['https://wiki.example/journey']],
      ['w-2', ['Workshop photo 3']],
    ]);
  });
});
