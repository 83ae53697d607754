import { describe, expect, it } from 'vitest';
import { fileKindOf } from '../../src/model/file-kind.js';

// One rule for validate, score (a folder skips questionnaires and reports) and diff (a side is a report or answers).
describe('fileKindOf', () => {
  it.each([
    [{ id: 'q', scales: {}, levels: [], capabilities: [] }, 'questionnaire'],
    [{ levels: [] }, 'questionnaire'], // a questionnaire with most of it missing is still one, to be checked as one
    [{ questionnaire: 'q.yaml', answers: { a: 1 } }, 'answers'],
    [{ questionnaire: 'q.yaml' }, 'answers'],
    [{ answers: {} }, 'answers'],
    [{ schemaVersion: 1, questionnaire: { id: 'q' }, capabilities: [], overall: {} }, 'report'],
    [{ schemaVersion: 1, capabilities: [], regressions: [] }, 'diff'],
    [{ schemaVersion: 1 }, 'unknown'], // no capabilities: no report
    [{ title: 'x' }, 'unknown'],
    [[], 'unknown'],
    ['text', 'unknown'],
    [null, 'unknown'],
  ])('%j → %s', (data, kind) => {
    expect(fileKindOf(data)).toBe(kind);
  });
});
