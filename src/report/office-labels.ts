import { reportLabels, type ReportLabels } from './labels.js';

/** The words the workbook and the deck add to the reports' own labels (src/report/labels.ts). */
export interface OfficeLabels extends ReportLabels {
  questionnaire: string;
  version: string;
  item: string;
  value: string;
  strength: string;
  gap: string;
  respondent: string;
  warning: string;
  gate: string;
  weight: string;
  disagreement: string;
  yes: string;
  from: string;
  to: string;
  action: string;
  phaseColumn: string;
  months: string;
  answer: string;
  overallVsTarget: (score: string, level: string, target: string) => string;
  continued: (page: number, pages: number) => string;
  allRoles: string;
  targetLine: string;
  noDisagreement: string;
}

const en = {
  questionnaire: 'Questionnaire',
  version: 'Version',
  item: 'Item',
  value: 'Value',
  strength: 'Strength',
  gap: 'Gap',
  respondent: 'Respondent',
  warning: 'Warning',
  gate: 'Gate',
  weight: 'Weight',
  disagreement: 'Disagreement',
  yes: 'yes',
  from: 'From',
  to: 'To',
  action: 'Action',
  phaseColumn: 'Phase',
  months: 'Months',
  answer: 'Answer',
  overallVsTarget: (score: string, level: string, target: string) => `${score} · ${level} (target: ${target})`,
  continued: (page: number, pages: number) => `(${page}/${pages})`,
  allRoles: 'All respondents',
  targetLine: 'Target',
  noDisagreement: 'No capability is flagged as a disagreement.',
};

const ja: typeof en = {
  questionnaire: '質問票',
  version: 'バージョン',
  item: '項目',
  value: '値',
  strength: '強み',
  gap: '課題',
  respondent: '回答者',
  warning: '警告',
  gate: 'ゲート',
  weight: '重み',
  disagreement: '評価の分かれ',
  yes: 'あり',
  from: '現在',
  to: '次',
  action: 'アクション',
  phaseColumn: 'フェーズ',
  months: '期間（月）',
  answer: '回答',
  overallVsTarget: (score, level, target) => `${score} · ${level}（目標: ${target}）`,
  continued: (page, pages) => `（${page}/${pages}）`,
  allRoles: '全回答者',
  targetLine: '目標',
  noDisagreement: '評価が大きく分かれた領域はありません。',
};

const byLang: Record<string, typeof en> = { en, ja };

/** Labels for a language code such as `ja` or `ja-JP`; English when we have no translation. */
export function officeLabels(lang: string): OfficeLabels {
  return { ...reportLabels(lang), ...(byLang[lang.toLowerCase().split(/[-_]/)[0] ?? ''] ?? en) };
}
