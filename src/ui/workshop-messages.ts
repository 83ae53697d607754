/** The words of the `cxm run --groups` screens, in the run's language (English where one is missing). */
export interface WorkshopMessages {
  voted(voted: number, total: number): string;
  notVoted: string;
  note: string;
  notApplicable: string;
  skipped: string;
  doesNotSee: string;
  /** Key hints, one item each: the screen breaks lines between items only. */
  voteKeys(last: number): string[];
  moreKeys: string[];
  confirmHint: string;
  discussTitle: string;
  discussLine(votes: string, spread: string): string;
  discussKeys: string[];
  capabilityTitle(capability: string): string;
  noScore: string;
  flaggedTitle: string;
  noneFlagged: string;
  continueKeys: string[];
  unvotedTitle(count: number): string;
  unvotedKeys: string[];
  notePrompt: string;
  facilitator: string;
  organization: string;
  optional: string;
  sessionKind: string;
  oneRespondent: string;
  groupSession: string;
  groupNames: string;
  groupNamesHint: string;
}

const en: WorkshopMessages = {
  voted: (voted, total) => `${voted}/${total} voted by every group`,
  notVoted: '·',
  note: 'Note',
  notApplicable: 'n/a',
  skipped: 'skipped',
  doesNotSee: '(does not see this question)',
  voteKeys: (last) => [`1-${last} vote`, 'n n/a', 's skip group', '= same for the rest', '⌫ back one group', '⏎ confirm'],
  moreKeys: ['e note', 'b previous question', 'g go to a question', '? help', 'q save and quit'],
  confirmHint: 'every group has voted: ⏎ confirm',
  discussTitle: 'The groups disagree',
  discussLine: (votes, spread) => `${votes} — discuss (spread ${spread})`,
  discussKeys: ['e record a note', 'r vote again', '⏎ continue', 'q save and quit'],
  capabilityTitle: (capability) => `Done: ${capability}`,
  noScore: '—',
  flaggedTitle: 'To discuss',
  noneFlagged: 'no question to discuss',
  continueKeys: ['⏎ continue', 'q save and quit'],
  unvotedTitle: (count) => `${count} question(s) not voted by every group`,
  unvotedKeys: ['a vote on them', 'f finish', 'q save and quit'],
  notePrompt: 'Discussion note:',
  facilitator: 'Facilitator',
  organization: 'Organization',
  optional: '(optional, Enter to skip)',
  sessionKind: 'Who answers?',
  oneRespondent: 'One respondent',
  groupSession: 'A group session: several groups vote on each question',
  groupNames: 'Groups, separated by commas (e.g. Marketing, Sales, IT):',
  groupNamesHint: 'name at least one group',
};

const ja: WorkshopMessages = {
  voted: (voted, total) => `${voted}/${total} 全グループ投票済み`,
  notVoted: '·',
  note: 'メモ',
  notApplicable: '該当なし',
  skipped: 'スキップ',
  doesNotSee: '(この設問は対象外)',
  voteKeys: (last) => [`1-${last} 投票`, 'n 該当なし', 's スキップ', '= 残りも同じ', '⌫ 一つ戻る', '⏎ 確定'],
  moreKeys: ['e メモ', 'b 前の設問', 'g 設問へ移動', '? ヘルプ', 'q 保存して終了'],
  confirmHint: '全グループ投票済み: ⏎ で確定',
  discussTitle: 'グループ間で意見が分かれています',
  discussLine: (votes, spread) => `${votes} — 話し合いましょう (ばらつき ${spread})`,
  discussKeys: ['e メモを記録', 'r 投票し直す', '⏎ 次へ', 'q 保存して終了'],
  capabilityTitle: (capability) => `完了: ${capability}`,
  noScore: '—',
  flaggedTitle: '話し合う設問',
  noneFlagged: '話し合う設問はありません',
  continueKeys: ['⏎ 次へ', 'q 保存して終了'],
  unvotedTitle: (count) => `全グループが投票していない設問: ${count}`,
  unvotedKeys: ['a 投票する', 'f 終了する', 'q 保存して終了'],
  notePrompt: '話し合いのメモ:',
  facilitator: 'ファシリテーター',
  organization: '組織',
  optional: '(任意、Enter でスキップ)',
  sessionKind: '回答するのは?',
  oneRespondent: '一人の回答者',
  groupSession: 'グループセッション: 複数のグループが各設問に投票',
  groupNames: 'グループ名をカンマ区切りで (例: マーケティング, 営業, IT):',
  groupNamesHint: 'グループを一つ以上入力してください',
};

export function workshopMessages(lang: string): WorkshopMessages {
  return lang === 'ja' || lang.startsWith('ja-') ? ja : en;
}
