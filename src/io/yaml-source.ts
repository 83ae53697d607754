import { Composer, isMap, isScalar, isSeq, LineCounter, Parser, visit, type CST, type Document, type Pair, type YAMLMap } from 'yaml';
import type { DataPath, Finding, Problem } from '../model/problem.js';
import { formatPath } from '../model/problem.js';
import { readBounded, tooLarge } from './read-bounded.js';

/** Questionnaires run to a few hundred KB; anything far larger is a mistake or an attack. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** Legitimate files reuse a label or two; an alias bomb needs thousands of expansions. */
const MAX_ALIAS_COUNT = 100;
/** Real files nest about 10 levels; composing YAML overflows the stack near 850 (measured, yaml 2.9). */
export const MAX_DEPTH = 100;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A parsed YAML/JSON file that can point back from a data path to its line and column. */
export interface SourceFile {
  file: string;
  data: unknown;
  locate(finding: Finding): Problem;
}

export type SourceResult = { ok: true; source: SourceFile } | { ok: false; problems: Problem[] };

export async function readSourceFile(path: string, displayName = path): Promise<SourceResult> {
  const read = await readBounded(path, MAX_FILE_BYTES);
  if (!read.ok)
    return { ok: false, problems: [{ file: displayName, line: 1, column: 1, path: '', message: read.reason, severity: 'error' }] };
  return parseSource(read.bytes, displayName);
}

