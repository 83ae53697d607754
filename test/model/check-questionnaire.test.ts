import { describe, expect, it } from 'vitest';
import { checkAnswers } from '../../src/model/check-answers.js';
import { checkQuestionnaire } from '../../src/model/check-questionnaire.js';
import { formatPath } from '../../src/model/problem.js';
import { questionnaireSchema, type Questionnaire } from '../../src/model/questionnaire.js';
import { findingsFromZod } from '../../src/model/zod-findings.js';

function base(): Questionnaire {
  return {
    id: 'unit',
    version: '1.0.0',
    title: { en: 'Unit', ja: 'ユニット' },
    languages: ['en', 'ja'],
    scales: { five: { options: [1, 2, 3, 4, 5].map((value) => ({ value, label: String(value) })) } },
    levels: [
      { id: 'low', min: 0, label: 'Low' },
      { id: 'mid', min: 40, label: 'Mid' },
      { id: 'top', min: 80, label: 'Top' },
    ],
    capabilities: [
      {
        id: 'a',
        title: 'A',
        questions: [
          { id: 'a1', text: 'A1', scale: 'five' },
          { id: 'a2', text: 'A2', scale: 'five' },
        ],
      },
      { id: 'b', title: 'B', requires: ['a'], questions: [{ id: 'b1', text: 'B1', scale: 'five' }] },
    ],
  };
}

/** Every finding as `path: message`, the way a user reads them. */
function check(mutate: (q: Questionnaire) => void): string[] {
  const q = base();
  mutate(q);
  const parsed = questionnaireSchema.safeParse(q);
  const zodFindings = parsed.success ? [] : findingsFromZod(parsed.error.issues, q);
  return [...zodFindings, ...checkQuestionnaire(q)].map(
    (f) => `${formatPath(f.path)}: ${f.severity === 'warning' ? 'warning: ' : ''}${f.message}`,
  );
}

// One line per rule: the mutation, and exactly the findings it must produce.
const rules: [name: string, mutate: (q: Questionnaire) => void, expected: string[]][] = [
  ['valid questionnaire', () => {}, []],
  [
    'duplicate question id across capabilities',
    (q) => {
      q.capabilities[1]!.questions[0]!.id = 'a1';
    },
    ['capabilities[1].questions[0].id: duplicate question id "a1"'],
  ],
  [
    'duplicate capability id',
    (q) => {
      q.capabilities[1]!.id = 'a';
      q.capabilities[1]!.requires = [];
    },
    ['capabilities[1].id: duplicate capability id "a"'],
  ],
  [
    'unknown scale',
    (q) => {
      q.capabilities[0]!.questions[0]!.scale = 'agree';
    },
    ['capabilities[0].questions[0].scale: unknown scale "agree" (known: five)'],
  ],
  [
    'requires an unknown capability',
    (q) => {
      q.capabilities[1]!.requires = ['zz'];
    },
    ['capabilities[1].requires[0]: unknown capability "zz"'],
  ],
  [
    'requires itself',
    (q) => {
      q.capabilities[0]!.requires = ['a'];
    },
    ['capabilities[0].requires[0]: a capability cannot require itself'],
  ],
  [
    'requires cycle',
    (q) => {
      q.capabilities[0]!.requires = ['b'];
    },
    ['capabilities[0].requires: requires cycle: a → b → a'],
  ],
  [
    'when on a later question',
    (q) => {
      q.capabilities[0]!.questions[0]!.when = { question: 'b1', atLeast: 2 };
    },
    ['capabilities[0].questions[0].when.question: "b1" comes later; a condition may only refer to an earlier question'],
  ],
  [
    'when on itself',
    (q) => {
      q.capabilities[0]!.questions[0]!.when = { question: 'a1', atLeast: 2 };
    },
    ['capabilities[0].questions[0].when.question: a question cannot depend on itself'],
  ],
  [
    'when value not on the scale',
    (q) => {
      q.capabilities[1]!.questions[0]!.when = { question: 'a1', in: [2, 9] };
    },
    ['capabilities[1].questions[0].when.in[1]: 9 is not a value of the scale "five" (1, 2, 3, 4, 5)'],
  ],
  [
    'when bound outside the scale',
    (q) => {
      q.capabilities[1]!.questions[0]!.when = { question: 'a1', atLeast: 0 };
    },
    ['capabilities[1].questions[0].when.atLeast: 0 is outside the scale "five" (1…5)'],
  ],
  [
    'when without a test',
    (q) => {
      q.capabilities[1]!.questions[0]!.when = { question: 'a1' };
    },
    ['capabilities[1].questions[0].when: a condition needs atLeast, atMost or in'],
  ],
  [
    'first level not at 0',
    (q) => {
      q.levels[0]!.min = 5;
    },
    ['levels[0].min: the first level must start at 0 (found 5)'],
  ],
  [
    'levels not ascending',
    (q) => {
      q.levels[2]!.min = 40;
    },
    ['levels[2].min: levels must ascend: 40 is not above "mid" (40)'],
  ],
  [
    'duplicate level id',
    (q) => {
      q.levels[2]!.id = 'mid';
    },
    ['levels[2].id: duplicate level id "mid"'],
  ],
  [
    'unknown target',
    (q) => {
      q.target = 'max';
    },
    ['target: unknown level "max" (known: low, mid, top)'],
  ],
  [
    'recommendations for an unknown level',
    (q) => {
      q.capabilities[0]!.recommendations = { lo: ['x'] };
    },
    ['capabilities[0].recommendations.lo: unknown level "lo" (known: low, mid, top)'],
  ],
  [
    'recommendations for the final level',
    (q) => {
      q.capabilities[0]!.recommendations = { top: ['x'] };
    },
    ['capabilities[0].recommendations.top: warning: "top" is the final level; its recommendations are never used'],
  ],
  [
    'empty scale',
    (q) => {
      q.scales.five!.options = [];
    },
    ['scales.five.options: a scale needs at least two options'],
  ],
  [
    'duplicate option values',
    (q) => {
      q.scales.five!.options[4]!.value = 1;
    },
    ['scales.five.options[4].value: duplicate option value 1'],
  ],
  [
    'a language not declared',
    (q) => {
      q.title = { en: 'Unit', jp: 'ユニット' };
    },
    ['title.jp: language "jp" is not in languages (en, ja)'],
  ],
  [
    'a text without the default language',
    (q) => {
      q.capabilities[0]!.title = { ja: 'エー' };
    },
    ['capabilities[0].title: missing the default language "en"'],
  ],
  [
    'zero weight',
    (q) => {
      q.capabilities[0]!.weight = 0;
    },
    ['capabilities[0].weight: must be greater than 0'],
  ],
  [
    'a capability without questions',
    (q) => {
      q.capabilities[0]!.questions = [];
    },
    ['capabilities[0].questions: a capability needs at least one question'],
  ],
  [
    'a bad questionnaire id',
    (q) => {
      q.id = 'Unit Test';
    },
    ['id: expected lower-case letters, digits and "-"'],
  ],
  [
    'a non-semver version',
    (q) => {
      q.version = '1.0';
    },
    ['version: expected a semantic version such as 1.0.0'],
  ],
];

