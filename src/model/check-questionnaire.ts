import type { DataPath, Finding } from './problem.js';
import { asRecord, viewQuestionnaire, type QuestionnaireView } from './questionnaire-view.js';

type Report = (path: DataPath, message: string, target?: 'key') => void;

/**
 * Checks what a schema cannot: references, uniqueness, ordering and cycles. It reads raw data
 * through a tolerant view, so it runs even when the schema failed and every problem is reported.
 */
export function checkQuestionnaire(data: unknown): Finding[] {
  const findings: Finding[] = [];
  const error: Report = (path, message, target) => findings.push({ path, message, severity: 'error', ...(target && { target }) });
  const warn: Report = (path, message, target) => findings.push({ path, message, severity: 'warning', ...(target && { target }) });
  const q = viewQuestionnaire(data);

  checkLanguages(data, q.languages ?? ['en'], error);
  checkScales(q, error);
  const levelIds = checkLevels(q, error);
  checkCapabilities(q, levelIds, error, warn);
  checkReplaces(q, error);
  return findings;
}

function checkScales(q: QuestionnaireView, error: Report): void {
  for (const [name, values] of q.scales) {
    const seen = new Set<number>();
    values.forEach((value, i) => {
      if (value === undefined) return;
      if (seen.has(value)) error(['scales', name, 'options', i, 'value'], `duplicate option value ${value}`);
      seen.add(value);
    });
  }
}

function checkLevels(q: QuestionnaireView, error: Report): string[] {
  const ids: string[] = [];
  let previous: { id: string | undefined; min: number } | undefined;
  q.levels.forEach((level, i) => {
    if (!level) return;
    if (level.id !== undefined) {
      if (ids.includes(level.id)) error(['levels', i, 'id'], `duplicate level id "${level.id}"`);
      ids.push(level.id);
    }
    if (level.min === undefined) return;
    if (i === 0 && level.min !== 0) error(['levels', 0, 'min'], `the first level must start at 0 (found ${level.min})`);
    if (previous && level.min <= previous.min) {
      error(['levels', i, 'min'], `levels must ascend: ${level.min} is not above "${previous.id}" (${previous.min})`);
    }
    previous = { id: level.id, min: level.min };
  });
  if (q.target !== undefined && !ids.includes(q.target)) error(['target'], `unknown level "${q.target}" (known: ${ids.join(', ')})`);
  return ids;
}

