import { z } from 'zod';

const score = z.number().min(0).max(100).nullable().meta({ description: 'Score 0-100 at full precision; null when nothing was counted.' });
const levelId = z.string().nullable().meta({ description: 'Level id; null when there is no score.' });

export const reportRespondentSchema = z.object({
  name: z.string().optional(),
  role: z.string().optional(),
  organization: z.string().optional(),
  file: z.string().meta({ description: 'The answer file, as given on the command line.' }),
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
      "This capability's target level id. Present on every capability when the questionnaire gives capabilities their own targets (and no --target overrides them); otherwise the report's `target` applies.",
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
    respondents: z.array(reportRespondentSchema),
    overall: z.object({ score, level: levelId, coverage: z.number().min(0).max(1) }),
    capabilities: z.array(reportCapabilitySchema),
    byRole: z.record(z.string(), z.record(z.string(), score)).meta({ description: 'Role → capability id → score.' }),
    roadmap: z.array(
      z.object({
        phase: z.number().int().min(1),
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
    questions: z.array(reportQuestionSchema).optional().meta({ description: 'Per-question detail (with --detail).' }),
  })
  .meta({ title: 'cxm report', description: 'The JSON report of `cxm score --format json` (SPEC §7).' });

export type Report = z.infer<typeof reportSchema>;
export type ReportCapability = z.infer<typeof reportCapabilitySchema>;
