export interface GeneratedQuestion {
  id: string;
  allowNA: boolean;
}
export function questionIds(questionnairePath: string): Promise<GeneratedQuestion[]>;
export function answerFile(questions: readonly GeneratedQuestion[], index: number, rand: () => number): string;
export function ensureAnswerDir(dir: string, count: number, questions: readonly GeneratedQuestion[]): Promise<void>;
