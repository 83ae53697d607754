import { describe, expect, it } from 'vitest';
import { planRoadmap, type RoadmapInput } from '../../src/core/roadmap.js';

// Levels as indices: 0 initial, 1 developing, 2 defined, 3 managed (the target), 4 optimized.
const TARGET = 3;
const cap = (id: string, score: number | null, level: number, requires: string[] = []): RoadmapInput => ({ id, score, level, requires });
/** One line per phase: "C 0→1, A 0→1". */
const lines = (phases: ReturnType<typeof planRoadmap>) =>
  phases.map((p) => p.steps.map((s) => `${s.capability} ${s.fromLevel}→${s.toLevel}`).join(', '));

describe('planRoadmap (SPEC §6)', () => {
  it('blocks a capability while a prerequisite below target stands lower than the level it would reach', () => {
    const plan = planRoadmap(
      [
        cap('A', 10, 0),
        cap('B', 50, 2, ['A']), // would reach 3 while A is below 3: waits for A
        cap('C', 5, 0, ['B']), // may follow B up to B's level 2, then waits for B to reach the target
        cap('D', 30, 1, ['X']), // X has no score: it blocks nothing
        cap('X', null, 0),
      ],
      TARGET,
    );
    expect(lines(plan)).toEqual([
      // phase 1, start A0 B2 C0 D1: A → 1; B → 3 blocked (A 0 < 3); C → 1 (B 2 ≥ 1); D → 2. By score: C 5, A 10, D 30
      'C 0→1, A 0→1, D 1→2',
      // phase 2, start A1 B2 C1 D2: A → 2; B blocked (A 1); C → 2 (B 2 ≥ 2); D → 3
      'C 1→2, A 1→2, D 2→3',
      // phase 3, start A2 B2 C2: A → 3; B blocked (A 2); C → 3 blocked (B 2 < 3 and below target)
      'A 2→3',
      // phase 4: A is at target and blocks nothing; C still waits for B
      'B 2→3',
      'C 2→3',
    ]);
    expect(plan.map((p) => p.phase)).toEqual([1, 2, 3, 4, 5]);
  });

  it('orders a phase by score ascending, then questionnaire order for equal scores', () => {
    const plan = planRoadmap(
      [cap('P', 30, 1), cap('Q', 10, 0), cap('R', 30, 1), cap('S', 100 / 3, 1), cap('T', 33.333333333333336, 1)],
      TARGET,
    );
    // S and T differ only by float noise: a tie, broken by questionnaire order
    expect(lines(plan)[0]).toBe('Q 0→1, P 1→2, R 1→2, S 1→2, T 1→2');
  });

  it('leaves out capabilities at or above the target and those without a score', () => {
    expect(planRoadmap([cap('done', 65, 3), cap('beyond', 90, 4), cap('unknown', null, 0)], TARGET)).toEqual([]);
  });

  it('lets a capability catch up with a prerequisite that is already at target', () => {
    expect(lines(planRoadmap([cap('base', 70, 3), cap('top', 0, 0, ['base'])], TARGET))).toEqual(['top 0→1', 'top 1→2', 'top 2→3']);
  });

  it('plans to a lower target when asked', () => {
    expect(lines(planRoadmap([cap('a', 0, 0), cap('b', 45, 2)], 1))).toEqual(['a 0→1']);
  });
});
