import type { ChalkInstance } from 'chalk';
import type { Report } from '../model/report.js';
import { wrapIndented } from '../text/wrap.js';
import type { ReportLabels } from './labels.js';
import { stepItems } from './report-view.js';

/** What every block of the text report is drawn with. */
export interface TextContext {
  report: Report;
  chalk: ChalkInstance;
  t: ReportLabels;
  width: number;
}

export function heading(chalk: ChalkInstance, text: string): string {
  return chalk.bold.underline(text);
}

/** Actions as "- action", each with its done-criterion below it. */
export function actionLines(
  width: number,
  actions: string[],
  indent: string,
  doneWhen: (string | null)[] | undefined,
  t: ReportLabels,
): string[] {
  return stepItems(actions, doneWhen).flatMap((a) => [
    ...wrapIndented(a.action, width, `${indent}- `),
    ...(a.doneWhen !== undefined ? wrapIndented(`${t.doneWhen}: ${a.doneWhen}`, width, `${indent}  `) : []),
  ]);
}