export function parseSource(bytes: Uint8Array, file: string): SourceResult {
  const problemAt = (text: string, offset: number, message: string): Problem => {
    const { line, column } = lineColumn(text, offset);
    return { file, line, column, path: '', message, severity: 'error' };
  };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, problems: [problemAt('', 0, tooLarge(bytes.length, MAX_FILE_BYTES))] };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Decode again leniently only to point at the first undecodable byte.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    return {
      ok: false,
      problems: [problemAt(lenient, Math.max(0, lenient.indexOf('\uFFFD')), 'not UTF-8 text (a binary file or another encoding)')],
    };
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) return { ok: false, problems: [problemAt(text, nul, 'not a text file (contains NUL bytes)')] };
  const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return { ok: false, problems: [problemAt(text, control.index, `control character U+${code} is not allowed`)] };
  }

  const lineCounter = new LineCounter();
  const located = (offset: number, message: string, path: DataPath = []): Problem => {
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, column: pos.col, path: formatPath(path), message, severity: 'error' };
  };
  // The CST parser keeps its own stack; composing the documents recurses once per level and
  // overflows near 850 nested flow collections, so depth is checked on the CST first.
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const tooDeep = firstTooDeep(tokens);
  if (tooDeep !== undefined) return { ok: false, problems: [located(tooDeep, `nesting deeper than ${MAX_DEPTH} levels`)] };
  const composer = new Composer({ uniqueKeys: false, strict: true });
  const docs = [...composer.compose(tokens)];
  if (!Array.isArray(docs) || docs.length === 0 || docs[0]?.contents === null) {
    return { ok: false, problems: [located(0, 'file is empty')] };
  }
  if (docs.length > 1) {
    const second = docs[1];
    return { ok: false, problems: [located(second?.range[0] ?? 0, 'more than one YAML document; a file holds exactly one')] };
  }
  const doc = docs[0];
  if (!doc) return { ok: false, problems: [located(0, 'file is empty')] };
  if (doc.errors.length > 0) {
    return { ok: false, problems: doc.errors.map((e) => located(e.pos[0], yamlMessage(e.message))) };
  }
  const recursive = findRecursiveAlias(doc);
  if (recursive)
    return { ok: false, problems: [located(recursive.offset, `alias *${recursive.name} refers to itself (a recursive alias)`)] };
  const structural = checkKeys(doc, located);
  if (structural.length > 0) return { ok: false, problems: structural };
  if (!isMap(doc.contents)) {
    const found = isSeq(doc.contents) ? 'a list' : 'a single value';
    return { ok: false, problems: [located(doc.contents?.range?.[0] ?? 0, `expected a map of keys at the top level, found ${found}`)] };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const firstAlias = findFirstAlias(doc);
    const message =
      error instanceof ReferenceError && /alias/i.test(error.message)
        ? `too many alias expansions (more than ${MAX_ALIAS_COUNT}); refusing a possible alias bomb`
        : `cannot read the YAML: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, problems: [located(firstAlias, message)] };
  }

  const locate = (finding: Finding): Problem => {
    const offset = offsetOf(doc, finding.path, finding.target ?? 'value');
    return { ...located(offset, finding.message, finding.path), severity: finding.severity };
  };
  return { ok: true, source: { file, data, locate } };
}

/** Duplicate keys and prototype-polluting keys, reported with the path of the map that holds them. */
function checkKeys(doc: Document, located: (offset: number, message: string, path?: DataPath) => Problem): Problem[] {
  const problems: Problem[] = [];
  const walk = (node: unknown, path: DataPath): void => {
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const offset = isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0;
        if (FORBIDDEN_KEYS.has(key)) problems.push(located(offset, `key "${key}" is not allowed`, [...path, key]));
        else if (seen.has(key)) problems.push(located(offset, `duplicate key "${key}"`, [...path, key]));
        seen.add(key);
        walk(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        walk(item, [...path, i]);
      });
    }
  };
  walk(doc.contents, []);
  return problems;
}

/** The offset of the node at `path`, or of its nearest existing ancestor (for a missing key). */
function offsetOf(doc: Document, path: DataPath, target: 'key' | 'value'): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node);
  for (let i = 0; i < path.length; i++) {
    const part = path[i];
    if (isMap(node)) {
      const pair = pairsByKey(node).get(String(part));
      if (!pair) break;
      const isLast = i === path.length - 1;
      if (isLast && target === 'key') return rangeStart(pair.key);
      node = pair.value;
      // `key:` with no value has no value node: point at the key instead.
      offset = node ? rangeStart(node) : rangeStart(pair.key);
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part];
      if (!item) break;
      node = item;
      offset = rangeStart(node);
    } else break;
  }
  return offset;
}

const pairIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

/**
 * A map's pairs by key, built once per map: locating each of a file's problems by scanning its map
 * made a file with 150,000 unknown answers take minutes (one scan per problem).
 */
function pairsByKey(map: YAMLMap): Map<string, Pair> {
  let index = pairIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
      if (!index.has(key)) index.set(key, pair);
    }
    pairIndexes.set(map, index);
  }
  return index;
}

function rangeStart(node: unknown): number {
  if (!node || typeof node !== 'object' || !('range' in node)) return 0;
  const range: unknown = node.range;
  return Array.isArray(range) && typeof range[0] === 'number' ? range[0] : 0;
}

function findFirstAlias(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

function yamlMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return `YAML syntax: ${first.replace(/ at line \d+, column \d+:?$/, '')}`;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The offset of the first CST node nested deeper than MAX_DEPTH, walked without recursion. */
function firstTooDeep(tokens: readonly CST.Token[]): number | undefined {
  const stack: [CST.Token, number][] = tokens.map((t) => [t, 0]);
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [token, depth] = next;
    if (depth > MAX_DEPTH) return token.offset;
    if (token.type === 'document') {
      if (token.value) stack.push([token.value, depth]);
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      for (const item of token.items) {
        if ('key' in item && item.key) stack.push([item.key, depth + 1]);
        if (item.value) stack.push([item.value, depth + 1]);
      }
    }
  }
  return undefined;
}

/**
 * An alias inside the node its anchor names (`&r [*r]`) makes the data contain itself; every later
 * walk over it would recurse for ever. An alias can only name an earlier anchor, so every cycle
 * has such an alias.
 */
function findRecursiveAlias(doc: Document): { offset: number; name: string } | undefined {
  let found: { offset: number; name: string } | undefined;
  visit(doc, {
    Alias(_, alias) {
      const source = alias.resolve(doc);
      const at = alias.range?.[0];
      const range = source?.range;
      if (at !== undefined && range && range[0] <= at && at < range[2]) {
        found = { offset: at, name: alias.source };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}
