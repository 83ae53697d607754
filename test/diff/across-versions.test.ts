import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// 1.0.0 (diff-playbook/2026-q1.yaml: jt-1 = 2, jt-4 = 3) against 2.0.0 (diff-across-versions/2026-q3.yaml:
// jm-1 = 4, which replaces jt-1; jt-6 = 3, which replaces jt-4). SPEC §3: compared through `replaces`.
const V1 = 'test/fixtures/diff-playbook/2026-q1.yaml';
const V2 = 'test/fixtures/diff-across-versions/2026-q3.yaml';

interface QuestionRow {
  id: string;
  before?: { value: unknown } | null;
  after?: { value: unknown } | null;
}

function questions(before: string, after: string): QuestionRow[] {
  const result = runCli(['diff', before, after, '--format', 'json', '--detail']);
  expect(result.code, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { questions: QuestionRow[] }).questions;
}

describe('cxm diff across bundled versions', () => {
  it('compares a question with the one replacing it', () => {
    const rows = questions(V1, V2);
    expect(rows.find((q) => q.id === 'jm-1')).toMatchObject({ before: { value: 2 }, after: { value: 4 } });
    expect(rows.find((q) => q.id === 'jt-6')).toBeUndefined(); // 3 → 3: unchanged, not listed
    expect(rows.some((q) => q.id === 'jt-1' || q.id === 'jt-4')).toBe(false);
  });

  it('renames the older side also when it is given second', () => {
    const rows = questions(V2, V1);
    expect(rows.find((q) => q.id === 'jm-1')).toMatchObject({ before: { value: 4 }, after: { value: 2 } });
  });
});
