import { z } from 'zod';

const score = z.number().min(0).max(100).nullable().meta({ description: 'Score 0-100 at full precision; null when nothing was counted.' });
const levelId = z.string().nullable().meta({ description: 'Level id; null when there is no score.' });

export const reportRespondentSchema = z.object({
  name: z.string().optional(),
  role: z.string().optional(),
  organization: z.string().optional(),
  file: z.string().meta({ description: 'The answer file, as given on the command line.' }),
  unanswered: z
    .number()
    .int()
    .min(0)
    .optional()
    .meta({ description: 'Questions shown to this respondent (not hidden) that it left unanswered.' }),
  notApplicable: z.number().int().min(0).optional().meta({ description: 'Questions shown to this respondent that it answered n/a.' }),
});

export const reportCapabilitySchema = z.object({
  id: z.string(),
  title: z.string(),
  weight: z.number(),
  requires: z.array(z.string()),
  score,
  level: levelId,
  coverage: z.number().min(0).max(1).meta({ description: 'Counted questions / visible questions (0-1).' }),
  respondents: z.array(z.object({ name: z.string().optional(), role: z.string().optional(), file: z.string(), score })),
  spread: z.number().nullable().meta({ description: "Max − min of the respondents' own scores; null with fewer than two scores." }),
  disagreement: z.boolean(),
  nextSteps: z.array(z.string()).meta({ description: 'Recommendations for the current level (empty at or above target).' }),
  doneWhen: z.array(z.string().nullable()).optional().meta({
    description:
      "When each of `nextSteps` counts as done (same order; null for a step without one). Present when the capability's recommendations give done-criteria.",
  }),
  target: z.string().optional().meta({
    description:
      "This capability's target level id: its own target, else the questionnaire's; --target overrides both. On every capability (absent only in reports of earlier cxm versions, where the report's `target` applies).",
  }),
  levelDescription: z
    .string()
    .optional()
    .meta({ description: 'What the current level looks like for this capability; present when the questionnaire describes it.' }),
  advice: z
    .array(z.object({ question: z.string(), text: z.string() }))
    .optional()
    .meta({
      description:
        "Advice of the capability's questions whose merged value is at most the advice's atMost, listed with the next steps. Present when a question of the capability has advice.",
    }),
});

const answerValue = z
  .union([z.number(), z.literal('n/a')])
  .nullable()
  .meta({ description: 'The answer given (a role: its merged value v̄); null when unanswered.' });

export const reportDiscussionSchema = z.object({
  question: z.string(),
  capability: z.string(),
  text: z.string().optional().meta({ description: "The question's text." }),
  spread: z.number().min(0).meta({ description: '100 × (max q − min q) over the respondents who counted the question.' }),
  answers: z
    .array(
      z.object({
        name: z.string().optional(),
        role: z.string().optional(),
        file: z.string().optional().meta({ description: 'The answer file; absent for a role.' }),
        value: answerValue,
        label: z.string().optional().meta({ description: "The chosen option's label." }),
      }),
    )
    .meta({
      description:
        "Each respondent's (or group's) answer; with more than 12 respondents (a survey), each role's merged answer instead (empty without roles).",
    }),
});

export const reportNoteSchema = z.object({
  question: z.string(),
  capability: z.string(),
  text: z.string().meta({ description: "The question's text." }),
  answers: z.array(
    z.object({
      name: z.string().optional(),
      role: z.string().optional(),
      file: z.string(),
      note: z.string().optional(),
      evidence: z.array(z.string()).optional(),
    }),
  ),
});

export const reportQuestionSchema = z.object({
  id: z.string(),
  capability: z.string(),
  text: z.string(),
  score: score.meta({ description: 'Mean normalised answer × 100 over the respondents who counted it.' }),
  counted: z.number().int(),
  notApplicable: z.number().int(),
  hidden: z.number().int(),
  unanswered: z.number().int(),
  answers: z.array(
    z.object({
      file: z.string(),
      value: z
        .union([z.number(), z.literal('n/a')])
        .nullable()
        .meta({ description: 'The answer given; null when unanswered.' }),
      normalized: z.number().min(0).max(1).nullable().meta({ description: 'q = (v − min) / (max − min); null when not counted.' }),
      hidden: z.boolean(),
      note: z.string().optional(),
    }),
  ),
});

