import type { Report, ReportCapability } from '../model/report.js';
import { escapeHtml as h } from './escape-html.js';
import { renderHtmlPage } from './html-style.js';
import { reportLabels, type ReportLabels } from './labels.js';
import type { RenderOptions } from './render-options.js';
import {
  agendaItems,
  agendaVoice,
  answerText,
  assessmentDates,
  biggestDisagreements,
  capabilityTarget,
  capabilityTitle,
  coverageText,
  describeRespondent,
  disagreementVoices,
  nextStepText,
  overallAgainstTarget,
  formatPercent,
  hasSeveralRespondents,
  levelLabel,
  levelOfScore,
  MAX_NAMED_RESPONDENTS,
  respondentsByRole,
  strengthsAndGaps,
  targetMin,
  stepItems,
  shownNotes,
} from './report-view.js';
import { formatScore } from '../core/format-score.js';
import { RESPONDENT_COLOURS, renderRadarChart, renderSpreadChart } from './svg-charts.js';

/** Nothing may be fetched: the file is mailed, archived and printed as it is. */

/**
 * One self-contained HTML page: inline CSS and SVG, no script, no external resource. Every text from
 * the questionnaire or the answers goes through `h()`; numbers are formatted by us.
 */
export function renderHtml(report: Report, options: RenderOptions): string {
  const t = reportLabels(options.lang || report.lang);
  const body = [
    header(report, t),
    executiveSummary(report, t),
    charts(report, t),
    capabilityTable(report, t),
    byRole(report, t),
    capabilityDetails(report, t),
    discussion(report, t),
    roadmap(report, t),
    notes(report, t),
    notAssessed(report, t),
    gates(report, t),
    warnings(report, t),
    options.detail ? questions(report, t) : '',
  ].filter((s) => s !== '');
  return renderHtmlPage({
    lang: h(report.lang),
    title: h(report.questionnaire.title),
    generator: 'cxm',
    mainClass: 'report',
    body: body.join('\n'),
    footer: `${h(t.generatedBy)} · ${h(report.questionnaire.id)} ${h(report.questionnaire.version)} · ${h(report.generatedAt)}`,
  });
}

/** A colour per level, red for the first through to green for the last. */
function levelStyle(report: Report, levelId: string | null): string {
  const index = report.levels.findIndex((l) => l.id === levelId);
  if (index < 0) return '';
  const hue = Math.round(4 + (136 * index) / Math.max(1, report.levels.length - 1));
  return ` style="--lvl: hsl(${hue} 62% 38%)"`;
}

function levelBadge(report: Report, levelId: string | null): string {
  if (levelId === null) return `<span class="level none">${h(levelLabel(report, null))}</span>`;
  return `<span class="level"${levelStyle(report, levelId)}>${h(levelLabel(report, levelId))}</span>`;
}

function section(cls: string, title: string, content: string): string {
  return `<section class="${cls}">\n<h2>${title}</h2>\n${content}\n</section>`;
}

const fact = (label: string, value: string, cls = 'fact') => `<div class="${cls}"><dt>${label}</dt><dd>${value}</dd></div>`;

function header(report: Report, t: ReportLabels): string {
  const who = respondentsByRole(report)
    .map((r) => `<span class="who">${h(r)}</span>`)
    .join('; ');
  const dates = assessmentDates(report);
  const meta = [
    report.organization ? fact(h(t.organization), h(report.organization)) : '',
    report.facilitator ? fact(h(t.facilitator), h(report.facilitator)) : '',
    dates !== undefined ? fact(h(t.assessed), h(dates)) : '',
  ].filter((f) => f !== '');
  return `<header class="report-header">
<p class="eyebrow">${h(report.questionnaire.id)} ${h(report.questionnaire.version)}</p>
<h1>${h(report.questionnaire.title)}</h1>
${meta.length > 0 ? `<dl class="meta">\n${meta.join('\n')}\n</dl>\n` : ''}<dl class="facts">
${fact(h(t.overall), `<span class="big">${formatScore(report.overall.score)}</span>${levelBadge(report, report.overall.level)}`, 'fact fact-score')}
${fact(h(t.target), levelBadge(report, report.target))}
${fact(h(t.coverage), formatPercent(report.overall.coverage))}
</dl>
<p class="respondents"><strong>${h(t.respondents)} (${report.respondents.length}):</strong> ${who}</p>
${report.respondents.length > 1 ? `<p class="coverage muted">${h(t.coverage)}: ${h(coverageText(report, t))}</p>` : ''}
</header>`;
}

