import type { Report } from '../model/report.js';
import { escapeHtml as h } from './escape-html.js';
import { describeRespondent, hasSeveralRespondents, MAX_NAMED_RESPONDENTS, targetMin } from './report-view.js';
import { formatScore } from '../core/format-score.js';
import { wrapText } from '../text/wrap.js';

/** Inline SVG only (no xmlns URL needed inside HTML): nothing to fetch, and it prints sharply. */

const RADAR = { width: 700, height: 500, cx: 350, cy: 250, r: 165, labelGap: 16, lineHeight: 14, labelColumns: 20 };

export const RESPONDENT_COLOURS = ['#2563eb', '#db2777', '#059669', '#d97706', '#7c3aed', '#0891b2', '#dc2626', '#4b5563'];

const round = (n: number) => Math.round(n * 10) / 10;

function polar(i: number, n: number, radius: number): [number, number] {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
  return [round(RADAR.cx + radius * Math.cos(angle)), round(RADAR.cy + radius * Math.sin(angle))];
}

/** A ring at `value` (0-100) through every axis; a circle when there are too few axes for a polygon. */
function ring(n: number, value: number, className: string): string {
  const radius = (value / 100) * RADAR.r;
  if (n < 3) return `<circle class="${className}" cx="${RADAR.cx}" cy="${RADAR.cy}" r="${round(radius)}"/>`;
  const points = Array.from({ length: n }, (_, i) => polar(i, n, radius).join(',')).join(' ');
  return `<polygon class="${className}" points="${points}"/>`;
}

/**
 * The sector (between axis k and k + 1) where the ring labels sit: the one whose data line stays
 * farthest from every labelled ring, so a label never lies on the scores. Along a sector's
 * bisector, the data line between radii a and b crosses at 2ab·cos(π/n)/(a + b), a ring at
 * R·cos(π/n). With fewer than three axes the rings are circles and the labels stay on the first axis.
 */
export function quietSector(scores: readonly (number | null)[], rings: readonly number[]): number {
  const n = scores.length;
  if (n < 3 || rings.length === 0) return -1;
  let best = 0;
  let bestDistance = -Infinity;
  for (let k = 0; k < n; k++) {
    const a = scores[k] ?? null;
    const b = scores[(k + 1) % n] ?? null;
    // An unscored axis leaves no line through its sectors: the safest place of all.
    const crossing = a === null || b === null ? -Infinity : a + b === 0 ? 0 : (2 * a * b) / (a + b);
    const distance = Math.min(...rings.map((r) => Math.abs(r - crossing)));
    if (distance > bestDistance + 1e-9) {
      best = k;
      bestDistance = distance;
    }
  }
  return best;
}

function ringLabel(n: number, sector: number, value: number, label: string): string {
  if (sector < 0) {
    const y = round(RADAR.cy - (value / 100) * RADAR.r);
    return `<text class="radar-grid-label" x="${RADAR.cx + 4}" y="${y - 3}">${h(label)}</text>`;
  }
  // The middle of the ring's edge in that sector, the text centred on it.
  const [x, y] = polar(sector + 0.5, n, (value / 100) * RADAR.r * Math.cos(Math.PI / n));
  return `<text class="radar-grid-label" x="${x}" y="${round(y + 3)}" text-anchor="middle">${h(label)}</text>`;
}

