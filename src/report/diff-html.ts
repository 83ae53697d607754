import { displayWidth } from '../text/width.js';
import { changeStatus } from '../core/diff.js';
import type { DiffReport, DiffStatus } from '../model/diff-report.js';
import {
  diffLabels,
  formatAnswer,
  formatDelta,
  formatLevelChange,
  statusArrow,
  statusLabel,
  type DiffRenderOptions,
} from './diff-format.js';
import { formatScore } from '../core/format-score.js';
import { escapeHtml } from './escape-html.js';
import { renderHtmlPage } from './html-style.js';
import { toSingleLine } from '../text/wrap.js';

/** Nothing may be fetched: the file is mailed, archived and printed as it is (as in html.ts). */

/** One self-contained page (no network: inline CSS and SVG), light and A4-friendly for printing. */
export function renderDiffHtml(diff: DiffReport, options: DiffRenderOptions): string {
  const t = diffLabels(options.lang);
  const e = (text: string) => escapeHtml(toSingleLine(text));
  const title = `${t.heading}: ${diff.questionnaire.title}`;
  const sides = (['before', 'after'] as const).map((side) => diff[side]);
  const row = (label: string, cells: string[]) => `<tr><th scope="row">${e(label)}</th>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  const change = (status: DiffStatus, delta: number | null) =>
    `<span class="${status}">${status === 'new' || status === 'not-assessed' ? statusArrow[status] : `${statusArrow[status]} ${formatDelta(delta)}`}</span>`;

  const capRows = diff.capabilities.map(
    (c) =>
      `<tr><td>${e(c.title)}</td><td class="num">${formatScore(c.before)}</td><td class="num">${formatScore(c.after)}</td>` +
      `<td class="num">${change(c.status, c.delta)}</td><td>${e(formatLevelChange(diff, c.level))}</td>` +
      `<td><span class="${c.status}">${e(statusLabel(c.status, options.lang))}</span></td></tr>`,
  );
  const o = diff.overall;
  const mark = o.basis === 'common-capabilities' ? '*' : '';
  capRows.push(
    `<tr class="overall"><td>${e(t.overall)}${mark}</td><td class="num">${formatScore(o.before)}</td><td class="num">${formatScore(o.after)}</td>` +
      `<td class="num">${change(o.status, o.delta)}</td><td>${e(formatLevelChange(diff, o.level))}</td>` +
      `<td><span class="${o.status}">${e(statusLabel(o.status, options.lang))}</span></td></tr>`,
  );
  const s = diff.summary;
  const counts = (['improved', 'regressed', 'unchanged', 'new', 'not-assessed'] as const)
    .map((st) => [st, st === 'not-assessed' ? s.notAssessed : s[st]] as const)
    .filter(([, n]) => n > 0)
    .map(([st, n]) => `<span class="${st}">${statusArrow[st]} ${n} ${e(statusLabel(st, options.lang))}</span>`);

  const body: string[] = [
    `<h1>${e(title)}</h1>`,
    `<table class="sides"><thead><tr><th></th><th scope="col">${e(t.before)}</th><th scope="col">${e(t.after)}</th></tr></thead><tbody>`,
    row(
      t.source,
      sides.map((x) => `<code>${e(x.source)}</code>`),
    ),
    row(
      t.version,
      sides.map((x) => e(x.questionnaireVersion)),
    ),
    row(
      t.respondents,
      sides.map((x) => String(x.respondents)),
    ),
    row(
      t.generated,
      sides.map((x) => e(x.generatedAt)),
    ),
    '</tbody></table>',
    chart(diff, options.lang),
    `<table class="caps"><thead><tr><th scope="col">${e(t.capability)}</th><th scope="col">${e(t.before)}</th><th scope="col">${e(t.after)}</th>` +
      `<th scope="col">${e(t.change)}</th><th scope="col">${e(t.level)}</th><th scope="col">${e(t.status)}</th></tr></thead><tbody>`,
    ...capRows,
    '</tbody></table>',
    mark ? `<p class="small">* ${e(t.commonBasis)}</p>` : '',
    `<p class="summary">${counts.join(' ')} <span class="small">(${e(t.tolerance(String(diff.tolerance)))})</span></p>`,
  ];

  if (options.detail && diff.questions) {
    body.push(`<h2>${e(t.changedAnswers)}</h2>`);
    if (diff.questions.length === 0) body.push(`<p>${e(t.noChangedAnswers)}</p>`);
    else {
      body.push(
        `<table class="questions"><thead><tr><th scope="col">id</th><th scope="col">${e(t.question)}</th><th scope="col">${e(t.before)}</th>` +
          `<th scope="col">${e(t.after)}</th><th scope="col">${e(t.change)}</th></tr></thead><tbody>`,
      );
      for (const q of diff.questions) {
        const notes = (['before', 'after'] as const)
          .filter((side) => q[side].note !== undefined)
          .map((side) => `<div class="note"><em>${e(t.noteOf(t[side]))}:</em> ${e(q[side].note ?? '')}</div>`);
        const status: DiffStatus = q.delta === null ? 'unchanged' : changeStatus(q.delta, 0);
        body.push(
          `<tr><td class="id"><code>${e(q.id)}</code></td><td>${e(q.text)}${notes.join('')}</td><td class="num">${e(formatAnswer(q.before, options.lang))}</td>` +
            `<td class="num">${e(formatAnswer(q.after, options.lang))}</td><td class="num"><span class="${status}">${formatDelta(q.delta)}</span></td></tr>`,
        );
      }
      body.push('</tbody></table>');
    }
  }
  if (diff.warnings.length > 0) {
    body.push(`<h2>${e(t.warnings)}</h2>`, `<ul class="warnings">${diff.warnings.map((w) => `<li>${e(w)}</li>`).join('')}</ul>`);
  }

  return renderHtmlPage({
    lang: e(options.lang),
    title: e(title),
    generator: 'cxm diff',
    extraStyle: DIFF_STYLE,
    mainClass: 'report diff',
    body: body.filter((b) => b !== '').join('\n'),
    footer: `cxm diff · ${e(diff.questionnaire.id)} ${e(diff.before.questionnaireVersion)} → ${e(diff.after.questionnaireVersion)}`,
  });
}

/** What the diff adds to the report stylesheet: status colours and the paired-bar chart. */
const DIFF_STYLE = `
.diff h1 { font-size: 24px; }
table.sides { width: auto; margin-bottom: 8px; }
table.caps, table.questions { margin: 12px 0; }
tr.overall td { font-weight: 700; border-top: 2px solid #9ca3af; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; overflow-wrap: anywhere; }
.improved { color: #047857; } .regressed { color: #b91c1c; font-weight: 600; }
.new { color: #0e7490; } .not-assessed { color: #92400e; } .unchanged { color: #4b5563; }
td.id code { white-space: nowrap; overflow-wrap: normal; }
.note { color: #4b5563; font-size: 12px; margin-top: 2px; }
.small { color: #6b7280; font-size: 12px; }
.summary span { margin-right: 12px; }
.warnings li { color: #92400e; }
svg.chart text { font-size: 11px; fill: #1f2937; }
svg.chart .axis { stroke: #9ca3af; stroke-width: 1; }
svg.chart .lvl-line { stroke: #d1d5db; stroke-dasharray: 3 3; }
svg.chart .lvl-label { fill: #6b7280; font-size: 10px; }
svg.chart .bar-before { fill: #b8bec6; }
svg.chart .bar-improved { fill: #059669; } svg.chart .bar-regressed { fill: #dc2626; }
svg.chart .bar-unchanged { fill: #3b5ba9; } svg.chart .bar-new { fill: #0891b2; }
`;

const CHART = { width: 760, label: 250, bar: 440, row: 30, top: 34, barHeight: 9 };

/** Paired horizontal bars (before grey, after coloured by status) per capability, on a 0-100 axis with level lines. */
function chart(diff: DiffReport, lang: string): string {
  const t = diffLabels(lang);
  const e = (text: string) => escapeHtml(toSingleLine(text));
  const { width, label, bar, row, top, barHeight } = CHART;
  const rows = diff.capabilities;
  const height = top + rows.length * row + 12;
  const x = (score: number) => label + (bar * score) / 100;
  const parts: string[] = [];
  for (const level of diff.levels) {
    if (level.min <= 0 || level.min > 100) continue;
    parts.push(`<line class="lvl-line" x1="${x(level.min)}" y1="${top - 6}" x2="${x(level.min)}" y2="${height - 8}"/>`);
    parts.push(`<text class="lvl-label" x="${x(level.min) + 2}" y="${top - 9}">${e(truncate(level.label, 12))}</text>`);
  }
  parts.push(`<line class="axis" x1="${label}" y1="${top - 6}" x2="${label}" y2="${height - 8}"/>`);
  // Legend: grey for before; after coloured by its status.
  const legend: [string, string][] = [
    ['bar-before', t.before],
    ['bar-unchanged', `${t.after}: ${statusLabel('unchanged', lang)}`],
    ['bar-improved', statusLabel('improved', lang)],
    ['bar-regressed', statusLabel('regressed', lang)],
    ['bar-new', statusLabel('new', lang)],
  ];
  let lx = label;
  for (const [cls, text] of legend) {
    parts.push(`<rect class="${cls}" x="${lx}" y="4" width="12" height="${barHeight}"/><text x="${lx + 16}" y="12">${e(text)}</text>`);
    lx += 16 + displayWidth(text) * 6.5 + 14;
  }
  rows.forEach((c, i) => {
    const y = top + i * row;
    parts.push(`<g><title>${e(`${c.title}: ${formatScore(c.before)} → ${formatScore(c.after)} (${statusLabel(c.status, lang)})`)}</title>`);
    parts.push(`<text x="${label - 8}" y="${y + barHeight + 5}" text-anchor="end">${e(truncate(c.title, 40))}</text>`);
    const bars: [number | null, string, number][] = [
      [c.before, 'bar-before', y],
      [c.after, `bar-${c.status === 'not-assessed' ? 'unchanged' : c.status}`, y + barHeight + 2],
    ];
    for (const [score, cls, by] of bars) {
      if (score === null) {
        parts.push(`<text x="${label + 4}" y="${by + barHeight - 1}" class="lvl-label">—</text>`);
        continue;
      }
      parts.push(`<rect class="${cls}" x="${label}" y="${by}" width="${((bar * score) / 100).toFixed(1)}" height="${barHeight}"/>`);
      parts.push(`<text x="${(x(score) + 4).toFixed(1)}" y="${by + barHeight - 1}" class="lvl-label">${formatScore(score)}</text>`);
    }
    parts.push('</g>');
  });
  const aria = `${t.capability}: ${t.before} / ${t.after}`;
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${e(aria)}">\n${parts.join('\n')}\n</svg>`;
}

/** Cuts a label to `max` display columns (full-width characters count two). */
function truncate(text: string, max: number): string {
  const one = toSingleLine(text);
  if (displayWidth(one) <= max) return one;
  let out = '';
  for (const ch of one) {
    if (displayWidth(`${out}${ch}…`) > max) break;
    out += ch;
  }
  return `${out}…`;
}
