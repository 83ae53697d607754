import { diffReportSchema } from '../model/diff-report.js';
import type { Problem } from '../model/problem.js';
import { reportSchema } from '../model/report.js';
import { findingsFromZod } from '../model/zod-findings.js';
import type { SourceFile } from '../io/yaml-source.js';

/**
 * A JSON report (`cxm score --format json`) or diff (`cxm diff --format json`) given to validate:
 * checked against its own schema, the one `cxm diff` reads it with, so a kept report that diff would
 * refuse is caught here, each problem at its line and column (not ~90 problems of an answer file).
 */
export function checkWrittenReport(kind: 'report' | 'diff', source: SourceFile): { summary: string; problems: Problem[] } {
  const schema = kind === 'report' ? reportSchema : diffReportSchema;
  const parsed = schema.safeParse(source.data);
  if (!parsed.success) return { summary: '', problems: findingsFromZod(parsed.error.issues, source.data).map(source.locate) };
  return { summary: `${kind}, ${parsed.data.capabilities.length} capabilities`, problems: [] };
}
