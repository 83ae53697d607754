/** The departments the generated respondents belong to, in turn. */
export const ROLES: readonly string[];
/** A seeded generator of numbers in [0, 1), so every bench input is reproducible. */
export function random(seed: number): () => number;
export interface GeneratedQuestion {
  id: string;
  allowNA: boolean;
}
export function questionIds(questionnairePath: string): Promise<GeneratedQuestion[]>;
export function answerFile(questions: readonly GeneratedQuestion[], index: number, rand: () => number): string;
export function ensureAnswerDir(dir: string, count: number, questions: readonly GeneratedQuestion[]): Promise<void>;
