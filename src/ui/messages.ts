/** The words of the `cxm run` screens, in the run's language (English where a language is missing). */
export interface RunMessages {
  answered(answered: number, total: number): string;
  help: string;
  currentAnswer: string;
  notAnswered: string;
  note: string;
  yourAnswer: string;
  notApplicable: string;
  skip: string;
  skipClears: string;
  addNote: string;
  editNote: string;
  showHelp: string;
  hideHelp: string;
  back: string;
  quit: string;
  keys: string;
  menuKeys: string;
  notePrompt: string;
  noteHint: string;
  skippedTitle(count: number): string;
  whatNow: string;
  answerSkipped: string;
  finish: string;
  saveAndQuit: string;
  respondentName: string;
  respondentRole: string;
  respondentOrganization: string;
  optional: string;
  reportWritten(path: string): string;
  answersSaved(path: string): string;
  completedTitle: string;
  reviewAll: string;
  reviewSkipped: string;
  showReport: string;
}

const en: RunMessages = {
  answered: (answered, total) => `${answered}/${total} answered`,
  help: 'Help',
  currentAnswer: 'Current answer',
  notAnswered: 'not answered yet',
  note: 'Note',
  yourAnswer: 'Your answer',
  notApplicable: 'Not applicable',
  skip: 'Skip for now',
  skipClears: 'Skip (clear this answer)',
  addNote: 'Add a note',
  editNote: 'Edit the note',
  showHelp: 'Show help',
  hideHelp: 'Hide help',
  back: 'Back to the previous question',
  quit: 'Save and quit',
  keys: '↑↓ or number/letter to choose · ⏎ confirm · Ctrl-C save and quit',
  menuKeys: '↑↓ choose · ⏎ confirm · Ctrl-C save and quit',
  notePrompt: 'Note',
  noteHint: '(empty removes the note)',
  skippedTitle: (count) => `${count} question${count === 1 ? '' : 's'} not answered:`,
  whatNow: 'What now?',
  answerSkipped: 'Answer them now',
  finish: 'Finish and show the report',
  saveAndQuit: 'Save and quit (finish later)',
  respondentName: 'Respondent name',
  respondentRole: 'Role or department (e.g. marketing)',
  respondentOrganization: 'Organization',
  optional: '(optional)',
  reportWritten: (path) => `Report written to ${path}`,
  answersSaved: (path) => `Answers saved to ${path}`,
  completedTitle: 'This assessment is complete. What would you like to do?',
  reviewAll: 'Review and change answers',
  reviewSkipped: 'Answer the skipped questions',
  showReport: 'Show the report',
};

const ja: RunMessages = {
  answered: (answered, total) => `${answered}/${total} 回答済み`,
  help: 'ヘルプ',
  currentAnswer: '現在の回答',
  notAnswered: '未回答',
  note: 'メモ',
  yourAnswer: '回答',
  notApplicable: '該当しない',
  skip: 'スキップ（後で回答）',
  skipClears: 'スキップ（この回答を消す）',
  addNote: 'メモを追加',
  editNote: 'メモを編集',
  showHelp: 'ヘルプを表示',
  hideHelp: 'ヘルプを隠す',
  back: '前の質問に戻る',
  quit: '保存して終了',
  keys: '↑↓・数字・英字で選択 · ⏎ 決定 · Ctrl-C 保存して終了',
  menuKeys: '↑↓ 選択 · ⏎ 決定 · Ctrl-C 保存して終了',
  notePrompt: 'メモ',
  noteHint: '（空にするとメモを削除）',
  skippedTitle: (count) => `未回答の質問が ${count} 件あります：`,
  whatNow: 'どうしますか？',
  answerSkipped: '今すぐ回答する',
  finish: '終了してレポートを表示',
  saveAndQuit: '保存して終了（後で続ける）',
  respondentName: '回答者の氏名',
  respondentRole: '役割・部門（例：marketing）',
  respondentOrganization: '組織名',
  optional: '（任意）',
  reportWritten: (path) => `レポートを保存しました：${path}`,
  answersSaved: (path) => `回答を保存しました：${path}`,
  completedTitle: 'このアセスメントは完了しています。どうしますか？',
  reviewAll: '回答を見直して変更する',
  reviewSkipped: 'スキップした質問に回答する',
  showReport: 'レポートを表示',
};

const byLanguage: Record<string, RunMessages> = { en, ja };

export function runMessages(lang: string): RunMessages {
  return byLanguage[lang] ?? byLanguage[lang.split('-')[0] ?? ''] ?? en;
}
