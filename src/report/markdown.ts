import type { Report, ReportCapability } from '../model/report.js';
import { escapeMarkdown as md } from './escape-markdown.js';
import { reportLabels, type ReportLabels } from './labels.js';
import { renderMermaidChart } from './mermaid-chart.js';
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
  respondentsByRole,
  strengthsAndGaps,
  stepItems,
  shownNotes,
} from './report-view.js';
import { formatScore } from '../core/format-score.js';

/**
 * The client report as GitHub-flavoured Markdown. Every text from the questionnaire or the answers
 * goes through `md()`; only our own labels, numbers and markup are written raw.
 */
export function renderMarkdown(report: Report, options: RenderOptions): string {
  const t = reportLabels(options.lang || report.lang);
  const sections = [
    header(report, t),
    executiveSummary(report, t),
    capabilities(report, t),
    byRole(report, t),
    capabilityDetails(report, t),
    discussion(report, t),
    roadmap(report, t),
    notes(report, t),
    list(
      t.notAssessed,
      report.notAssessed.map((id) => md(capabilityTitle(report, id))),
    ),
    gates(report, t),
    list(t.warnings, report.warnings.map(md)),
    options.detail ? questions(report, t) : [],
  ];
  return `${sections
    .filter((s) => s.length > 0)
    .map((s) => s.join('\n'))
    .join('\n\n')}\n`;
}

