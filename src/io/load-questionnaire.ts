import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { InvalidInputError, UserError } from '../errors.js';
import { checkQuestionnaire } from '../model/check-questionnaire.js';
import type { Problem } from '../model/problem.js';
import { questionnaireSchema, type Questionnaire } from '../model/questionnaire.js';
import { findingsFromZod } from '../model/zod-findings.js';
import { bundledIds, bundledPath, bundledVersionPath } from './bundled.js';
import { readCompiledQuestionnaire } from './compiled-questionnaire.js';
import { readSourceFile, type SourceFile } from './yaml-source.js';

export interface LoadedQuestionnaire {
  questionnaire: Questionnaire;
  /** Absolute path of the YAML file it came from. */
  path: string;
  warnings: Problem[];
}

export interface ValidationResult<T> {
  value: T | undefined;
  problems: Problem[];
}

/** Schema first, then the semantic checks that need a well-formed questionnaire. */
export function validateQuestionnaire(source: SourceFile): ValidationResult<Questionnaire> {
  const parsed = questionnaireSchema.safeParse(source.data);
  const findings = [...(parsed.success ? [] : findingsFromZod(parsed.error.issues, source.data)), ...checkQuestionnaire(source.data)];
  const problems = findings.map(source.locate);
  const valid = parsed.success && !problems.some((p) => p.severity === 'error');
  return { value: valid ? parsed.data : undefined, problems };
}

const resolvedRefs = new Map<string, string | undefined>();

/** A bundled id, or a path (relative to `baseDir`, default the working directory). */
export function resolveQuestionnaireRef(ref: string, baseDir = process.cwd()): string | undefined {
  // Thousands of answer files in one folder name the same questionnaire: look it up once.
  const key = `${baseDir}\0${ref}`;
  if (!resolvedRefs.has(key)) resolvedRefs.set(key, findQuestionnaireRef(ref, baseDir));
  return resolvedRefs.get(key);
}

function findQuestionnaireRef(ref: string, baseDir: string): string | undefined {
  const asPath = resolve(baseDir, ref);
  const looksLikePath = /[\\/]|\.ya?ml$/i.test(ref);
  // `cxm-playbook@1.0.0`: an earlier bundled version by name.
  const versioned = /^([a-z0-9-]+)@([0-9A-Za-z.+-]+)$/.exec(ref);
  if (versioned?.[1] && versioned[2]) return bundledVersionPath(versioned[1], versioned[2]);
  if (looksLikePath) return existsSync(asPath) ? asPath : undefined;
  return bundledPath(ref) ?? (existsSync(asPath) ? asPath : undefined);
}

const cache = new Map<string, Promise<LoadedQuestionnaire>>();

/** Loads and validates a questionnaire once per path: batch scoring names the same file thousands of times. */
export function loadQuestionnaireFile(path: string, options: { useCompiled?: boolean } = {}): Promise<LoadedQuestionnaire> {
  const absolute = resolve(path);
  let pending = cache.get(absolute);
  if (!pending) {
    const compiled = options.useCompiled === false ? undefined : readCompiledQuestionnaire(absolute);
    pending = compiled ? Promise.resolve({ questionnaire: compiled, path: absolute, warnings: [] }) : readAndValidate(absolute);
    cache.set(absolute, pending);
  }
  return pending;
}

async function readAndValidate(path: string): Promise<LoadedQuestionnaire> {
  const read = await readSourceFile(path, displayPath(path));
  if (!read.ok) throw new InvalidInputError(read.problems);
  const { value, problems } = validateQuestionnaire(read.source);
  if (!value) throw new InvalidInputError(problems);
  return { questionnaire: value, path, warnings: problems };
}

/** `cxm run [questionnaire]` and friends: an id or a path given on the command line. */
export async function loadQuestionnaire(ref: string): Promise<LoadedQuestionnaire> {
  const path = resolveQuestionnaireRef(ref);
  if (!path) {
    throw new UserError(`questionnaire "${ref}" not found`, {
      hint: `give a path to a YAML file or a bundled id (${bundledIds().join(', ')})`,
    });
  }
  return loadQuestionnaireFile(path);
}

export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}
