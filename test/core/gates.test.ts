import { beforeAll, describe, expect, it } from 'vitest';
import { checkGateRules, evaluateGates, parseMinLevel, type GateRule } from '../../src/core/gates.js';
import { indexQuestionnaire, type IndexedQuestionnaire } from '../../src/core/questionnaire-index.js';
import { loadQuestionnaireFile } from '../../src/io/load-questionnaire.js';
import { fixture } from '../helpers/cli.js';

let index: IndexedQuestionnaire;
beforeAll(async () => {
  index = indexQuestionnaire((await loadQuestionnaireFile(fixture('score-hand-worked', 'questionnaire.yaml'))).questionnaire);
});

const input = {
  overall: 49.9999999999,
  capabilities: [
    { id: 'weighted', score: 55 },
    { id: 'gated', score: 39.99999999999 },
    { id: 'empty', score: null },
    { id: 'dependent', score: 32.5 },
  ],
};
const run = (...rules: GateRule[]) => evaluateGates(index, rules, input).map((g) => `${g.passed ? 'pass' : 'FAIL'} ${g.rule}: ${g.detail}`);

describe('gates', () => {
  it.each([
    ['dependent=defined', { kind: 'min-level', capability: 'dependent', level: 'defined' }],
    [' *=developing ', { kind: 'min-level', capability: '*', level: 'developing' }],
    ['dependent', undefined],
    ['=defined', undefined],
    ['a=b=c', undefined],
  ])('parseMinLevel(%j)', (text, rule) => {
    expect(parseMinLevel(text)).toEqual(rule);
  });

  it('passes an overall score within 1e-9 of --fail-under, and fails below it', () => {
    expect(run({ kind: 'fail-under', threshold: 50 })).toEqual(['pass overall >= 50: overall 50.0 meets 50']);
    expect(run({ kind: 'fail-under', threshold: 50.1 })).toEqual(['FAIL overall >= 50.1: overall 50.0 is below 50.1']);
  });

  it('names the capability, its score and level, and the level required', () => {
    expect(run({ kind: 'min-level', capability: 'dependent', level: 'defined' })).toEqual([
      'FAIL dependent >= defined: dependent 32.5 (developing) is below defined',
    ]);
    // 39.99999999999 is defined within the tolerance
    expect(run({ kind: 'min-level', capability: 'gated', level: 'defined' })).toEqual([
      'pass gated >= defined: gated 40.0 (defined) meets defined',
    ]);
  });

  it('expands * to every capability; one without a score fails', () => {
    expect(run({ kind: 'min-level', capability: '*', level: 'developing' })).toEqual([
      'pass weighted >= developing: weighted 55.0 (defined) meets developing',
      'pass gated >= developing: gated 40.0 (defined) meets developing',
      'FAIL empty >= developing: empty has no score (not assessed); developing required',
      'pass dependent >= developing: dependent 32.5 (developing) meets developing',
    ]);
  });

  it('reports unknown capability and level ids as usage errors', () => {
    expect(
      checkGateRules(index, [
        { kind: 'min-level', capability: 'nope', level: 'defined' },
        { kind: 'min-level', capability: '*', level: 'expert' },
        { kind: 'min-level', capability: 'gated', level: 'managed' },
      ]),
    ).toEqual([
      '--min-level nope=defined: unknown capability "nope" (known: weighted, gated, empty, dependent)',
      '--min-level *=expert: unknown level "expert" (known: initial, developing, defined, managed, optimized)',
    ]);
  });
});