function charts(report: Report, t: ReportLabels): string {
  const target = `${h(t.target)}: ${h(levelLabel(report, report.target))} (${targetMin(report)})`;
  const radar = renderRadarChart(report, t.maturityProfile);
  const parts: string[] = [];
  if (radar !== '') {
    parts.push(`<figure class="chart-block">
<figcaption>${h(t.maturityProfile)}</figcaption>
${radar}
<ul class="legend"><li><span class="swatch score"></span>${h(t.score)}</li><li><span class="swatch target"></span>${target}</li></ul>
</figure>`);
  }
  const spread = renderSpreadChart(report, t.agreement);
  if (spread !== '') {
    const people = (report.respondents.length > MAX_NAMED_RESPONDENTS ? [] : report.respondents).map(
      (r, i) =>
        `<li><span class="swatch dot" style="background: ${RESPONDENT_COLOURS[i % RESPONDENT_COLOURS.length] ?? '#4b5563'}"></span>${h(describeRespondent(r))}</li>`,
    );
    parts.push(`<figure class="chart-block">
<figcaption>${h(t.agreement)}</figcaption>
${spread}
<ul class="legend">${people.join('')}<li><span class="swatch tick"></span>${h(t.score)}</li><li><span class="swatch range disagreement"></span>${h(t.disagreementLegend(report.spreadThreshold))}</li><li><span class="swatch target"></span>${target}</li></ul>
</figure>`);
  }
  return parts.length === 0 ? '' : `<section class="charts">\n${parts.join('\n')}\n</section>`;
}

function bar(report: Report, score: number | null, levelId: string | null): string {
  if (score === null) return '';
  return `<div class="bar"${levelStyle(report, levelId)}><span style="width: ${formatScore(score)}%"></span><i style="left: ${targetMin(report)}%"></i></div>`;
}

function capabilityTable(report: Report, t: ReportLabels): string {
  const withSpread = hasSeveralRespondents(report);
  const rows = report.capabilities.map((c) => {
    const spread = c.spread === null ? '' : `${c.disagreement ? '⚠ ' : ''}${formatScore(c.spread)}`;
    return `<tr class="${c.disagreement ? 'disagreement' : ''}" data-capability="${h(c.id)}"><td>${h(c.title)}${bar(report, c.score, c.level)}</td><td class="num${c.score === null ? ' none' : ''}">${formatScore(c.score)}</td><td>${levelBadge(report, c.level)}</td><td class="num">${formatPercent(c.coverage)}</td>${withSpread ? `<td class="num spread">${spread}</td>` : ''}</tr>`;
  });
  const head = `<tr><th>${h(t.capability)}</th><th class="num">${h(t.score)}</th><th>${h(t.level)}</th><th class="num">${h(t.coverage)}</th>${withSpread ? `<th class="num">${h(t.spread)}</th>` : ''}</tr>`;
  return section(
    'capabilities',
    h(t.capabilityScores),
    `<table class="capabilities">\n<thead>${head}</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`,
  );
}

function byRole(report: Report, t: ReportLabels): string {
  const roles = Object.keys(report.byRole);
  if (roles.length === 0) return '';
  const head = `<tr><th>${h(t.capability)}</th>${roles.map((r) => `<th class="num">${h(r)}</th>`).join('')}</tr>`;
  const rows = report.capabilities.map((c) => {
    const cells = roles.map((r) => {
      const score = report.byRole[r]?.[c.id] ?? null;
      return `<td class="num"><span class="level${score === null ? ' none' : ''}"${levelStyle(report, levelOfScore(report, score))}>${formatScore(score)}</span></td>`;
    });
    return `<tr><td>${h(c.title)}</td>${cells.join('')}</tr>`;
  });
  return section(
    'by-role',
    h(t.byRole),
    `<table class="by-role">\n<thead>${head}</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`,
  );
}

function capabilityItem(report: Report, c: ReportCapability, t: ReportLabels): string {
  return `<li>${h(c.title)} — <strong>${formatScore(c.score)}</strong> ${levelBadge(report, c.level)} <span class="muted">${h(t.target)}: ${h(levelLabel(report, capabilityTarget(report, c)))}</span></li>`;
}

