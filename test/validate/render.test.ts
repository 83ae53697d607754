import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/model/problem.js';
import { renderValidation } from '../../src/report/validate.js';

const problem = (file: string, line: number, severity: Problem['severity'], message: string): Problem => ({
  file,
  line,
  column: 3,
  path: 'answers.a',
  message,
  severity,
});

// The validate command returns data; this renderer makes the lines, in the order they are written.
describe('renderValidation', () => {
  const result = {
    files: [
      { file: 'q.yaml', kind: 'questionnaire' as const, summary: 'questionnaire q 1.0.0: 1 capabilities, 2 questions', problems: [] },
      { file: 'a.yaml', kind: 'answers' as const, summary: 'answers to q: 1 answered', problems: [problem('a.yaml', 4, 'warning', 'old')] },
      { file: 'b.yaml', kind: 'answers' as const, summary: '', problems: [problem('b.yaml', 2, 'error', 'bad')] },
    ],
    valid: false,
  };
  const warning = renderValidation({ files: [result.files[1] as (typeof result.files)[number]], valid: true }, {})[0]?.text ?? '';

  it('interleaves each file’s problems (stderr) and ✓ line (stdout), then counts the invalid files', () => {
    expect(renderValidation(result, {})).toEqual([
      { stream: 'stderr', text: '' },
      { stream: 'stdout', text: '✓ q.yaml (questionnaire q 1.0.0: 1 capabilities, 2 questions)\n' },
      { stream: 'stderr', text: warning },
      { stream: 'stdout', text: '✓ a.yaml (answers to q: 1 answered)\n' },
      { stream: 'stderr', text: expect.stringContaining('b.yaml:2:3') },
      { stream: 'stderr', text: '1 of 3 file(s) invalid\n' },
    ]);
    expect(warning).toContain('a.yaml:4:3');
  });

  it('--quiet leaves out the ✓ lines, never a problem', () => {
    expect(renderValidation(result, { quiet: true }).map((w) => w.stream)).toEqual(['stderr', 'stderr', 'stderr', 'stderr']);
  });
});
