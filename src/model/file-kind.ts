/** The kinds of file cxm reads or writes, told apart by their top-level keys. */
export type FileKind = 'questionnaire' | 'answers' | 'report' | 'diff' | 'unknown';

/**
 * Which kind of file `data` (a parsed YAML/JSON file) is. What cxm writes comes first: a JSON report
 * (`cxm score --format json`) also has `capabilities` and a diff (`cxm diff --format json`) also has
 * `overall`, so only their `schemaVersion` tells them from a questionnaire; a diff has `before` and
 * `after`. An answer file names its `questionnaire`; a questionnaire has scales, levels, capabilities.
 */
export function detectFileKind(data: unknown): FileKind {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return 'unknown';
  if ('schemaVersion' in data) {
    if ('before' in data && 'after' in data) return 'diff';
    if ('overall' in data || 'capabilities' in data) return 'report';
  }
  if ('capabilities' in data || 'scales' in data || 'levels' in data) return 'questionnaire';
  if ('questionnaire' in data || 'answers' in data) return 'answers';
  return 'unknown';
}
