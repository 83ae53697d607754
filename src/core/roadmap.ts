export interface RoadmapInput {
  id: string;
  score: number | null;
  /** Current level index; ignored when there is no score. */
  level: number;
  requires: readonly string[];
  /** This capability's own target level index; default the `target` given to planRoadmap. */
  target?: number;
}

export interface PlannedStep {
  capability: string;
  /** Level indices: each step raises a capability by exactly one level. */
  fromLevel: number;
  toLevel: number;
}

export interface PlannedPhase {
  phase: number;
  steps: PlannedStep[];
}

/**
 * SPEC §6. In each phase every scored capability below its target advances one level, unless a
 * prerequisite that is itself below its own target stands, at the start of the phase, lower than the level
 * the capability would reach. Unscored capabilities neither advance nor block. Within a phase, steps
 * go by score ascending, then questionnaire order (the order of `capabilities`).
 */
export function planRoadmap(capabilities: readonly RoadmapInput[], target: number): PlannedPhase[] {
  const scored = capabilities.filter((c) => c.score !== null);
  const planned = new Map(scored.map((c) => [c.id, c.level]));
  const targets = new Map(scored.map((c) => [c.id, c.target ?? target]));
  const order = new Map(capabilities.map((c, i) => [c.id, i]));
  const phases: PlannedPhase[] = [];

  for (;;) {
    const start = new Map(planned);
    const steps: (PlannedStep & { score: number })[] = [];
    for (const cap of scored) {
      const from = start.get(cap.id) ?? cap.level;
      if (from >= (targets.get(cap.id) ?? target)) continue;
      const to = from + 1;
      const blocked = cap.requires.some((req) => {
        const reqLevel = start.get(req);
        return reqLevel !== undefined && reqLevel < (targets.get(req) ?? target) && reqLevel < to;
      });
      if (blocked) continue;
      planned.set(cap.id, to);
      steps.push({ capability: cap.id, fromLevel: from, toLevel: to, score: cap.score ?? 0 });
    }
    if (steps.length === 0) return phases;
    steps.sort((a, b) => scoreKey(a.score) - scoreKey(b.score) || (order.get(a.capability) ?? 0) - (order.get(b.capability) ?? 0));
    phases.push({
      phase: phases.length + 1,
      steps: steps.map(({ capability, fromLevel, toLevel }) => ({ capability, fromLevel, toLevel })),
    });
  }
}

/** Equal scores that differ only by float noise (33.333…36 vs 33.333…3) tie, and fall to questionnaire order. */
function scoreKey(score: number): number {
  return Math.round(score * 1e9);
}
