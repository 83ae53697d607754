import { z } from 'zod';
import { slugify } from '../text/slug.js';
import { answerValueSchema } from './answers.js';
import { languageCodeSchema } from './text.js';

/**
 * A workshop file (SPEC §4.1): several groups vote on every question in one session. Each group
 * counts as one respondent everywhere an answer file is read (core/workshop-state.ts
 * respondentsOfWorkshop is the one place that makes them).
 */

export const groupSchema = z.strictObject({
  id: z.string().min(1).meta({ description: "The group's id, used as its role: the name in kebab-case." }),
  name: z.string().min(1).meta({ description: 'The name shown for the group, e.g. Marketing.' }),
});

export const voteEntrySchema = z.strictObject({
  votes: z
    .record(z.string(), answerValueSchema)
    .default({})
    .meta({ description: "Group id → that group's vote; a group missing here has not answered." }),
  note: z.string().optional().meta({ description: 'A note on the question (the discussion), shared by the groups.' }),
});

export const workshopFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    questionnaire: z.string().min(1).meta({ description: 'Bundled questionnaire id, or a path relative to this file.' }),
    questionnaireVersion: z.string().optional(),
    groups: z.array(groupSchema).min(1).meta({ description: 'The groups that vote, in the order they are asked.' }),
    respondent: z.strictObject({ organization: z.string().optional() }).optional().meta({ description: 'Shared by the groups.' }),
    lang: languageCodeSchema.optional(),
    facilitator: z.string().optional(),
    startedAt: z.string().optional(),
    completedAt: z.string().optional().meta({ description: 'Absent while the workshop is unfinished.' }),
    report: z.string().optional().meta({
      description: 'Written by `run --report`: where the report goes at the end, relative to this file; honoured on resume.',
    }),
    answers: z.record(z.string(), voteEntrySchema).default({}).meta({ description: 'Question id → the votes of the groups.' }),
  })
  .meta({ title: 'cxm workshop', description: 'The votes of several groups in one cxm run --groups session (SPEC §4.1).' });

export type Group = z.infer<typeof groupSchema>;
export type VoteEntry = z.infer<typeof voteEntrySchema>;
export type WorkshopFile = z.infer<typeof workshopFileSchema>;

/** A file with `groups` is a workshop file: the key tells the two kinds of answer file apart. */
export function isWorkshopData(data: unknown): boolean {
  return data !== null && typeof data === 'object' && !Array.isArray(data) && 'groups' in data;
}

/** Group ids are the names in kebab-case (SPEC §4.1): `Customer Service` → `customer-service`. */
export function groupIdOf(name: string): string {
  return slugify(name);
}

/** A group's `file` in a report, unique as the renderers need: `workshop.yaml#marketing`. */
export function groupFileName(file: string, groupId: string): string {
  return `${file}#${groupId}`;
}

/** `"Marketing, Sales,IT"` → the groups, in order; names that are empty or give the same id are reported. */
export function parseGroupList(list: string): { groups: Group[]; problems: string[] } {
  const groups: Group[] = [];
  const problems: string[] = [];
  for (const raw of list.split(',')) {
    const name = raw.trim();
    if (name === '') continue;
    const id = groupIdOf(name);
    const same = groups.find((g) => g.id === id);
    if (id === '') problems.push(`"${name}" has no letter or digit to make a group id of`);
    else if (same) problems.push(`"${name}" and "${same.name}" would both have the id "${id}"`);
    else groups.push({ id, name });
  }
  return { groups, problems };
}
