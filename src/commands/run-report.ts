import { extname } from 'node:path';
import { UserError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { displayPath } from '../io/load-questionnaire.js';
import { loadRenderer, type ReportFormat, reportFormatOfExtension } from '../report/index.js';
import { runMessages } from '../ui/messages.js';

/** The end of `cxm run`: the `cxm score` text report on screen, and `--report FILE` if asked. */

/** Checked when the run starts, so that a typo does not surface only after an hour's workshop. */
export function reportFormatOf(path: string): ReportFormat {
  const ext = extname(path).toLowerCase();
  const format = reportFormatOfExtension(ext);
  if (format !== undefined) return format;
  throw new UserError(`--report ${path}: unknown report format "${ext}"`, { hint: 'name the file .md, .json or .html' });
}

export interface FinalReportOptions {
  lang: string;
  color: boolean;
  report: string | undefined;
  out?: NodeJS.WriteStream;
}

export async function showFinalReport(answerPath: string, options: FinalReportOptions): Promise<void> {
  const out = options.out ?? process.stdout;
  const messages = runMessages(options.lang);
  // Loaded only now: the first question must not wait for the scorer and the renderers.
  const { scoreAnswerPaths } = await import('../io/score-files.js');
  const { report } = await scoreAnswerPaths([answerPath], { lang: options.lang });
  const width = Math.min(out.columns || 80, 120);
  const text = await loadRenderer('text');
  out.write(text(report, { color: options.color, width, lang: options.lang, detail: false }));
  if (options.report !== undefined) {
    const render = await loadRenderer(reportFormatOf(options.report));
    await writeFileAtomic(options.report, render(report, { color: false, width: 100, lang: options.lang, detail: false }));
    out.write(`\n${messages.reportWritten(displayPath(options.report))}\n`);
  }
  out.write(`${messages.answersSaved(displayPath(answerPath))}\n`);
}