/** Up to three wrapped lines, the last one cut with an ellipsis when the title is longer. */
function labelLines(text: string, columns: number, maxLines: number): string[] {
  const lines = wrapText(text, columns);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${wrapText(kept[maxLines - 1] ?? '', columns - 1)[0] ?? ''}…`;
  return kept;
}

function radarLabel(i: number, n: number, title: string, score: number | null): string {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
  const [x, y] = polar(i, n, RADAR.r + RADAR.labelGap);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const anchor = cos > 0.25 ? 'start' : cos < -0.25 ? 'end' : 'middle';
  const lines = labelLines(title, RADAR.labelColumns, 3);
  const count = lines.length + 1;
  const top = sin < -0.5 ? y - count * RADAR.lineHeight : sin > 0.5 ? y + 2 : y - (count * RADAR.lineHeight) / 2;
  const baseline = (k: number) => round(top + (k + 1) * RADAR.lineHeight - 3);
  const tspans = lines.map((line, k) => `<tspan x="${x}" y="${baseline(k)}">${h(line)}</tspan>`);
  tspans.push(`<tspan class="radar-label-score" x="${x}" y="${baseline(lines.length)}">${formatScore(score)}</tspan>`);
  return `<text class="radar-label" text-anchor="${anchor}">${tspans.join('')}</text>`;
}

/**
 * The radar of capability scores: one axis per capability, the target level as a dashed ring and
 * one `.radar-point` per scored capability (capabilities without a score get an axis, no point).
 */
export function renderRadarChart(report: Report, title: string): string {
  const caps = report.capabilities;
  const n = caps.length;
  if (n === 0) return '';
  const rings = report.levels.filter((l) => l.min > 0);
  const sector = quietSector(
    caps.map((c) => c.score),
    rings.map((l) => l.min),
  );
  const grid = rings.map((l) => `${ring(n, l.min, 'radar-grid')}${ringLabel(n, sector, l.min, l.label)}`);
  const axes = caps.map((_, i) => {
    const [x, y] = polar(i, n, RADAR.r);
    return `<line class="radar-axis" x1="${RADAR.cx}" y1="${RADAR.cy}" x2="${x}" y2="${y}"/>`;
  });
  const scored = caps.flatMap((c, i) => (c.score === null ? [] : [{ c, point: polar(i, n, (c.score / 100) * RADAR.r) }]));
  const area = scored.map((s) => s.point.join(',')).join(' ');
  const shape =
    scored.length >= 3
      ? `<polygon class="radar-area" points="${area}"/>`
      : scored.length === 2
        ? `<polyline class="radar-area" points="${area}"/>`
        : '';
  const points = scored.map(
    ({ c, point: [x, y] }) =>
      `<circle class="radar-point" data-capability="${h(c.id)}" data-score="${formatScore(c.score)}" cx="${x}" cy="${y}" r="4.5"><title>${h(c.title)}: ${formatScore(c.score)}</title></circle>`,
  );
  const labels = caps.map((c, i) => radarLabel(i, n, c.title, c.score));
  return [
    `<svg class="chart radar" viewBox="0 0 ${RADAR.width} ${RADAR.height}" role="img" aria-label="${h(title)}">`,
    `<title>${h(title)}</title>`,
    ring(n, 100, 'radar-grid radar-outer'),
    ...grid,
    ...axes,
    ring(n, targetMin(report), 'radar-target'),
    shape,
    ...points,
    ...labels,
    '</svg>',
  ].join('\n');
}

const SPREAD = { width: 760, labelWidth: 250, x0: 270, x1: 660, rowHeight: 36, top: 30, labelColumns: 36 };
const spreadX = (score: number) => round(SPREAD.x0 + (score / 100) * (SPREAD.x1 - SPREAD.x0));

/**
 * Per capability, the range (min–max) of the respondents' own scores, a dot per respondent and a
 * tick at the merged score; empty with a single respondent, where there is no spread to show.
 */
export function renderSpreadChart(report: Report, title: string): string {
  if (!hasSeveralRespondents(report)) return '';
  const caps = report.capabilities;
  const height = SPREAD.top + caps.length * SPREAD.rowHeight + 8;
  const colour = new Map(report.respondents.map((r, i) => [r.file, RESPONDENT_COLOURS[i % RESPONDENT_COLOURS.length] ?? '#4b5563']));
  const ticks = [0, 20, 40, 60, 80, 100].map((v) => {
    const x = spreadX(v);
    return `<line class="spread-grid" x1="${x}" y1="${SPREAD.top - 6}" x2="${x}" y2="${height - 8}"/><text class="spread-tick" x="${x}" y="${SPREAD.top - 12}" text-anchor="middle">${v}</text>`;
  });
  const tx = spreadX(targetMin(report));
  const target = `<line class="spread-target" x1="${tx}" y1="${SPREAD.top - 6}" x2="${tx}" y2="${height - 8}"/>`;
  const rows = caps.map((c, i) => {
    const cy = SPREAD.top + i * SPREAD.rowHeight + SPREAD.rowHeight / 2;
    const lines = labelLines(c.title, SPREAD.labelColumns, 2);
    const label = `<text class="spread-label" x="0" y="${round(cy - (lines.length - 1) * 7 + 4)}">${lines
      .map((l, k) => `<tspan x="0" dy="${k === 0 ? 0 : 14}">${h(l)}</tspan>`)
      .join('')}</text>`;
    const scores = c.respondents.flatMap((r) => (r.score === null ? [] : [{ r, score: r.score }]));
    const parts = [label, `<line class="spread-track" x1="${SPREAD.x0}" y1="${cy}" x2="${SPREAD.x1}" y2="${cy}"/>`];
    if (scores.length > 0) {
      const lo = scores.reduce((min, s) => Math.min(min, s.score), Infinity);
      const hi = scores.reduce((max, s) => Math.max(max, s.score), -Infinity);
      const cls = c.disagreement ? 'spread-range disagreement' : 'spread-range';
      parts.push(
        `<rect class="${cls}" x="${spreadX(lo) - 6}" y="${cy - 7}" width="${round(spreadX(hi) - spreadX(lo) + 12)}" height="14" rx="7"/>`,
      );
    }
    if (c.score !== null) {
      const x = spreadX(c.score);
      parts.push(`<line class="spread-score" x1="${x}" y1="${cy - 11}" x2="${x}" y2="${cy + 11}"/>`);
    }
    // A dot per respondent tells a workshop who stands where; for a survey it would be noise.
    for (const { r, score } of report.respondents.length > MAX_NAMED_RESPONDENTS ? [] : scores) {
      parts.push(
        `<circle class="spread-dot" cx="${spreadX(score)}" cy="${cy}" r="4.5" fill="${colour.get(r.file) ?? '#4b5563'}"><title>${h(describeRespondent(r))}: ${formatScore(score)}</title></circle>`,
      );
    }
    const value = c.spread === null ? '' : `${c.disagreement ? '⚠ ' : ''}${formatScore(c.spread)}`;
    parts.push(
      `<text class="spread-value${c.disagreement ? ' disagreement' : ''}" x="${SPREAD.width}" y="${cy + 4}" text-anchor="end">${value}</text>`,
    );
    return `<g class="spread-row" data-capability="${h(c.id)}">${parts.join('')}</g>`;
  });
  return [
    `<svg class="chart spread" viewBox="0 0 ${SPREAD.width} ${height}" role="img" aria-label="${h(title)}">`,
    `<title>${h(title)}</title>`,
    ...ticks,
    target,
    ...rows,
    '</svg>',
  ].join('\n');
}
