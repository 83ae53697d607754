import type { Report, ReportCapability } from '../model/report.js';
import { escapeMarkdown as md } from './escape-markdown.js';
import { reportLabels, type ReportLabels } from './labels.js';
import { renderMermaidChart } from './mermaid-chart.js';
import type { RenderOptions } from './render-options.js';
import {
  capabilitiesWithNextSteps,
  capabilityTitle,
  describeRespondent,
  formatDate,
  formatPercent,
  hasSeveralRespondents,
  levelLabel,
  nextLevelId,
  respondentSummary,
  strengthsAndGaps,
  stepItems,
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
    capabilities(report, t),
    byRole(report, t),
    strengthsAndGapsSection(report, t),
    nextSteps(report, t),
    roadmap(report, t),
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
  const names = respondentSummary(report).map(md).join(', ');
  const level = md(levelLabel(report, report.overall.level));
  return [
    `# ${md(report.questionnaire.title)}`,
    '',
    `- **${t.respondents}:** ${report.respondents.length}${names === '' ? '' : ` — ${names}`}`,
    `- **${t.date}:** ${md(formatDate(report.generatedAt))}`,
    `- **${t.overall}:** ${formatScore(report.overall.score)} (${level}) — ${t.target}: ${md(levelLabel(report, report.target))}`,
    `- **${t.coverage}:** ${formatPercent(report.overall.coverage)}`,
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

function strengthsAndGapsSection(report: Report, t: ReportLabels): string[] {
  const { strengths, gaps } = strengthsAndGaps(report);
  const item = (c: ReportCapability) => `**${md(c.title)}** — ${formatScore(c.score)} (${md(levelLabel(report, c.level))})`;
  const parts = [list(t.strengths, strengths.map(item)), list(t.gaps, gaps.map(item))].filter((p) => p.length > 0);
  return parts.flatMap((p, i) => (i === 0 ? p : ['', ...p]));
}

function levelStep(report: Report, from: string | null, to: string | null): string {
  return `${md(levelLabel(report, from))} → ${md(levelLabel(report, to))}`;
}

function nextSteps(report: Report, t: ReportLabels): string[] {
  const caps = capabilitiesWithNextSteps(report);
  if (caps.length === 0) return [];
  return [
    `## ${t.nextSteps}`,
    '',
    ...caps.flatMap((c) => [
      `- **${md(c.title)}** (${levelStep(report, c.level, nextLevelId(report, c.level))})`,
      ...stepLines(c.nextSteps, c.doneWhen, t),
      ...(c.advice ?? []).map((a) => `  - ${md(t.advice)} (${md(a.question)}): ${md(a.text)}`),
    ]),
  ];
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
      `### ${t.phase(phase.phase)}`,
      '',
      ...phase.steps.flatMap((s) => [
        `- **${md(capabilityTitle(report, s.capability))}:** ${levelStep(report, s.fromLevel, s.toLevel)}`,
        ...stepLines(s.actions, s.doneWhen, t),
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
  const names = new Map(report.respondents.map((r) => [r.file, describeRespondent(r)]));
  const notes = qs.flatMap((q) =>
    q.answers
      .filter((a) => a.note !== undefined && a.note.trim() !== '')
      .map((a) => `**${md(q.id)}** — ${md(names.get(a.file) ?? a.file)}: ${md(a.note ?? '')}`),
  );
  const head = [t.id, t.capability, t.question, t.score, t.counted, t.notApplicable];
  const out = [`## ${t.questions}`, '', ...table(head, ['left', 'left', 'left', 'right', 'right', 'right'], rows)];
  if (notes.length > 0) out.push('', `### ${t.notes}`, '', ...notes.map((n) => `- ${n}`));
  return out;
}
