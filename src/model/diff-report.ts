import { z } from 'zod';

const score = z.number().min(0).max(100).nullable().meta({ description: 'Score 0-100 at full precision; null when that side has none.' });
const delta = z.number().nullable().meta({ description: 'after − before at full precision; null unless both sides have a score.' });
const levelId = z.string().nullable().meta({ description: 'Level id; null when there is no score.' });

export const diffStatusSchema = z.enum(['improved', 'regressed', 'unchanged', 'new', 'not-assessed']).meta({
  description:
    'improved / regressed: |delta| > tolerance; unchanged: |delta| ≤ tolerance; new: scored after but not before; ' +
    'not-assessed: no score after (with or without one before). Only "regressed" fails --fail-on-regression.',
});

export const presenceSchema = z.enum(['both', 'before-only', 'after-only']).meta({
  description: 'Which questionnaire (before, after or both) has this capability or question.',
});

const levelChange = z.object({
  before: levelId,
  after: levelId,
  change: z
    .enum(['up', 'down', 'same'])
    .nullable()
    .meta({ description: "By the levels' minimum scores; null unless both sides have a level." }),
});

const sideSchema = z.object({
  source: z.string().meta({ description: 'The path given on the command line (answer file, folder or JSON report).' }),
  kind: z.enum(['answers', 'report']).meta({ description: 'answers: scored from answer files; report: a JSON report of `cxm score`.' }),
  questionnaireVersion: z.string(),
  generatedAt: z.string().meta({ description: "When that side's report was made (ISO 8601)." }),
  respondents: z.number().int().meta({ description: 'Number of respondents on that side.' }),
});

export const capabilityDiffSchema = z.object({
  id: z.string(),
  title: z.string().meta({ description: 'Title from the after side (before side when it has it alone).' }),
  presence: presenceSchema,
  before: score,
  after: score,
  delta,
  level: levelChange,
  status: diffStatusSchema,
});

const questionSideSchema = z.object({
  score: score.meta({ description: 'Mean normalised answer × 100 over the respondents who counted it; null when none did.' }),
  respondents: z.number().int(),
  counted: z.number().int(),
  value: z
    .union([z.number(), z.literal('n/a')])
    .nullable()
    .optional()
    .meta({
      description: 'Single-respondent sides only: the answer (null when unanswered).',
    }),
  hidden: z.boolean().optional().meta({ description: "Single-respondent sides only: the question's `when` was not met." }),
  note: z.string().optional().meta({ description: 'Single-respondent sides only: the note given with the answer.' }),
});

export const questionDiffSchema = z.object({
  id: z.string(),
  capability: z.string(),
  text: z.string(),
  before: questionSideSchema,
  after: questionSideSchema,
  delta,
});

export const diffReportSchema = z
  .object({
    schemaVersion: z.literal(1),
    questionnaire: z.object({
      id: z.string(),
      title: z.string(),
      before: z.string().meta({ description: 'Questionnaire version of the before side.' }),
      after: z.string().meta({ description: 'Questionnaire version of the after side.' }),
    }),
    tolerance: z.number().min(0).meta({ description: 'Changes within ±tolerance points count as unchanged.' }),
    levels: z
      .array(z.object({ id: z.string(), min: z.number(), label: z.string() }))
      .meta({ description: 'Levels of the after side, then any level only the before side has (for labels).' }),
    before: sideSchema,
    after: sideSchema,
    overall: z.object({
      before: score,
      after: score,
      delta,
      level: levelChange,
      status: diffStatusSchema,
      basis: z.enum(['reported', 'common-capabilities']).meta({
        description:
          'reported: the overall scores of both reports; common-capabilities: recomputed over the capabilities both questionnaires have (their sets differ).',
      }),
    }),
    capabilities: z.array(capabilityDiffSchema).meta({ description: 'In after questionnaire order, then those of the before side only.' }),
    summary: z
      .object({
        improved: z.number().int(),
        regressed: z.number().int(),
        unchanged: z.number().int(),
        new: z.number().int(),
        notAssessed: z.number().int(),
      })
      .meta({ description: 'Number of capabilities per status.' }),
    regressions: z
      .array(z.string())
      .meta({ description: 'Ids of the regressed capabilities, then "overall" when the overall score regressed.' }),
    questions: z.array(questionDiffSchema).optional().meta({
      description: 'With --detail: the questions both sides have whose answers changed, in questionnaire order.',
    }),
    warnings: z.array(z.string()).meta({ description: 'Version mismatch, capabilities/questions on one side only, missing detail.' }),
  })
  .meta({ title: 'cxm diff report', description: 'The JSON output of `cxm diff --format json`.' });

export type DiffReport = z.infer<typeof diffReportSchema>;
export type DiffResult = DiffReport;
export type DiffStatus = z.infer<typeof diffStatusSchema>;
export type CapabilityDiff = z.infer<typeof capabilityDiffSchema>;
export type QuestionDiff = z.infer<typeof questionDiffSchema>;
export type QuestionSide = z.infer<typeof questionSideSchema>;
export type DiffSide = z.infer<typeof sideSchema>;
