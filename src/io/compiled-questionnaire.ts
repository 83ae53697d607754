import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Questionnaire } from '../model/questionnaire.js';
import { bundledDir, bundledVersionsDir, packageRoot } from './bundled.js';

/**
 * The bundled questionnaires are parsed and validated once, at build time, into
 * dist/questionnaires/<id>.json with a hash of their YAML source. Parsing and validating
 * ~100 KB of YAML is most of the time of a one-file `cxm score`; a hash check and JSON.parse
 * are a few milliseconds. An edited bundled file (hash mismatch) is validated in full as usual.
 */
export interface CompiledQuestionnaire {
  sourceHash: string;
  questionnaire: Questionnaire;
}

export function compiledPathFor(yamlPath: string): string {
  // An earlier version's file name holds its version (cxm-playbook-1.0.0), so the names never clash.
  return join(packageRoot(), 'dist', 'questionnaires', `${basename(yamlPath).replace(/\.ya?ml$/, '')}.json`);
}

/**
 * Two 32-bit FNV-1a-style hashes (different offset bases) over the source's 32-bit words, then its
 * last bytes, and the length: enough to notice an edit. Computed in JavaScript because loading
 * node:crypto alone costs more than the whole check, and a word at a time because a byte at a time
 * was a tenth of a one-file `cxm score`.
 */
export function hashSource(bytes: Uint8Array): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  const wordCount = bytes.length >>> 2;
  // A copy starts at offset 0 (a Buffer's slice() would share the unaligned memory).
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  const words = new Int32Array(aligned.buffer, aligned.byteOffset, wordCount);
  for (let i = 0; i < wordCount; i++) {
    const word = words[i] ?? 0;
    a = Math.imul(a ^ word, 0x01000193);
    b = Math.imul(b ^ word, 0x01000193) ^ (b >>> 15);
  }
  for (let i = wordCount << 2; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    a = Math.imul(a ^ byte, 0x01000193);
    b = Math.imul(b ^ byte, 0x01000193);
  }
  return `${bytes.length.toString(16)}-${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}

/** The validated questionnaire, when `path` is a bundled file whose compiled copy is current. */
export function readCompiledQuestionnaire(
  path: string,
  where: { bundled: string; compiled: string; versions?: string } = {
    bundled: bundledDir(),
    versions: bundledVersionsDir(),
    compiled: compiledPathFor(path),
  },
): Questionnaire | undefined {
  if (dirname(path) !== where.bundled && dirname(path) !== where.versions) return undefined;
  const compiled = where.compiled;
  if (!existsSync(compiled)) return undefined;
  try {
    const cached: CompiledQuestionnaire = JSON.parse(readFileSync(compiled, 'utf8'));
    return cached.sourceHash === hashSource(readFileSync(path)) ? cached.questionnaire : undefined;
  } catch {
    return undefined;
  }
}
