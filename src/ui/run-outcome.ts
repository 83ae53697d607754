import type { Report } from '../model/report.js';

/** How a `cxm run` ended, as data: the ui tells it (run-end.ts) and turns it into an exit code. */
export type RunOutcome =
  /** Interrupted or quit before a single answer or note: no file was written. */
  | { kind: 'nothing-saved'; lang: string }
  | {
      kind: 'quit';
      lang: string;
      answered: number;
      total: number;
      savedPath: string;
      /** The command that continues it. */
      resume: string;
      /** Answers both sides changed, a side file: already in words. */
      closing: string[];
    }
  | {
      kind: 'finished';
      lang: string;
      color: boolean;
      report: Report;
      /** Where the full report was written. */
      reportPath: string;
      savedPath: string;
      closing: string[];
    };