function checkCapabilities(q: QuestionnaireView, levelIds: string[], error: Report, warn: Report): void {
  const scaleNames = [...q.scales.keys()];
  const allQuestionIds = new Set(q.capabilities.flatMap((c) => c?.questions.map((question) => question?.id) ?? []));
  const capabilityIds = new Map<string, number>();
  const earlier = new Map<string, string | undefined>(); // question id → scale name
  const finalLevel = levelIds[levelIds.length - 1];

  q.capabilities.forEach((cap, c) => {
    if (!cap) return;
    if (cap.id !== undefined) {
      if (capabilityIds.has(cap.id)) error(['capabilities', c, 'id'], `duplicate capability id "${cap.id}"`);
      else capabilityIds.set(cap.id, c);
    }
    cap.questions.forEach((question, k) => {
      if (!question) return;
      const at = ['capabilities', c, 'questions', k];
      if (question.id !== undefined && earlier.has(question.id)) error([...at, 'id'], `duplicate question id "${question.id}"`);
      if (question.scale !== undefined && !q.scales.has(question.scale)) {
        error([...at, 'scale'], `unknown scale "${question.scale}" (known: ${scaleNames.join(', ')})`);
      }
      const when = question.when;
      if (when?.question !== undefined) {
        if (when.question === question.id) error([...at, 'when', 'question'], 'a question cannot depend on itself');
        else if (!earlier.has(when.question)) {
          error(
            [...at, 'when', 'question'],
            allQuestionIds.has(when.question)
              ? `"${when.question}" comes later; a condition may only refer to an earlier question`
              : `unknown question "${when.question}"`,
          );
        } else {
          const scale = earlier.get(when.question);
          if (scale !== undefined) checkConditionValues(scale, q.scales.get(scale), when, [...at, 'when'], error);
        }
      }
      if (question.scale !== undefined) checkAdvice(question.scale, q.scales.get(question.scale), question.adviceAtMost, at, error);
      if (question.id !== undefined && !earlier.has(question.id)) earlier.set(question.id, question.scale);
    });
    const known = levelIds.join(', ');
    if (cap.target !== undefined && !levelIds.includes(cap.target))
      error(['capabilities', c, 'target'], `unknown level "${cap.target}" (known: ${known})`);
    for (const levelId of cap.levelDescriptionLevels) {
      if (!levelIds.includes(levelId))
        error(['capabilities', c, 'levelDescriptions', levelId], `unknown level "${levelId}" (known: ${known})`, 'key');
    }
    for (const levelId of cap.recommendationLevels) {
      const path = ['capabilities', c, 'recommendations', levelId];
      if (!levelIds.includes(levelId)) error(path, `unknown level "${levelId}" (known: ${levelIds.join(', ')})`, 'key');
      else if (levelId === finalLevel) warn(path, `"${levelId}" is the final level; its recommendations are never used`, 'key');
    }
  });

  q.capabilities.forEach((cap, c) => {
    cap?.requires.forEach((req, r) => {
      if (req === undefined) return;
      if (req === cap.id) error(['capabilities', c, 'requires', r], 'a capability cannot require itself');
      else if (!capabilityIds.has(req)) error(['capabilities', c, 'requires', r], `unknown capability "${req}"`);
    });
  });
  for (const cycle of findRequireCycles(q)) {
    error(['capabilities', capabilityIds.get(cycle[0] ?? '') ?? 0, 'requires'], `requires cycle: ${[...cycle, cycle[0]].join(' → ')}`);
  }
}

function checkConditionValues(
  scaleName: string,
  values: (number | undefined)[] | undefined,
  when: NonNullable<NonNullable<QuestionnaireView['capabilities'][number]>['questions'][number]>['when'],
  path: DataPath,
  error: Report,
): void {
  const known = (values ?? []).filter((v): v is number => v !== undefined);
  if (!when || known.length === 0) return;
  const min = known.reduce((a, b) => Math.min(a, b), Infinity);
  const max = known.reduce((a, b) => Math.max(a, b), -Infinity);
  for (const key of ['atLeast', 'atMost'] as const) {
    const bound = when[key];
    if (bound !== undefined && (bound < min || bound > max)) {
      error([...path, key], `${bound} is outside the scale "${scaleName}" (${min}…${max})`);
    }
  }
  when.in.forEach((v, i) => {
    if (v !== undefined && !known.includes(v))
      error([...path, 'in', i], `${v} is not a value of the scale "${scaleName}" (${known.join(', ')})`);
  });
}

/** An advice's atMost is a value on its question's scale range, else it could never (or always) apply. */
function checkAdvice(
  scaleName: string,
  values: (number | undefined)[] | undefined,
  atMost: (number | undefined)[],
  path: DataPath,
  error: Report,
): void {
  const known = (values ?? []).filter((v): v is number => v !== undefined);
  if (known.length === 0) return;
  const min = Math.min(...known);
  const max = Math.max(...known);
  atMost.forEach((bound, i) => {
    if (bound !== undefined && (bound < min || bound > max)) {
      error([...path, 'advice', i, 'atMost'], `${bound} is outside the scale "${scaleName}" (${min}…${max})`);
    }
  });
}

/**
 * An id in `replaces` maps old answers and diffs onto the current item, so it must name no current
 * item of the same kind and be claimed by one item only; otherwise an old answer has two homes.
 */
