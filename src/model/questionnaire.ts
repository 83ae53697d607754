import { z } from 'zod';
import { languageCodeSchema, localizedTextSchema } from './text.js';

export const itemIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'expected an id of letters, digits, ".", "_" or "-"');

const positiveWeight = z.number().positive('must be greater than 0').meta({ description: 'Relative weight, > 0. Default 1.' });

export const scaleOptionSchema = z.strictObject({
  value: z.number().meta({ description: 'The numeric value recorded for this option; unique within the scale.' }),
  label: localizedTextSchema,
});

export const scaleSchema = z.strictObject({
  options: z
    .array(scaleOptionSchema)
    .min(2, 'a scale needs at least two options')
    .meta({ description: 'Ordered answer options. min/max of the values bound the normalised score.' }),
});

export const levelSchema = z.strictObject({
  id: itemIdSchema.meta({ description: 'Level id, used by answers, gates and recommendations.' }),
  min: z.number().min(0).max(100).meta({ description: 'Lowest score (0-100) of this level; the first level starts at 0.' }),
  label: localizedTextSchema,
  description: localizedTextSchema.optional(),
});

export const conditionSchema = z
  .strictObject({
    question: itemIdSchema.meta({ description: 'An earlier question whose answer decides visibility.' }),
    atLeast: z.number().optional(),
    atMost: z.number().optional(),
    in: z.array(z.number()).min(1).optional(),
  })
  .refine((c) => c.atLeast !== undefined || c.atMost !== undefined || c.in !== undefined, {
    message: 'a condition needs atLeast, atMost or in',
  })
  .meta({ description: 'Show the question only when every given test on the earlier answer holds.' });

const replacesSchema = z
  .array(itemIdSchema)
  .optional()
  .meta({ description: 'Ids this item had in earlier versions of the questionnaire; answers and diffs keyed by them map here.' });

export const adviceSchema = z.strictObject({
  atMost: z.number().meta({ description: "Applies when the question's (merged) value is at most this value of its scale." }),
  text: localizedTextSchema,
});

export const recommendationSchema = z
  .union([
    localizedTextSchema,
    z.strictObject({
      action: localizedTextSchema.meta({ description: 'What to do.' }),
      doneWhen: localizedTextSchema.meta({ description: 'When the action counts as done: an observable result.' }),
    }),
  ])
  .meta({ description: 'A recommended action: a text, or `{ action, doneWhen }` with its done-criterion.' });

export const questionSchema = z.strictObject({
  id: itemIdSchema.meta({ description: 'Unique across the whole questionnaire.' }),
  text: localizedTextSchema,
  help: localizedTextSchema.optional(),
  scale: z.string().meta({ description: 'Name of a scale under `scales`.' }),
  weight: positiveWeight.optional(),
  allowNA: z.boolean().optional().meta({ description: 'Whether "n/a" is an accepted answer. Default true.' }),
  when: conditionSchema.optional(),
  ifHidden: z.enum(['exclude', 'lowest']).optional().meta({
    description:
      'While the question is hidden by `when`: `exclude` (default) leaves it out of every average; `lowest` counts it as answered with the lowest value of its scale (q = 0) and as visible for coverage. For follow-ups that describe advanced practice.',
  }),
  replaces: replacesSchema,
  advice: z
    .array(adviceSchema)
    .optional()
    .meta({ description: "Texts shown with the capability's next steps when the (merged) answer is at most `atMost`." }),
});

export const capabilitySchema = z.strictObject({
  id: itemIdSchema,
  title: localizedTextSchema,
  description: localizedTextSchema.optional(),
  weight: positiveWeight.optional(),
  requires: z.array(z.string()).optional().meta({ description: 'Prerequisite capability ids (no cycles).' }),
  target: z.string().optional().meta({ description: "This capability's own target level id. Default: the questionnaire's target." }),
  replaces: replacesSchema,
  levelDescriptions: z
    .record(z.string(), localizedTextSchema)
    .optional()
    .meta({ description: 'Level id → what that level looks like for this capability, in one or two sentences.' }),
  questions: z.array(questionSchema).min(1, 'a capability needs at least one question'),
  recommendations: z
    .record(z.string(), z.array(recommendationSchema))
    .optional()
    .meta({ description: 'Level id → the actions that raise this capability from that level to the next.' }),
});

export const questionnaireSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9-]+$/, 'expected lower-case letters, digits and "-"'),
    version: z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/, 'expected a semantic version such as 1.0.0'),
    title: localizedTextSchema,
    description: localizedTextSchema.optional(),
    languages: z
      .array(languageCodeSchema)
      .min(1)
      .optional()
      .meta({ description: 'Languages of the texts; the first is the default. Default ["en"].' }),
    scales: z.record(itemIdSchema, scaleSchema).meta({ description: 'Named answer scales.' }),
    levels: z.array(levelSchema).min(1).meta({ description: 'Maturity levels, ascending by min; the first min is 0.' }),
    target: z.string().optional().meta({ description: 'Target level id. Default: the last level.' }),
    capabilities: z.array(capabilitySchema).min(1),
  })
  .meta({ title: 'cxm questionnaire', description: 'A cxm maturity questionnaire (SPEC §3).' });

export type Questionnaire = z.infer<typeof questionnaireSchema>;
export type Capability = z.infer<typeof capabilitySchema>;
export type Question = z.infer<typeof questionSchema>;
export type Scale = z.infer<typeof scaleSchema>;
export type Level = z.infer<typeof levelSchema>;
export type Condition = z.infer<typeof conditionSchema>;
export type Recommendation = z.infer<typeof recommendationSchema>;
export type Advice = z.infer<typeof adviceSchema>;
