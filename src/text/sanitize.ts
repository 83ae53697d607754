/**
 * Text from files (questionnaires, answers, names, notes, labels, file names) is shown to people,
 * and a terminal obeys what it prints: ESC starts a sequence that can retitle or clear it, C1
 * controls (0x80–0x9F) do the same on some terminals, and the bidi embeddings, overrides and
 * isolates make text read differently from what it is (SPEC §8). Each such character is shown as
 * its `\uXXXX` escape instead: visible, unambiguous, and what JSON itself would write.
 */

// Kept in text: tab and newline, which a note or a multi-line statement may hold on purpose.
const UNSAFE_IN_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// A message is one line per problem: a newline or tab inside it is escaped too.
const UNSAFE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// JSON.stringify escapes C0 itself; DEL, C1 and bidi controls stay raw unless escaped here.
const RAW_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const escapeCharacter = (character: string): string => `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** For text that may span lines: a note, a statement, a report cell. */
export function sanitizeText(text: string): string {
  return text.replace(UNSAFE_IN_TEXT, escapeCharacter);
}

/** For a one-line message: an error, a warning, a file name. */
export function sanitizeLine(text: string): string {
  return text.replace(UNSAFE_IN_LINE, escapeCharacter);
}

/** Several messages, one per line: each line made safe, the line breaks between them kept. */
export function sanitizeLines(text: string): string {
  return text.split('\n').map(sanitizeLine).join('\n');
}

/**
 * Serialised JSON that shows the same data and cannot move a terminal's cursor when printed:
 * the characters are escaped as JSON escapes, so parsing it gives back every string unchanged.
 * (Outside strings JSON holds only ASCII, so escaping the whole text is safe.)
 */
export function escapeUnsafeInJson(json: string): string {
  return json.replace(RAW_IN_JSON, escapeCharacter);
}

/**
 * A copy of plain data (a report, a questionnaire to show) with every string made safe by
 * `sanitizeText`, keys included. Renderers get this copy, so no format can forget a field.
 */
export function sanitizeData<T>(value: T): T {
  return sanitizeValue(value) as T;
}

// Copies only what changes: a large report with nothing to escape is walked, not duplicated.
function sanitizeValue(value: unknown): unknown {
  if (typeof value === 'string') return sanitizeText(value);
  if (Array.isArray(value)) {
    const items = value.map(sanitizeValue);
    return items.some((item, index) => item !== value[index]) ? items : value;
  }
  if (value !== null && typeof value === 'object' && isPlainObject(value)) return sanitizeObject(value);
  return value;
}

/**
 * A report's large lists may be getters that build themselves when read (a survey's respondents):
 * those stay getters, made safe when read, so sanitising never builds what streaming avoids.
 * Properties are defined, not assigned: a key named __proto__ stays data, never a prototype.
 */
function sanitizeObject(value: object): object {
  const descriptors = Object.entries(Object.getOwnPropertyDescriptors(value));
  const hasGetter = descriptors.some(([, d]) => d.get !== undefined);
  // Keys too: a role is a key of `byRole` and a column of the by-role table.
  const safe = descriptors.map(([key, d]) => [sanitizeText(key), d.get === undefined ? sanitizeValue(d.value) : undefined] as const);
  const unchanged = safe.every(([key, entry], index) => key === descriptors[index]?.[0] && entry === descriptors[index]?.[1].value);
  if (!hasGetter && unchanged) return value;
  const copy: object = Object.create(Object.getPrototypeOf(value));
  descriptors.forEach(([, d], index) => {
    const key = safe[index]?.[0] ?? '';
    const read = d.get;
    const descriptor: PropertyDescriptor =
      read === undefined
        ? { value: safe[index]?.[1], enumerable: d.enumerable ?? true, writable: true, configurable: true }
        : { get: () => sanitizeRead(read.call(value)), enumerable: d.enumerable ?? true, configurable: true };
    Object.defineProperty(copy, key, descriptor);
  });
  return copy;
}

/** Safe copies of what getters gave, by what they gave: dropped with it. */
const safeReads = new WeakMap<object, unknown>();

/**
 * A getter that keeps its list (a report's respondents) gives the same object at every read, and
 * renderers read it many times: made safe once. One that builds a new list per read (a
 * capability's) is made safe per read, and its copy dies with it.
 */
function sanitizeRead(read: unknown): unknown {
  if (read === null || typeof read !== 'object') return sanitizeValue(read);
  let safe = safeReads.get(read);
  if (safe === undefined) {
    safe = sanitizeValue(read);
    safeReads.set(read, safe);
  }
  return safe;
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