function executiveSummary(report: Report, t: ReportLabels): string {
  if (!report.capabilities.some((c) => c.score !== null)) return '';
  const { strengths, gaps } = strengthsAndGaps(report);
  const overall = overallAgainstTarget(report, t);
  const column = (title: string, caps: ReportCapability[], none: string) =>
    `<div><h3>${h(title)}</h3>${caps.length === 0 ? `<p class="muted">${h(none)}</p>` : `<ul class="plain">${caps.map((c) => capabilityItem(report, c, t)).join('')}</ul>`}</div>`;
  const disagreements = biggestDisagreements(report).map((c) => {
    const voices = disagreementVoices(report, c).map((v) => `${h(v.who)} <strong>${formatScore(v.score)}</strong>`);
    return `<li>${h(c.title)} <span class="muted">(${h(t.spread)} ${formatScore(c.spread)})</span>: ${voices.join(' · ')}</li>`;
  });
  const first = report.roadmap[0];
  const firstSteps = first
    ? `<h3>${h(t.firstSteps(t.phase(first.phase, first.months)))}</h3><div class="first-steps">${first.steps
        .map(
          (s) =>
            `<div class="step"><h3>${h(capabilityTitle(report, s.capability))} ${move(report, s.fromLevel, s.toLevel)}</h3>${actions(s.actions, s.doneWhen, t)}</div>`,
        )
        .join('')}</div>`
    : '';
  return section(
    'summary',
    h(t.executiveSummary),
    `<p class="lead">${h(overall)}</p>
<div class="cols">${column(t.strengths, strengths, t.noStrengths)}${column(t.gaps, gaps, t.noGaps)}</div>
${disagreements.length > 0 ? `<h3>${h(t.biggestDisagreements)}</h3><ul class="plain">${disagreements.join('')}</ul>` : ''}
${firstSteps}`,
  );
}

function capabilityDetails(report: Report, t: ReportLabels): string {
  const scored = report.capabilities.filter((c) => c.score !== null);
  if (scored.length === 0) return '';
  const cards = scored.map((c) => {
    const level = levelLabel(report, c.level);
    const target = levelLabel(report, capabilityTarget(report, c));
    const next = nextStepText(report, c, t);
    const advice = (c.advice ?? []).map((a) => `<li>${h(t.advice)} (${h(a.question)}): ${h(a.text)}</li>`);
    return `<div class="detail" data-capability="${h(c.id)}"><h3>${h(c.title)} <strong>${formatScore(c.score)}</strong> ${levelBadge(report, c.level)} <span class="muted">${h(t.target)}: ${h(target)}</span></h3>${
      c.levelDescription ? `<p><em>${h(t.levelHere(level))}:</em> ${h(c.levelDescription)}</p>` : ''
    }${advice.length > 0 ? `<ul>${advice.join('')}</ul>` : ''}<p class="muted">${h(next)}</p></div>`;
  });
  return section('details', h(t.capabilityDetails), `<div class="details">${cards.join('\n')}</div>`);
}

function discussion(report: Report, t: ReportLabels): string {
  const { shown, more } = agendaItems(report);
  if (shown.length === 0) return '';
  const items = shown.map((item) => {
    const answers = item.answers.map((a) => `<li>${h(agendaVoice(a))}: <strong>${h(answerText(a))}</strong></li>`);
    return `<li data-question="${h(item.question)}"><strong>${h(item.question)}</strong> · ${h(capabilityTitle(report, item.capability))} <span class="muted">— ${h(t.spread)} ${formatScore(item.spread)}</span>${
      item.text ? `<br>${h(item.text)}` : ''
    }${answers.length > 0 ? `<ul class="answers">${answers.join('')}</ul>` : ''}</li>`;
  });
  return section(
    'discussion',
    h(t.discussion),
    `<p class="muted">${h(t.discussionLegend(report.discussThreshold))}</p>\n<ol class="agenda">${items.join('\n')}</ol>${more > 0 ? `\n<p class="muted">${h(t.moreItems(more))}</p>` : ''}`,
  );
}

