import { basename, dirname, extname, join } from 'node:path';
import { UserError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import type { Report } from '../model/report.js';
import { loadRenderer, type ReportFormat, reportFormatOfExtension } from '../report/index.js';

/** The end of `cxm run`: the answers scored, and the full report written to a file. */

/** Checked when the run starts, so that a typo does not surface only after an hour's workshop. */
export function reportFormatOf(path: string): ReportFormat {
  const ext = extname(path).toLowerCase();
  const format = reportFormatOfExtension(ext);
  if (format !== undefined) return format;
  throw new UserError(`--report ${path}: unknown report format "${ext}"`, { hint: 'name the file .md, .json or .html' });
}

/** Without `--report`, the report goes beside the answer file: `a.yaml` → `a-report.md`. */
export function defaultReportPath(answerPath: string): string {
  return join(dirname(answerPath), `${basename(answerPath, extname(answerPath))}-report.md`);
}

/** Scores the saved answers and writes the report (its format from the file's extension). */
export async function finalReport(answerPath: string, reportPath: string, lang: string): Promise<Report> {
  // Loaded only now: the first question must not wait for the scorer and the renderers.
  const { scoreAnswerPaths } = await import('../io/score-files.js');
  const { report } = await scoreAnswerPaths([answerPath], { lang, detail: true });
  const render = await loadRenderer(reportFormatOf(reportPath));
  await writeFileAtomic(reportPath, render(report, { color: false, width: 100, lang, detail: true }));
  return report;
}
