import type { GateResult } from '../core/gates.js';

/** What a failed gate says on stderr before exit 1: one line each. */
export function renderFailedGates(gates: readonly GateResult[]): string {
  return gates.map((gate) => `gate failed: ${gate.detail}\n`).join('');
}
