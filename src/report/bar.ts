/** A fixed-width bar for a 0-100 score: `███░░░░░░░`; blank when there is no score. */
export function renderBar(score: number | null, cells = 10): { filled: string; empty: string } {
  if (score === null) return { filled: '', empty: ' '.repeat(cells) };
  const full = Math.max(0, Math.min(cells, Math.round((score / 100) * cells)));
  return { filled: '█'.repeat(full), empty: '░'.repeat(cells - full) };
}
