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

export const questionSchema = z.strictObject({
  id: itemIdSchema.meta({ description: 'Unique across the whole questionnaire.' }),
  text: localizedTextSchema,
  help: localizedTextSchema.optional(),
  scale: z.string().meta({ description: 'Name of a scale under `scales`.' }),
  weight: positiveWeight.optional(),
  allowNA: z.boolean().optional().meta({ description: 'Whether "n/a" is an accepted answer. Default true.' }),
  when: conditionSchema.optional(),
});

export const capabilitySchema = z.strictObject({
  id: itemIdSchema,
  title: localizedTextSchema,
  description: localizedTextSchema.optional(),
  weight: positiveWeight.optional(),
  requires: z.array(z.string()).optional().meta({ description: 'Prerequisite capability ids (no cycles).' }),
  questions: z.array(questionSchema).min(1, 'a capability needs at least one question'),
  recommendations: z
    .record(z.string(), z.array(localizedTextSchema))
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
