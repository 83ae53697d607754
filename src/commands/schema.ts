import { z } from 'zod';
import { UserError } from '../errors.js';
import { answerFileSchema } from '../model/answers.js';
import { diffReportSchema } from '../model/diff-report.js';
import { questionnaireSchema } from '../model/questionnaire.js';
import { reportSchema } from '../model/report.js';
import { workshopFileSchema } from '../model/workshop.js';

/** An answer file is one respondent's, or a workshop's with groups (SPEC §4.1). */
const anyAnswerFileSchema = z.union([answerFileSchema, workshopFileSchema]).meta({ title: 'cxm answers' });

export const SCHEMA_KINDS = ['questionnaire', 'answers', 'report', 'diff'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

/** Draft-7, because editors' YAML language server does not support 2020-12. */
export function runSchema(kind: string): string {
  const schemas = { questionnaire: questionnaireSchema, answers: anyAnswerFileSchema, report: reportSchema, diff: diffReportSchema };
  const known = SCHEMA_KINDS.find((k) => k === kind);
  const schema = known && schemas[known];
  if (!schema) throw new UserError(`unknown schema "${kind}"`, { hint: `choose one of: ${SCHEMA_KINDS.join(', ')}` });
  const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'input' });
  return `${JSON.stringify(json, null, 2)}\n`;
}
