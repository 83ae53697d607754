import { randomBytes } from 'node:crypto';
import { respondentEntriesOf } from '../core/respondent-entries.js';
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
  const capabilities = report.capabilities.map((cap, c) => {
    // Copied key by key without reading `respondents`, which builds its list when read.
    const copy: Record<string, unknown> = {};
    for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(cap))) {
      copy[key] = key === 'respondents' ? `${token}-${c + 1}` : descriptor.value;
    }
    return copy;
  });
  const template = JSON.stringify({ ...report, respondents: `${token}-0`, capabilities }, null, 2);
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
    const streamed = capability && respondentEntriesOf(capability);
    const list = n === 0 ? report.respondents : streamed ? undefined : (capability?.respondents ?? []);
    const length = list?.length ?? report.respondents.length;
    const entryAt = (i: number): unknown => (streamed ? streamed(i) : list?.[i]);
    if (length === 0) {
      buffer += '[]';
      continue;
    }
    const indent = /\n( *)[^\n]*$/.exec(buffer)?.[1] ?? '';
    const inner = `\n${indent}  `;
    buffer += '[';
    for (let i = 0; i < length; i++) {
      buffer += `${i === 0 ? '' : ','}${inner}${entryJson(entryAt(i), inner)}`;
      if (buffer.length >= CHUNK_CHARS) {
        yield escapeUnsafeInJson(buffer);
        buffer = '';
      }
    }
    buffer += `\n${indent}]`;
  }
  yield `${escapeUnsafeInJson(buffer)}\n`;
}

const keys = new Map<string, string>();
/** The few keys of the entries, quoted once. */
function keyJson(key: string): string {
  let quoted = keys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    keys.set(key, quoted);
  }
  return quoted;
}

/**
 * JSON.stringify(value, null, 2) of one list entry, indented to sit at `inner`. The entries are flat
 * objects of strings and numbers, written here key by key (several times faster on a million
 * entries); anything else goes to JSON.stringify itself.
 */
function entryJson(value: unknown, inner: string): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return JSON.stringify(value, null, 2).replaceAll('\n', inner);
  let out = '';
  for (const key of Object.keys(value)) {
    const field: unknown = Reflect.get(value, key);
    if (field === undefined) continue;
    const plain = field === null || typeof field === 'string' || typeof field === 'number' || typeof field === 'boolean';
    if (!plain) return JSON.stringify(value, null, 2).replaceAll('\n', inner);
    const text =
      typeof field === 'string' ? JSON.stringify(field) : typeof field !== 'number' || Number.isFinite(field) ? String(field) : 'null';
    out += `${out === '' ? '' : ','}${inner}  ${keyJson(key)}: ${text}`;
  }
  return out === '' ? '{}' : `{${out}${inner}}`;
}
