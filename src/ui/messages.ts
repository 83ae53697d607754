/** The words of the `cxm run` screens, in the run's language (English where a language is missing). */
export interface RunMessages {
  answered(answered: number, total: number): string;
  /** The header's position: stable numbers, follow-ups counted apart. */
  questionOf(number: string, total: number, followUps: number): string;
  elapsed(clock: string, timebox: string | undefined): string;
  onPace: string;
  behind(questions: number): string;
  overTime: string;
  questionList: string;
  listTitle: string;
  listKeys: string;
  statusAnswered: string;
  statusSkipped: string;
  flagged: string;
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
  noteUnchanged: string;
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
  progressSaved(answered: number, total: number, path: string): string;
  resumeWith(command: string): string;
  nothingSaved: string;
  openInPager: string;
  answersSaved(path: string): string;
  completedTitle: string;
  reviewAll: string;
  reviewSkipped: string;
  showReport: string;
  /** A lock left by a run that is no longer running was taken over (SPEC §8). */
  lockTakenOver(pid: number, host: string, since: string): string;
  /** The answer file was changed outside the run; these answers came from that change. */
  mergedFromFile(path: string, ids: string[]): string;
  /** Both changed one answer: `kept` and `other` are already shown (`4`, `n/a`, a quoted note, or undefined: none). */
  conflictKept(id: string, part: 'value' | 'note', kept: string | undefined, other: string | undefined): string;
  fieldConflictKept(field: string): string;
  divertedToSideFile(path: string, problem: string, sideFile: string): string;
  closingConflicts(path: string): string;
  closingSideFile(path: string, sideFile: string): string;
}

const en: RunMessages = {
  answered: (answered, total) => `${answered}/${total} answered`,
  questionOf: (number, total, followUps) =>
    followUps > 0 ? `Q ${number} of ${total} (+${followUps} follow-up${followUps === 1 ? '' : 's'})` : `Q ${number} of ${total}`,
  elapsed: (clock, timebox) => (timebox === undefined ? clock : `${clock} of ${timebox}`),
  onPace: 'on pace',
  behind: (questions) => `${questions} behind`,
  overTime: 'over time',
  questionList: 'Go to a question…',
  listTitle: 'Go to a question',
  listKeys: '↑↓ or its number to choose · ⏎ go there · Esc back',
  statusAnswered: 'answered',
  statusSkipped: 'skipped',
  flagged: 'note',
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
  noteHint: '(empty removes the note · Esc keeps it)',
  noteUnchanged: '(unchanged)',
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
  progressSaved: (answered, total, path) => `Progress saved (${answered} of ${total} questions answered): ${path}`,
  resumeWith: (command) => `Resume with: ${command}`,
  nothingSaved: 'Interrupted before the first answer; nothing was saved.',
  openInPager: 'Open the full report in a pager?',
  answersSaved: (path) => `Answers saved to ${path}`,
  completedTitle: 'This assessment is complete. What would you like to do?',
  reviewAll: 'Review and change answers',
  reviewSkipped: 'Answer the skipped questions',
  showReport: 'Show the report',
  lockTakenOver: (pid, host, since) =>
    `Took over the lock left by a cxm run that is no longer running (pid ${pid} on ${host}, since ${since})`,
  mergedFromFile: (path, ids) => `${path} was changed outside this run; merged in its answers to ${ids.join(', ')}`,
  conflictKept: (id, part, kept, other) =>
    `${id}: kept this run's ${part === 'value' ? 'answer' : 'note'} ${kept ?? '(none)'}; the other change to the file had ${other ?? '(none)'}`,
  fieldConflictKept: (field) => `${field}: kept this run's value; the other change to the file had another`,
  divertedToSideFile: (path, problem, sideFile) =>
    `${path} is no longer a valid answer file (${problem}); it is left as it is and the answers are saved to ${sideFile}`,
  closingConflicts: (path) => `${path} was also changed outside this run; where both changed an answer, this run's was kept:`,
  closingSideFile: (path, sideFile) => `${path} was invalid and left as it is; this run's answers are in ${sideFile} (merge them by hand)`,
};

const ja: RunMessages = {
  answered: (answered, total) => `${answered}/${total} 回答済み`,
  questionOf: (number, total, followUps) => (followUps > 0 ? `Q ${number} / ${total}（追加質問 +${followUps}）` : `Q ${number} / ${total}`),
  elapsed: (clock, timebox) => (timebox === undefined ? clock : `${clock} / ${timebox}`),
  onPace: '予定どおり',
  behind: (questions) => `${questions} 問遅れ`,
  overTime: '時間超過',
  questionList: '質問の一覧から移動…',
  listTitle: '質問の一覧から移動',
  listKeys: '↑↓・番号で選択 · ⏎ 移動 · Esc 戻る',
  statusAnswered: '回答済み',
  statusSkipped: 'スキップ',
  flagged: 'メモ',
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
  noteHint: '（空にするとメモを削除 · Esc で変更しない）',
  noteUnchanged: '（変更なし）',
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
  progressSaved: (answered, total, path) => `途中まで保存しました（${total} 問中 ${answered} 問回答済み）：${path}`,
  resumeWith: (command) => `続きから再開するには：${command}`,
  nothingSaved: '最初の回答の前に中断しました。何も保存していません。',
  openInPager: '詳しいレポートをページャーで開きますか？',
  answersSaved: (path) => `回答を保存しました：${path}`,
  completedTitle: 'このアセスメントは完了しています。どうしますか？',
  reviewAll: '回答を見直して変更する',
  reviewSkipped: 'スキップした質問に回答する',
  showReport: 'レポートを表示',
  lockTakenOver: (pid, host, since) => `終了済みの cxm run が残したロックを引き継ぎました（pid ${pid}、${host}、${since} から）`,
  mergedFromFile: (path, ids) => `${path} がこの実行の外で変更されました。${ids.join('、')} の回答を取り込みました`,
  conflictKept: (id, part, kept, other) =>
    `${id}: この実行の${part === 'value' ? '回答' : 'メモ'} ${kept ?? '（なし）'} を残しました（ファイル側の変更は ${other ?? '（なし）'}）`,
  fieldConflictKept: (field) => `${field}: この実行の値を残しました（ファイル側で別の値に変更されていました）`,
  divertedToSideFile: (path, problem, sideFile) =>
    `${path} が有効な回答ファイルではなくなりました（${problem}）。そのまま残し、回答は ${sideFile} に保存しています`,
  closingConflicts: (path) => `${path} はこの実行の外でも変更されました。両方で変更された回答は、この実行のものを残しました：`,
  closingSideFile: (path, sideFile) =>
    `${path} は無効なためそのまま残しました。この実行の回答は ${sideFile} にあります（手で統合してください）`,
};

const byLanguage: Record<string, RunMessages> = { en, ja };

export function runMessages(lang: string): RunMessages {
  return byLanguage[lang] ?? byLanguage[lang.split('-')[0] ?? ''] ?? en;
}