describe('questionnaire schema and semantic checks', () => {
  it.each(rules)('%s', (_name, mutate, expected) => {
    expect(check(mutate)).toEqual(expected);
  });

  it('reports an unknown key and a reference error in the same pass', () => {
    const findings = check((q) => {
      Object.assign(q.capabilities[0]!, { colour: 'red' });
      q.capabilities[1]!.questions[0]!.when = { question: 'zz', atLeast: 2 };
    });
    expect(findings).toEqual([
      'capabilities[0].colour: unknown key "colour"',
      'capabilities[1].questions[0].when.question: unknown question "zz"',
    ]);
  });
});

describe('answer checks against the questionnaire', () => {
  const q = base();
  q.capabilities[0]!.questions[1]!.allowNA = false;
  const cases: [name: string, data: unknown, expected: string[]][] = [
    ['valid answers', { questionnaire: 'unit', answers: { a1: 3, a2: { value: 5, note: 'n' }, b1: 'n/a' } }, []],
    ['unknown question', { questionnaire: 'unit', answers: { c9: 3 } }, ['answers.c9: unknown question "c9"']],
    ['a value off the scale', { questionnaire: 'unit', answers: { a1: 6 } }, ['answers.a1: 6 is not on the scale "five" (1, 2, 3, 4, 5)']],
    [
      'n/a where not allowed',
      { questionnaire: 'unit', answers: { a2: { value: 'n/a' } } },
      ['answers.a2.value: "n/a" is not allowed for a2'],
    ],
    [
      'a version mismatch is a warning',
      { questionnaire: 'unit', questionnaireVersion: '0.9.0', answers: {} },
      ['questionnaireVersion: warning: answers were given to version 0.9.0; the questionnaire is now 1.0.0'],
    ],
  ];
  it.each(cases)('%s', (_name, data, expected) => {
    expect(checkAnswers(q, data).map((f) => `${formatPath(f.path)}: ${f.severity === 'warning' ? 'warning: ' : ''}${f.message}`)).toEqual(
      expected,
    );
  });
});