function checkReplaces(q: QuestionnaireView, error: Report): void {
  const capabilityIds = new Set(q.capabilities.map((cap) => cap?.id));
  const questionIds = new Set(q.capabilities.flatMap((cap) => cap?.questions.map((question) => question?.id) ?? []));
  const claimedCapabilities = new Map<string, string | undefined>();
  const claimedQuestions = new Map<string, string | undefined>();
  const check = (
    ids: (string | undefined)[],
    owner: string | undefined,
    kind: string,
    current: Set<string | undefined>,
    claimed: Map<string, string | undefined>,
    path: DataPath,
  ) => {
    ids.forEach((id, r) => {
      if (id === undefined) return;
      if (current.has(id)) error([...path, 'replaces', r], `"${id}" is a current ${kind} id; replaces names ids of earlier versions`);
      else if (claimed.has(id)) error([...path, 'replaces', r], `"${id}" is already replaced by ${kind} "${claimed.get(id)}"`);
      else claimed.set(id, owner);
    });
  };
  q.capabilities.forEach((cap, c) => {
    if (!cap) return;
    check(cap.replaces, cap.id, 'capability', capabilityIds, claimedCapabilities, ['capabilities', c]);
    cap.questions.forEach((question, k) => {
      if (question) check(question.replaces, question.id, 'question', questionIds, claimedQuestions, ['capabilities', c, 'questions', k]);
    });
  });
}

/** Each cycle found by depth-first search, as the capability ids along it. */
function findRequireCycles(q: QuestionnaireView): string[][] {
  const requires = new Map<string, string[]>();
  for (const cap of q.capabilities) {
    if (cap?.id !== undefined && !requires.has(cap.id))
      requires.set(
        cap.id,
        cap.requires.filter((r): r is string => r !== undefined),
      );
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (id: string): void => {
    state.set(id, 'visiting');
    stack.push(id);
    for (const next of requires.get(id) ?? []) {
      if (!requires.has(next) || next === id) continue;
      const s = state.get(next);
      if (s === 'visiting') cycles.push(stack.slice(stack.indexOf(next)));
      else if (s === undefined) visit(next);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of requires.keys()) if (!state.has(id)) visit(id);
  return cycles;
}

const TEXT_KEYS = new Set(['title', 'description', 'text', 'help', 'label', 'action', 'doneWhen']);

/**
 * A language outside `languages` is almost always a typo ("jp"), and a text without the default
 * language would leave its readers with an arbitrary fallback.
 */
function checkLanguages(data: unknown, languages: readonly string[], error: Report): void {
  const seen = new Set<string>();
  languages.forEach((lang, i) => {
    if (seen.has(lang)) error(['languages', i], `duplicate language "${lang}"`);
    seen.add(lang);
  });
  const defaultLang = languages[0];
  const checkText = (text: unknown, path: DataPath): void => {
    const map = asRecord(text);
    if (!map) return;
    for (const lang of Object.keys(map)) {
      if (!seen.has(lang)) error([...path, lang], `language "${lang}" is not in languages (${languages.join(', ')})`, 'key');
    }
    if (defaultLang !== undefined && !(defaultLang in map)) error(path, `missing the default language "${defaultLang}"`);
  };
  const visit = (value: unknown, path: DataPath): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        visit(v, [...path, i]);
      });
      return;
    }
    for (const [key, v] of Object.entries(asRecord(value) ?? {})) {
      const childPath = [...path, key];
      if (TEXT_KEYS.has(key)) checkText(v, childPath);
      else if (key === 'levelDescriptions') {
        for (const [level, description] of Object.entries(asRecord(v) ?? {})) checkText(description, [...childPath, level]);
      } else if (key === 'recommendations') {
        for (const [level, items] of Object.entries(asRecord(v) ?? {})) {
          if (Array.isArray(items)) {
            items.forEach((item, i) => {
              // `{ action, doneWhen }`: its two texts are checked as keys of TEXT_KEYS.
              if (asRecord(item) && 'action' in (asRecord(item) ?? {})) visit(item, [...childPath, level, i]);
              else checkText(item, [...childPath, level, i]);
            });
          }
        }
      } else visit(v, childPath);
    }
  };
  visit(data, []);
}
