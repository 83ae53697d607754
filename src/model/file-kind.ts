/** What a parsed YAML or JSON file is, by its top-level keys; the schemas then say whether it is a valid one. */
export type FileKind = 'questionnaire' | 'answers' | 'report' | 'diff' | 'unknown';

/**
 * The one place that tells the kinds apart. A JSON report of `cxm score` or `cxm diff` carries
 * `schemaVersion` and `capabilities` (a diff also `regressions`); a questionnaire has capabilities,
 * scales or levels; an answer file names its questionnaire and its answers.
 */
export function fileKindOf(data: unknown): FileKind {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return 'unknown';
  if ('schemaVersion' in data && 'capabilities' in data) return 'regressions' in data ? 'diff' : 'report';
  if ('answers' in data) return 'answers';
  if ('capabilities' in data || 'scales' in data || 'levels' in data) return 'questionnaire';
  if ('questionnaire' in data) return 'answers';
  return 'unknown';
}
