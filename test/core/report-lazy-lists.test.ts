import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/build-report.js';
import { createAccumulator } from '../../src/core/merge.js';
import { renameReport } from '../../src/core/rename-report.js';
import { loadQuestionnaireFile } from '../../src/io/load-questionnaire.js';
import { renderJson } from '../../src/report/json.js';
import { renderJsonChunks } from '../../src/report/json-stream.js';
import { fixture } from '../helpers/cli.js';

/*
 * A capability's `respondents` (every respondent's own score) is built only when read: for a
 * 100,000-row survey it is 100,000 entries per capability. Building the report must not read it —
 * a spread of a capability object does — or peak memory doubles (295 against 150 MiB measured).
 */
describe('building a report leaves the per-capability respondent lists unbuilt', () => {
  it('reads no capability list, and reading one gives every respondent', async () => {
    const { questionnaire } = await loadQuestionnaireFile(fixture('score-hand-worked', 'questionnaire.yaml'));
    const accumulator = createAccumulator(questionnaire);
    for (let r = 0; r < 50; r++)
      accumulator.add({ file: `r${r}.yaml`, role: r % 2 ? 'sales' : 'it', answers: { 'w-1': 1 + (r % 5), 'g-1': 5 - (r % 5) } });
    const merged = accumulator.finish();
    let built = 0;
    const entries = merged.respondents.capabilityEntries.bind(merged.respondents);
    merged.respondents.capabilityEntries = (c) => {
      built++;
      return entries(c);
    };
    const report = buildReport(merged);
    expect(built).toBe(0);
    expect(report.capabilities[0]?.respondents).toHaveLength(50);
    expect(built).toBe(1);
  });

  it("lists the report's respondents when read, once, and the streamed JSON writes them without the list", async () => {
    const { questionnaire } = await loadQuestionnaireFile(fixture('score-hand-worked', 'questionnaire.yaml'));
    const accumulator = createAccumulator(questionnaire);
    for (let r = 0; r < 30; r++) accumulator.add({ file: 'survey.csv', row: r + 2, name: `P${r}`, answers: { 'w-1': 1 + (r % 5) } });
    const merged = accumulator.finish();
    let identities = 0;
    const identity = merged.respondents.identity.bind(merged.respondents);
    merged.respondents.identity = (r) => {
      identities++;
      return identity(r);
    };
    const report = buildReport(merged);
    const afterBuild = identities;
    const streamed = [...renderJsonChunks(report)].join('');
    // The writer took one identity per respondent, one at a time: the list, built only now, takes its own.
    expect(identities - afterBuild).toBe(30);
    const first = report.respondents;
    expect(identities - afterBuild).toBe(60);
    expect(first).toHaveLength(30);
    expect(first[29]).toMatchObject({ name: 'P29', file: 'survey.csv:31' });
    expect(report.respondents).toBe(first);
    expect(streamed).toBe(renderJson(report));
  });

  it('renaming a report for a diff across versions builds no list either', async () => {
    const { questionnaire } = await loadQuestionnaireFile(fixture('score-hand-worked', 'questionnaire.yaml'));
    const accumulator = createAccumulator(questionnaire);
    for (let r = 0; r < 20; r++) accumulator.add({ file: `r${r}.yaml`, answers: { 'w-1': 1 + (r % 5) } });
    const merged = accumulator.finish();
    let built = 0;
    const entries = merged.respondents.capabilityEntries.bind(merged.respondents);
    merged.respondents.capabilityEntries = (c) => {
      built++;
      return entries(c);
    };
    const report = buildReport(merged);
    const first = report.capabilities[0]?.id ?? '';
    const renamed = renameReport(report, { capabilities: new Map([[first, 'renamed']]), questions: new Map() });
    expect(built).toBe(0);
    expect(renamed.capabilities[0]?.id).toBe('renamed');
    expect(renamed.capabilities[0]?.respondents).toEqual(report.capabilities[0]?.respondents);
    expect(JSON.parse(JSON.stringify(renamed)).respondents).toHaveLength(20);
  });
});
