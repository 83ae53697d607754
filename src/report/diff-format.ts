import { formatScore, NO_SCORE, roundScore } from '../core/format-score.js';
import type { DiffReport, DiffStatus, QuestionSide } from '../model/diff-report.js';
import { toSingleLine } from '../text/wrap.js';

/** Options shared by the diff renderers. */
export interface DiffRenderOptions {
  /** Language of the diff's own labels (the questionnaire texts are already localised). */
  lang: string;
  color: boolean;
  /** Terminal width for the text table. */
  width: number;
  detail: boolean;
}

const en = {
  heading: 'Assessment diff',
  source: 'source',
  version: 'questionnaire version',
  respondents: 'respondents',
  respondentCount: (n: number) => `${n} ${n === 1 ? 'respondent' : 'respondents'}`,
  noteOf: (side: string) => `${side} note`,
  generated: 'report made',
  capability: 'capability',
  question: 'question',
  before: 'before',
  after: 'after',
  change: 'change',
  level: 'level',
  status: 'status',
  overall: 'Overall',
  changedAnswers: 'Changed answers',
  noChangedAnswers: 'No answer changed.',
  warnings: 'Warnings',
  hidden: 'hidden',
  unanswered: 'unanswered',
  tolerance: (t: string) => `unchanged: within ±${t} points`,
  mean: (n: number) => `mean of ${n}`,
  status_improved: 'improved',
  status_regressed: 'regressed',
  status_unchanged: 'unchanged',
  status_new: 'new',
  'status_not-assessed': 'not assessed',
  commonBasis: 'over the capabilities both questionnaires have',
};
type Labels = typeof en;

const ja: Labels = {
  heading: 'アセスメント比較',
  source: '入力',
  version: '設問票バージョン',
  respondents: '回答者数',
  respondentCount: (n: number) => `回答者${n}人`,
  noteOf: (side: string) => `${side}のメモ`,
  generated: 'レポート作成日時',
  capability: 'ケイパビリティ',
  question: '設問',
  before: '前回',
  after: '今回',
  change: '変化',
  level: 'レベル',
  status: '状態',
  overall: '総合',
  changedAnswers: '回答が変わった設問',
  noChangedAnswers: '回答の変化はありません。',
  warnings: '警告',
  hidden: '非表示',
  unanswered: '未回答',
  tolerance: (t: string) => `変化なし：±${t}ポイント以内`,
  mean: (n: number) => `${n}人の平均`,
  status_improved: '向上',
  status_regressed: '低下',
  status_unchanged: '変化なし',
  status_new: '新規評価',
  'status_not-assessed': '未評価',
  commonBasis: '両方の設問票にあるケイパビリティで算出',
};

export function diffLabels(lang: string): Labels {
  return lang === 'ja' || lang.startsWith('ja-') ? ja : en;
}

export function statusLabel(status: DiffStatus, lang: string): string {
  return diffLabels(lang)[`status_${status}`];
}

export const statusArrow: Record<DiffStatus, string> = {
  improved: '▲',
  regressed: '▼',
  unchanged: '=',
  new: '+',
  'not-assessed': '·',
};

/** Signed, one decimal; a change that rounds to nothing shows as 0.0 without a sign. */
export function formatDelta(delta: number | null): string {
  if (delta === null) return NO_SCORE;
  const rounded = roundScore(delta);
  if (rounded === 0) return '0.0';
  return rounded > 0 ? `+${rounded.toFixed(1)}` : `-${Math.abs(rounded).toFixed(1)}`;
}

export function levelLabel(diff: DiffReport, id: string | null): string {
  if (id === null) return '—';
  return diff.levels.find((l) => l.id === id)?.label ?? id;
}

/** "Defined" when the level stayed, "Developing → Defined" when it moved. */
export function formatLevelChange(diff: DiffReport, level: DiffReport['overall']['level']): string {
  if (level.before === level.after) return levelLabel(diff, level.after);
  return `${levelLabel(diff, level.before)} → ${levelLabel(diff, level.after)}`;
}

/** A question's answer on one side: the value for one respondent, else the mean score. */
export function formatAnswer(side: QuestionSide, lang: string): string {
  const labels = diffLabels(lang);
  if (side.respondents === 1 && side.value !== undefined) {
    if (side.hidden) return labels.hidden;
    if (side.value === null) return labels.unanswered;
    return String(side.value);
  }
  return `${formatScore(side.score)} (${labels.mean(side.counted)})`;
}

/** The regression lines of --fail-on-regression: each capability (and overall) with before → after. */
export function regressionLines(diff: DiffReport): string[] {
  const line = (name: string, e: Pick<DiffReport['overall'], 'before' | 'after' | 'delta' | 'level'>) =>
    toSingleLine(
      `${name}: ${formatScore(e.before)} → ${formatScore(e.after)} (${formatDelta(e.delta)}, ${formatLevelChange(diff, e.level)})`,
    );
  return diff.regressions.map((id) => {
    if (id === 'overall') return line('overall', diff.overall);
    const cap = diff.capabilities.find((c) => c.id === id);
    return cap ? line(`${id} (${cap.title})`, cap) : id;
  });
}

/** What --fail-on-regression says on stderr before exit 1. */
export function renderRegressions(diff: DiffReport): string {
  const lines = regressionLines(diff).map((line) => `  regressed: ${line}\n`);
  return `cxm: ${diff.regressions.length} regression(s) beyond ±${diff.tolerance} points:\n${lines.join('')}`;
}
