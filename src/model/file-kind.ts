/** What a parsed YAML or JSON file is, by its top-level keys; the schemas then say whether it is a valid one. */
export type FileKind = 'questionnaire' | 'answers' | 'report' | 'diff' | 'unknown';

/**
 * The one place that tells the kinds apart. What cxm writes comes first: a JSON report
 * (`cxm score --format json`) also has `capabilities` and a diff (`cxm diff --format json`) also has
 * `overall`, so only their `schemaVersion` tells them from a questionnaire; a diff has `before` and
 * `after` (and `regressions`). An answer file carries `answers`; a questionnaire has capabilities,
 * scales or levels; a file that only names its `questionnaire` is an answer file still to be filled.
 */
export function fileKindOf(data: unknown): FileKind {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return 'unknown';
  if ('schemaVersion' in data) {
    if (('before' in data && 'after' in data) || 'regressions' in data) return 'diff';
    if ('overall' in data || 'capabilities' in data) return 'report';
  }
  if ('answers' in data) return 'answers';
  if ('capabilities' in data || 'scales' in data || 'levels' in data) return 'questionnaire';
  if ('questionnaire' in data) return 'answers';
  return 'unknown';
}