function notes(report: Report, t: ReportLabels): string {
  const { groups: all, more } = shownNotes(report);
  if (all.length === 0) return '';
  const groups = all.map(
    (n) =>
      `<div class="note-group" data-question="${h(n.question)}"><h3>${h(n.question)} · ${h(n.text)}</h3><ul class="notes">${n.answers
        .map(
          (a) =>
            `<li>${h(describeRespondent(a))}${a.note !== undefined ? `: ${h(a.note)}` : ''}${(a.evidence ?? [])
              .map((e) => `<br><small>${h(t.evidence)}: ${h(e)}</small>`)
              .join('')}</li>`,
        )
        .join('')}</ul></div>`,
  );
  const rest = more > 0 ? `\n<p class="muted">${h(t.moreItems(more))}</p>` : '';
  return section('notes-evidence', h(t.notesAndEvidence), groups.join('\n') + rest);
}

function move(report: Report, from: string | null, to: string | null): string {
  return `<span class="move">${levelBadge(report, from)} → ${levelBadge(report, to)}</span>`;
}

function actions(list: string[], doneWhen?: (string | null)[], t?: ReportLabels, advice: string[] = []): string {
  const items = stepItems(list, doneWhen).map(
    (a) => `<li>${h(a.action)}${a.doneWhen !== undefined && t ? `<br><small>${h(t.doneWhen)}: ${h(a.doneWhen)}</small>` : ''}</li>`,
  );
  const all = [...items, ...advice.map((a) => `<li>${a}</li>`)];
  return all.length === 0 ? '' : `<ul>${all.join('')}</ul>`;
}

function roadmap(report: Report, t: ReportLabels): string {
  const title = `${h(t.roadmap)} <span class="move">(${h(t.target)}: ${h(levelLabel(report, report.target))})</span>`;
  if (report.roadmap.length === 0) {
    return report.capabilities.some((c) => c.score !== null) ? section('roadmap', title, `<p>${h(t.roadmapDone)}</p>`) : '';
  }
  // Phase 1 is the executive summary's first steps: its actions are printed there, not twice.
  const phases = report.roadmap.map(
    (p) =>
      `<div class="phase"><h3>${h(t.phase(p.phase, p.months))}</h3>${p.phase === 1 ? `<p class="muted">${h(t.seeFirstSteps)}</p>` : ''}${p.steps
        .map(
          (s) =>
            `<div class="step"><h3>${h(capabilityTitle(report, s.capability))} ${move(report, s.fromLevel, s.toLevel)}</h3>${p.phase === 1 ? '' : actions(s.actions, s.doneWhen, t)}</div>`,
        )
        .join('')}</div>`,
  );
  return section('roadmap', title, `<div class="phases">${phases.join('\n')}</div>`);
}

function notAssessed(report: Report, t: ReportLabels): string {
  if (report.notAssessed.length === 0) return '';
  return section(
    'not-assessed',
    h(t.notAssessed),
    `<ul class="plain">${report.notAssessed.map((id) => `<li>${h(capabilityTitle(report, id))}</li>`).join('')}</ul>`,
  );
}

function gates(report: Report, t: ReportLabels): string {
  if (report.gates.length === 0) return '';
  const rows = report.gates.map(
    (g) =>
      `<tr><td>${h(g.rule)}</td><td><span class="pill ${g.passed ? 'passed' : 'failed'}">${h(g.passed ? t.passed : t.failed)}</span></td><td>${h(g.detail)}</td></tr>`,
  );
  return section(
    'gates',
    h(t.gates),
    `<table class="gates">\n<thead><tr><th>${h(t.rule)}</th><th>${h(t.result)}</th><th>${h(t.detail)}</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`,
  );
}

function warnings(report: Report, t: ReportLabels): string {
  if (report.warnings.length === 0) return '';
  return section('warnings', h(t.warnings), `<ul class="callout">${report.warnings.map((w) => `<li>${h(w)}</li>`).join('')}</ul>`);
}

function questions(report: Report, t: ReportLabels): string {
  const qs = report.questions;
  if (qs === undefined || qs.length === 0) return '';
  const rows = qs.map((q) => {
    return `<tr><td>${h(q.id)}</td><td>${h(q.text)}</td><td class="num${q.score === null ? ' none' : ''}">${formatScore(q.score)}</td><td class="num">${q.counted}</td><td class="num">${q.notApplicable}</td></tr>`;
  });
  const head = `<tr><th>${h(t.id)}</th><th>${h(t.question)}</th><th class="num">${h(t.score)}</th><th class="num">${h(t.counted)}</th><th class="num">${h(t.notApplicable)}</th></tr>`;
  return section(
    'questions',
    h(t.questions),
    `<table class="questions">\n<thead>${head}</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`,
  );
}
