/**
 * A tolerant view of questionnaire data that may not have passed the schema: every field that is
 * malformed is simply absent. The semantic checks read this view, so a file with a type error in
 * one place still gets its reference, ordering and cycle problems reported everywhere else.
 */
export interface QuestionView {
  id: string | undefined;
  scale: string | undefined;
  when: { question: string | undefined; atLeast: number | undefined; atMost: number | undefined; in: (number | undefined)[] } | undefined;
  replaces: (string | undefined)[];
  /** Each advice item's atMost (undefined where malformed). */
  adviceAtMost: (number | undefined)[];
}

export interface CapabilityView {
  id: string | undefined;
  requires: (string | undefined)[];
  questions: (QuestionView | undefined)[];
  recommendationLevels: string[];
  target: string | undefined;
  levelDescriptionLevels: string[];
  replaces: (string | undefined)[];
}

export interface QuestionnaireView {
  languages: string[] | undefined;
  scales: Map<string, (number | undefined)[]>;
  levels: ({ id: string | undefined; min: number | undefined } | undefined)[];
  target: string | undefined;
  capabilities: (CapabilityView | undefined)[];
}

export function viewQuestionnaire(data: unknown): QuestionnaireView {
  const root = asRecord(data) ?? {};
  const scales = new Map<string, (number | undefined)[]>();
  for (const [name, scale] of Object.entries(asRecord(root.scales) ?? {})) {
    const options = asArray(asRecord(scale)?.options);
    if (options)
      scales.set(
        name,
        options.map((o) => asNumber(asRecord(o)?.value)),
      );
  }
  const languages = asArray(root.languages)?.filter((l): l is string => typeof l === 'string');
  return {
    languages: languages && languages.length > 0 ? languages : undefined,
    scales,
    levels: (asArray(root.levels) ?? []).map((l) => {
      const level = asRecord(l);
      return level && { id: asString(level.id), min: asNumber(level.min) };
    }),
    target: asString(root.target),
    capabilities: (asArray(root.capabilities) ?? []).map(viewCapability),
  };
}

function viewCapability(data: unknown): CapabilityView | undefined {
  const cap = asRecord(data);
  if (!cap) return undefined;
  return {
    id: asString(cap.id),
    requires: (asArray(cap.requires) ?? []).map(asString),
    questions: (asArray(cap.questions) ?? []).map((q) => {
      const question = asRecord(q);
      if (!question) return undefined;
      const when = asRecord(question.when);
      return {
        id: asString(question.id),
        scale: asString(question.scale),
        when: when && {
          question: asString(when.question),
          atLeast: asNumber(when.atLeast),
          atMost: asNumber(when.atMost),
          in: (asArray(when.in) ?? []).map(asNumber),
        },
        replaces: (asArray(question.replaces) ?? []).map(asString),
        adviceAtMost: (asArray(question.advice) ?? []).map((a) => asNumber(asRecord(a)?.atMost)),
      };
    }),
    recommendationLevels: Object.keys(asRecord(cap.recommendations) ?? {}),
    target: asString(cap.target),
    levelDescriptionLevels: Object.keys(asRecord(cap.levelDescriptions) ?? {}),
    replaces: (asArray(cap.replaces) ?? []).map(asString),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}
function asArray(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}
function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
