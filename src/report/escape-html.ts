const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text safe both as element content and inside a quoted attribute value. Control characters
 * (other than tab and newline) are dropped: they are invalid in HTML and only hide things.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
