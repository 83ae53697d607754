import { z } from 'zod';
import { languageCodeSchema } from './text.js';

export const NOT_APPLICABLE = 'n/a';

export const answerValueSchema = z
  .union([z.number(), z.literal(NOT_APPLICABLE)])
  .meta({ description: 'A value of the question\'s scale, or "n/a" (not applicable).' });

export const answerEntrySchema = z.union([
  answerValueSchema,
  z.strictObject({
    value: answerValueSchema.optional().meta({ description: 'Absent: the question is unanswered but carries a note.' }),
    note: z.string().optional(),
    evidence: z
      .array(z.string())
      .optional()
      .meta({ description: 'Links or references backing the answer (SPEC §4), listed with the notes in the report.' }),
  }),
]);

export const respondentSchema = z.strictObject({
  name: z.string().optional(),
  role: z.string().optional().meta({ description: 'Department or role, e.g. marketing; used for per-role scores.' }),
  organization: z.string().optional(),
});

export const answerFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    questionnaire: z.string().min(1).meta({ description: 'Bundled questionnaire id, or a path relative to this file.' }),
    questionnaireVersion: z.string().optional(),
    respondent: respondentSchema.optional(),
    lang: languageCodeSchema.optional(),
    facilitator: z.string().optional(),
    startedAt: z.string().optional(),
    completedAt: z.string().optional().meta({ description: 'Absent while the assessment is unfinished.' }),
    report: z.string().optional().meta({
      description:
        'Written by `run --report`: where the report goes at the end, relative to this file; a resumed run writes it there again.',
    }),
    answers: z.record(z.string(), answerEntrySchema).default({}).meta({ description: 'Question id → answer.' }),
  })
  .meta({ title: 'cxm answers', description: 'Answers of one respondent to a cxm questionnaire (SPEC §4).' });

export type AnswerFile = z.infer<typeof answerFileSchema>;
export type AnswerEntry = z.infer<typeof answerEntrySchema>;
export type Respondent = z.infer<typeof respondentSchema>;

/** An answer as the core sees it: a value, not applicable, or none (with maybe a note). */
export interface NormalizedAnswer {
  value: number | typeof NOT_APPLICABLE | undefined;
  note: string | undefined;
}

export function normalizeAnswer(entry: AnswerEntry | undefined): NormalizedAnswer {
  if (entry === undefined) return { value: undefined, note: undefined };
  if (typeof entry === 'number' || entry === NOT_APPLICABLE) return { value: entry, note: undefined };
  return { value: entry.value, note: entry.note };
}