function table(head: string[], aligns: ('left' | 'right')[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`;
  return [line(head), line(aligns.map((a) => (a === 'right' ? '---:' : '---'))), ...rows.map(line)];
}

function list(title: string, items: string[]): string[] {
  return items.length === 0 ? [] : [`## ${title}`, '', ...items.map((i) => `- ${i}`)];
}

function header(report: Report, t: ReportLabels): string[] {
  const names = respondentsByRole(report).map(md).join('; ');
  const level = md(levelLabel(report, report.overall.level));
  const dates = assessmentDates(report);
  return [
    `# ${md(report.questionnaire.title)}`,
    '',
    ...(report.organization ? [`- **${t.organization}:** ${md(report.organization)}`] : []),
    ...(report.facilitator ? [`- **${t.facilitator}:** ${md(report.facilitator)}`] : []),
    ...(dates !== undefined ? [`- **${t.assessed}:** ${md(dates)}`] : []),
    `- **${t.respondents}:** ${report.respondents.length}${names === '' ? '' : ` — ${names}`}`,
    `- **${t.overall}:** ${formatScore(report.overall.score)} (${level}) — ${t.target}: ${md(levelLabel(report, report.target))}`,
    `- **${t.coverage}:** ${md(coverageText(report, t))}`,
  ];
}

function spreadCell(c: ReportCapability): string {
  if (c.spread === null) return '';
  return c.disagreement ? `⚠️ ${formatScore(c.spread)}` : formatScore(c.spread);
}

function capabilities(report: Report, t: ReportLabels): string[] {
  const withSpread = hasSeveralRespondents(report);
  const head = [t.capability, t.score, t.level, t.coverage, ...(withSpread ? [t.spread] : [])];
  const aligns: ('left' | 'right')[] = ['left', 'right', 'left', 'right', ...(withSpread ? (['right'] as const) : [])];
  const rows = report.capabilities.map((c) => [
    md(c.title),
    formatScore(c.score),
    md(levelLabel(report, c.level)),
    formatPercent(c.coverage),
    ...(withSpread ? [spreadCell(c)] : []),
  ]);
  const legend = report.capabilities.some((c) => c.disagreement) ? ['', `⚠️ ${t.disagreementLegend(report.spreadThreshold)}`] : [];
  return [
    `## ${t.capabilityScores}`,
    '',
    ...table(head, aligns, rows),
    ...legend,
    '',
    ...renderMermaidChart(report, t.capabilityScores, t.score),
  ];
}

function byRole(report: Report, t: ReportLabels): string[] {
  const roles = Object.keys(report.byRole);
  if (roles.length === 0) return [];
  const rows = report.capabilities.map((c) => [md(c.title), ...roles.map((r) => formatScore(report.byRole[r]?.[c.id]))]);
  return [`## ${t.byRole}`, '', ...table([t.capability, ...roles.map(md)], ['left', ...roles.map(() => 'right' as const)], rows)];
}

function capabilityItem(report: Report, c: ReportCapability, t: ReportLabels): string {
  return `**${md(c.title)}** — ${formatScore(c.score)} (${md(levelLabel(report, c.level))}; ${t.target}: ${md(levelLabel(report, capabilityTarget(report, c)))})`;
}

function executiveSummary(report: Report, t: ReportLabels): string[] {
  if (!report.capabilities.some((c) => c.score !== null)) return [];
  const { strengths, gaps } = strengthsAndGaps(report);
  const overall = overallAgainstTarget(report, t);
  const out = [`## ${t.executiveSummary}`, '', md(overall), '', `**${t.strengths}**`, ''];
  out.push(...(strengths.length > 0 ? strengths.map((c) => `- ${capabilityItem(report, c, t)}`) : [md(t.noStrengths)]));
  out.push('', `**${t.gaps}**`, '', ...(gaps.length > 0 ? gaps.map((c) => `- ${capabilityItem(report, c, t)}`) : [md(t.noGaps)]));
  const disagreements = biggestDisagreements(report);
  if (disagreements.length > 0) {
    out.push('', `**${t.biggestDisagreements}**`, '');
    for (const c of disagreements) {
      const voices = disagreementVoices(report, c).map((v) => `${md(v.who)} ${formatScore(v.score)}`);
      out.push(`- **${md(c.title)}** (${md(t.spread)} ${formatScore(c.spread)}): ${voices.join(' · ')}`);
    }
  }
  const first = report.roadmap[0];
  if (first) {
    out.push('', `**${md(t.firstSteps(t.phase(first.phase, first.months)))}**`, '');
    for (const s of first.steps) {
      out.push(
        `- **${md(capabilityTitle(report, s.capability))}:** ${levelStep(report, s.fromLevel, s.toLevel)}`,
        ...stepLines(s.actions, s.doneWhen, t),
      );
    }
  }
  return out;
}

function capabilityDetails(report: Report, t: ReportLabels): string[] {
  const scored = report.capabilities.filter((c) => c.score !== null);
  if (scored.length === 0) return [];
  return [
    `## ${t.capabilityDetails}`,
    ...scored.flatMap((c) => {
      const level = levelLabel(report, c.level);
      const target = levelLabel(report, capabilityTarget(report, c));
      const next = nextStepText(report, c, t);
      return [
        '',
        `### ${md(c.title)} — ${formatScore(c.score)} (${md(level)}; ${t.target}: ${md(target)})`,
        '',
        ...(c.levelDescription ? [`*${md(t.levelHere(level))}:* ${md(c.levelDescription)}`, ''] : []),
        ...(c.advice ?? []).map((a) => `- ${md(t.advice)} (${md(a.question)}): ${md(a.text)}`),
        ...((c.advice?.length ?? 0) > 0 ? [''] : []),
        md(next),
      ];
    }),
  ];
}

function discussion(report: Report, t: ReportLabels): string[] {
  const { shown, more } = agendaItems(report);
  if (shown.length === 0) return [];
  const out = [`## ${t.discussion}`, '', md(t.discussionLegend(report.discussThreshold)), ''];
  shown.forEach((item, k) => {
    out.push(
      `${k + 1}. **${md(item.question)}** · ${md(capabilityTitle(report, item.capability))} — ${md(t.spread)} ${formatScore(item.spread)}`,
      ...(item.text ? [`   - *${md(item.text)}*`] : []),
      ...item.answers.map((a) => `   - ${md(agendaVoice(a))}: ${md(answerText(a))}`),
    );
  });
  if (more > 0) out.push('', md(t.moreItems(more)));
  return out;
}

function notes(report: Report, t: ReportLabels): string[] {
  const { groups: all, more } = shownNotes(report);
  if (all.length === 0) return [];
  return [
    `## ${t.notesAndEvidence}`,
    ...all.flatMap((n) => [
      '',
      `**${md(n.question)}** · ${md(n.text)}`,
      '',
      ...n.answers.flatMap((a) => [
        `- ${md(describeRespondent(a))}${a.note !== undefined ? `: ${md(a.note)}` : ''}`,
        ...(a.evidence ?? []).map((e) => `  - ${md(t.evidence)}: ${md(e)}`),
      ]),
    ]),
    ...(more > 0 ? ['', md(t.moreItems(more))] : []),
  ];
}

function levelStep(report: Report, from: string | null, to: string | null): string {
  return `${md(levelLabel(report, from))} → ${md(levelLabel(report, to))}`;
}

function stepLines(actions: string[], doneWhen: (string | null)[] | undefined, t: ReportLabels): string[] {
  return stepItems(actions, doneWhen).flatMap((a) => [
    `  - ${md(a.action)}`,
    ...(a.doneWhen !== undefined ? [`    ${md(t.doneWhen)}: ${md(a.doneWhen)}`] : []),
  ]);
}

function roadmap(report: Report, t: ReportLabels): string[] {
  const title = `## ${t.roadmap} (${t.target}: ${md(levelLabel(report, report.target))})`;
  if (report.roadmap.length === 0) {
    return report.capabilities.some((c) => c.score !== null) ? [title, '', t.roadmapDone] : [];
  }
  return [
    title,
    ...report.roadmap.flatMap((phase) => [
      '',
      `### ${md(t.phase(phase.phase, phase.months))}`,
      '',
      // Phase 1 is the executive summary's first steps: printed there, not twice.
      ...(phase.phase === 1 ? [md(t.seeFirstSteps), ''] : []),
      ...phase.steps.flatMap((s) => [
        `- **${md(capabilityTitle(report, s.capability))}:** ${levelStep(report, s.fromLevel, s.toLevel)}`,
        ...(phase.phase === 1 ? [] : stepLines(s.actions, s.doneWhen, t)),
      ]),
    ]),
  ];
}

function gates(report: Report, t: ReportLabels): string[] {
  if (report.gates.length === 0) return [];
  const rows = report.gates.map((g) => [md(g.rule), g.passed ? `✅ ${t.passed}` : `❌ **${t.failed}**`, md(g.detail)]);
  return [`## ${t.gates}`, '', ...table([t.rule, t.result, t.detail], ['left', 'left', 'left'], rows)];
}

function questions(report: Report, t: ReportLabels): string[] {
  const qs = report.questions;
  if (qs === undefined || qs.length === 0) return [];
  const rows = qs.map((q) => [
    md(q.id),
    md(capabilityTitle(report, q.capability)),
    md(q.text),
    formatScore(q.score),
    String(q.counted),
    String(q.notApplicable),
  ]);
  const head = [t.id, t.capability, t.question, t.score, t.counted, t.notApplicable];
  return [`## ${t.questions}`, '', ...table(head, ['left', 'left', 'left', 'right', 'right', 'right'], rows)];
}
