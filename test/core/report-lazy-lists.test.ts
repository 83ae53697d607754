import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/build-report.js';
import { createAccumulator } from '../../src/core/merge.js';
import { loadQuestionnaireFile } from '../../src/io/load-questionnaire.js';
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
});
