import type { z } from 'zod';
import type { DataPath, Finding } from './problem.js';

type Issue = z.core.$ZodIssue;

/** Turns zod's issues into findings a methodologist can act on, one per problem. */
export function findingsFromZod(issues: readonly Issue[], data: unknown): Finding[] {
  return issues.flatMap((issue) => findingsFromIssue(issue, [], data));
}

function findingsFromIssue(issue: Issue, base: DataPath, data: unknown): Finding[] {
  const path = [...base, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: [...path, key], target: 'key', severity: 'error', message: `unknown key "${key}"` }));
    case 'invalid_key':
      return [
        {
          path,
          target: 'key',
          severity: 'error',
          message: `invalid key "${String(path[path.length - 1])}": ${lowerFirst(issue.issues[0]?.message ?? issue.message)}`,
        },
      ];
    case 'invalid_type':
      if (isMissingKey(data, path)) return [missingKey(path)];
      return [{ path, severity: 'error', message: `expected ${typeName(issue.expected)}, found ${describe(valueAt(data, path))}` }];
    case 'invalid_union': {
      if (isMissingKey(data, path)) return [missingKey(path)];
      // When one branch got past the type check, its deeper issues say what is really wrong.
      const deeper = issue.errors.find((branch) => branch.length > 0 && branch.every((i) => i.path.length > 0));
      if (deeper) return deeper.flatMap((i) => findingsFromIssue(i, path, data));
      const expected = issue.errors.flatMap((branch) => branch.flatMap(expectedOf));
      const unique = [...new Set(expected)];
      const list = unique.length > 1 ? `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}` : (unique[0] ?? 'another value');
      return [{ path, severity: 'error', message: `expected ${list}, found ${describe(valueAt(data, path))}` }];
    }
    default:
      return [{ path, severity: 'error', message: lowerFirst(issue.message) }];
  }
}

function expectedOf(issue: Issue): string[] {
  if (issue.path.length > 0) return [];
  if (issue.code === 'invalid_type') return [typeName(issue.expected)];
  if (issue.code === 'invalid_value') return issue.values.map((v) => JSON.stringify(v));
  if (issue.code === 'invalid_union') return issue.errors.flatMap((branch) => branch.flatMap(expectedOf));
  return [];
}

function typeName(expected: string): string {
  if (expected === 'record' || expected === 'object') return 'a map';
  if (expected === 'array') return 'a list';
  if (expected === 'string') return 'a string';
  if (expected === 'number') return 'a number';
  if (expected === 'boolean') return 'true or false';
  return expected;
}

function valueAt(data: unknown, path: DataPath): unknown {
  let current = data;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Object.hasOwn(current, part) ? Reflect.get(current, part) : undefined;
  }
  return current;
}

function isMissingKey(data: unknown, path: DataPath): boolean {
  if (path.length === 0 || valueAt(data, path) !== undefined) return false;
  const parent = valueAt(data, path.slice(0, -1));
  return parent !== null && typeof parent === 'object' && !Array.isArray(parent);
}

function missingKey(path: DataPath): Finding {
  return { path, severity: 'error', message: `missing required key "${String(path[path.length - 1])}"` };
}

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return String(value);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
