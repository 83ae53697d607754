/** One bundled questionnaire as `cxm list` shows it. */
export interface ListedQuestionnaire {
  id: string;
  version: string;
  title: string;
  languages: string[];
  capabilities: number;
  questions: number;
}
