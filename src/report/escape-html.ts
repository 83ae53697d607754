import { sanitizeText } from '../text/sanitize.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text safe both as element content and inside a quoted attribute value. Control characters
 * (other than tab and newline) and bidi overrides are shown escaped: invalid in HTML, they only hide things.
 */
export function escapeHtml(text: string): string {
  return sanitizeText(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
