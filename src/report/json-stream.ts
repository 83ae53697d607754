import { randomBytes } from 'node:crypto';
import { copyWith } from '../core/lazy-copy.js';
import { reportRespondentsOf, respondentCountOf, respondentEntriesOf } from '../core/respondent-entries.js';
import type { Report } from '../model/report.js';
import type { RenderOptions } from './render-options.js';
import { escapeUnsafeInJson } from '../text/sanitize.js';

/** From this many respondents on, `cxm score --format json` writes the report in pieces. */
export const STREAM_JSON_FROM = 1001;

/** Roughly how much text is handed over at a time. */
const CHUNK_CHARS = 64 * 1024;

/**
 * The JSON report of `renderJson`, byte for byte, as a sequence of pieces: the lists that grow with
 * the respondents (the report's `respondents` and each capability's) are written one entry at a
 * time, so a survey of 100,000 rows never needs its whole report as one string. The rest of the
 * report is small and is rendered by JSON.stringify as usual, with a marker where each list goes.
 */
export function* renderJsonChunks(report: Report, _options?: RenderOptions): Generator<string> {
  const token = `cxm-stream-${randomBytes(8).toString('hex')}`;
  const capabilities = report.capabilities.map((cap, c) => copyWith(cap, { respondents: `${token}-${c + 1}` }));
  const template = JSON.stringify(copyWith(report, { respondents: `${token}-0`, capabilities }), null, 2);
  const pieces = template.split(new RegExp(`"${token}-(\\d+)"`));
  let buffer = '';
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k] ?? '';
    if (k % 2 === 0) {
      buffer += piece;
      continue;
    }
    const n = Number(piece);
    // Read only now, one capability at a time: each list lives while it is written.
    const capability = report.capabilities[n - 1];
    const { length, entry } = n === 0 ? reportEntries(report) : capabilityEntries(report, capability);
    if (length === 0) {
      buffer += '[]';
      continue;
    }
    const indent = /\n( *)[^\n]*$/.exec(buffer)?.[1] ?? '';
    const inner = `\n${indent}  `;
    const prefixes = new FieldPrefixes(inner);
    buffer += '[';
    for (let i = 0; i < length; i++) {
      buffer += `${i === 0 ? '' : ','}${inner}${entryJson(entry(i), inner, prefixes)}`;
      if (buffer.length >= CHUNK_CHARS) {
        yield escapeUnsafeInJson(buffer);
        buffer = '';
      }
    }
    buffer += `\n${indent}]`;
  }
  yield `${escapeUnsafeInJson(buffer)}\n`;
}

interface Entries {
  length: number;
  entry: (i: number) => unknown;
}

function listEntries(list: readonly unknown[]): Entries {
  return { length: list.length, entry: (i) => list[i] };
}

function reportEntries(report: Report): Entries {
  return reportRespondentsOf(report) ?? listEntries(report.respondents);
}

/** A capability lists every respondent of the report, once each (SPEC §7). */
function capabilityEntries(report: Report, capability: Report['capabilities'][number] | undefined): Entries {
  const streamed = capability && respondentEntriesOf(capability);
  if (streamed) return { length: respondentCountOf(report), entry: streamed };
  return listEntries(capability?.respondents ?? []);
}

/** `inner  "key": ` for each key of a list's entries, made once per list rather than per field. */
class FieldPrefixes {
  private readonly known = new Map<string, string>();
  constructor(private readonly inner: string) {}

  of(key: string): string {
    let prefix = this.known.get(key);
    if (prefix === undefined) {
      prefix = `${this.inner}  ${JSON.stringify(key)}: `;
      this.known.set(key, prefix);
    }
    return prefix;
  }
}

/**
 * JSON.stringify(value, null, 2) of one list entry, indented to sit at `inner`. The entries are flat
 * objects of strings and numbers, written here key by key (several times faster on a million
 * entries); anything else goes to JSON.stringify itself.
 */
function entryJson(value: unknown, inner: string, prefixes: FieldPrefixes): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return JSON.stringify(value, null, 2).replaceAll('\n', inner);
  let out = '';
  for (const key of Object.keys(value)) {
    const field: unknown = Reflect.get(value, key);
    if (field === undefined) continue;
    const plain = field === null || typeof field === 'string' || typeof field === 'number' || typeof field === 'boolean';
    if (!plain) return JSON.stringify(value, null, 2).replaceAll('\n', inner);
    // JSON.stringify for numbers too (a non-finite one is null, as in a whole report), not String():
    // V8 keeps each number String() converts in a cache in the old generation, which holds the young
    // strings past a collection; a million distinct scores thrashed it into garbage (+25 MiB RSS).
    out += `${out === '' ? '' : ','}${prefixes.of(key)}${JSON.stringify(field)}`;
  }
  return out === '' ? '{}' : `{${out}${inner}}`;
}