export const reportSchema = z
  .object({
    schemaVersion: z.literal(1),
    generatedAt: z.string().meta({ description: 'ISO 8601 time the report was made.' }),
    lang: z.string(),
    questionnaire: z.object({ id: z.string(), version: z.string(), title: z.string() }),
    target: z.string().meta({ description: 'Target level id used for next steps, roadmap and `*` gates.' }),
    levels: z.array(z.object({ id: z.string(), min: z.number(), label: z.string() })),
    organization: z
      .string()
      .nullable()
      .optional()
      .meta({ description: 'The organisation every respondent who names one names; null when none does or they differ.' }),
    facilitator: z
      .string()
      .nullable()
      .optional()
      .meta({ description: 'The facilitator every answer file that names one names; null when none does or they differ.' }),
    assessedAt: z.object({ from: z.string(), to: z.string() }).nullable().optional().meta({
      description:
        "Earliest and latest date of the answer files (each file's completedAt, else its startedAt), as written; null when none has one. Never the day the report was made.",
    }),
    respondents: z.array(reportRespondentSchema),
    overall: z.object({
      score,
      level: levelId,
      coverage: z.number().min(0).max(1).meta({
        description:
          "Questions counted by at least one respondent / questions visible to at least one respondent. Each respondent's own gaps are in respondents[].unanswered and .notApplicable.",
      }),
    }),
    summary: z
      .object({
        strengths: z.array(z.string()).max(3),
        gaps: z.array(z.string()).max(3),
        disagreements: z.array(z.string()).max(3),
      })
      .optional()
      .meta({
        description:
          'Capability ids, at most 3 each: gaps are the lowest-scoring capabilities below their target, strengths the highest-scoring of those that meet it, disagreements the flagged capabilities with the largest spreads.',
      }),
    capabilities: z.array(reportCapabilitySchema),
    byRole: z.record(z.string(), z.record(z.string(), score)).meta({ description: 'Role → capability id → score.' }),
    roadmap: z.array(
      z.object({
        phase: z.number().int().min(1),
        months: z
          .object({ from: z.number().int().min(1), to: z.number().int().min(1) })
          .optional()
          .meta({ description: 'The horizon of the phase in months from the start (--phase-months; default 3 a phase).' }),
        steps: z.array(
          z.object({
            capability: z.string(),
            fromLevel: z.string(),
            toLevel: z.string(),
            actions: z.array(z.string()),
            doneWhen: z.array(z.string().nullable()).optional().meta({
              description:
                'When each action counts as done (same order; null where none); present when the capability gives done-criteria.',
            }),
          }),
        ),
      }),
    ),
    notAssessed: z.array(z.string()).meta({ description: 'Capabilities without a score, left out of the roadmap.' }),
    gates: z.array(z.object({ rule: z.string(), passed: z.boolean(), detail: z.string() })),
    warnings: z.array(z.string()),
    spreadThreshold: z
      .number()
      .min(0)
      .optional()
      .meta({ description: 'Spread in points from which a capability is flagged as a disagreement (--spread; default 25).' }),
    discussThreshold: z
      .number()
      .min(0)
      .optional()
      .meta({ description: 'Question spread in points from which a question is on the discussion agenda (--discuss; default 50).' }),
    discussion: z
      .array(reportDiscussionSchema)
      .optional()
      .meta({ description: 'The discussion agenda (SPEC §5): questions whose spread reaches discussThreshold, largest first.' }),
    notes: z
      .array(reportNoteSchema)
      .optional()
      .meta({ description: 'Notes and evidence by question, in questionnaire order (absent with --no-notes).' }),
    questions: z.array(reportQuestionSchema).optional().meta({ description: 'Per-question detail (with --detail).' }),
  })
  .meta({ title: 'cxm report', description: 'The JSON report of `cxm score --format json` (SPEC §7).' });

export type Report = z.infer<typeof reportSchema>;
export type ReportCapability = z.infer<typeof reportCapabilitySchema>;
export type ReportDiscussion = z.infer<typeof reportDiscussionSchema>;
export type ReportNote = z.infer<typeof reportNoteSchema>;
