import { formatScore } from '../core/format-score.js';
import type { ReportCapability } from '../model/report.js';
import { displayWidth } from '../text/width.js';
import { toSingleLine, wrapIndented } from '../text/wrap.js';
import {
  agendaItems,
  agendaVoice,
  answerText,
  biggestDisagreements,
  capabilityTarget,
  capabilityTitle,
  describeRespondent,
  disagreementVoices,
  nextStepText,
  overallAgainstTarget,
  levelLabel,
  strengthsAndGaps,
  shownNotes,
} from './report-view.js';
import { actionLines, heading, type TextContext } from './text-context.js';

/** The blocks of the text report that tell the story: summary, details, agenda, notes. */

function capabilityLine({ report, t, width }: TextContext, c: ReportCapability): string[] {
  const target = levelLabel(report, capabilityTarget(report, c));
  return wrapIndented(`${c.title} — ${formatScore(c.score)} ${levelLabel(report, c.level)} (${t.target}: ${target})`, width, '    • ');
}

/** One printed page: where the client stands, what is strong, what is short, who disagrees, what comes first. */
export function executiveSummaryBlock(ctx: TextContext): string[] {
  const { report, chalk, t, width } = ctx;
  if (!report.capabilities.some((c) => c.score !== null)) return [];
  const { strengths, gaps } = strengthsAndGaps(report);
  const lines = [
    heading(chalk, t.executiveSummary),
    ...wrapIndented(overallAgainstTarget(report, t), width, '  '),
    `  ${chalk.bold(t.strengths)}`,
    ...(strengths.length > 0 ? strengths.flatMap((c) => capabilityLine(ctx, c)) : wrapIndented(t.noStrengths, width, '    ')),
    `  ${chalk.bold(t.gaps)}`,
    ...(gaps.length > 0 ? gaps.flatMap((c) => capabilityLine(ctx, c)) : wrapIndented(t.noGaps, width, '    ')),
  ];
  const disagreements = biggestDisagreements(report);
  if (disagreements.length > 0) {
    lines.push(`  ${chalk.bold(t.biggestDisagreements)}`);
    for (const c of disagreements) {
      const voices = disagreementVoices(report, c)
        .map((v) => `${toSingleLine(v.who)} ${formatScore(v.score)}`)
        .join(' · ');
      lines.push(...wrapIndented(`${c.title} (${t.spread} ${formatScore(c.spread)}): ${voices}`, width, '    • '));
    }
  }
  const first = report.roadmap[0];
  if (first) {
    lines.push(`  ${chalk.bold(t.firstSteps(t.phase(first.phase, first.months)))}`);
    for (const step of first.steps) {
      lines.push(
        ...wrapIndented(
          `${capabilityTitle(report, step.capability)}: ${levelLabel(report, step.fromLevel)} → ${levelLabel(report, step.toLevel)}`,
          width,
          '    ',
        ),
        ...actionLines(width, step.actions, '      ', step.doneWhen, t),
      );
    }
  }
  return lines;
}

/** Per scored capability: what its level looks like, the advice its answers triggered, and where its next step is. */
export function capabilityDetailsBlock(ctx: TextContext): string[] {
  const { report, chalk, t, width } = ctx;
  const scored = report.capabilities.filter((c) => c.score !== null);
  if (scored.length === 0) return [];
  return [
    heading(chalk, t.capabilityDetails),
    ...scored.flatMap((c) => {
      const level = levelLabel(report, c.level);
      const target = levelLabel(report, capabilityTarget(report, c));
      const next = nextStepText(report, c, t);
      return [
        ...wrapIndented(`${c.title} — ${formatScore(c.score)} ${level} (${t.target}: ${target})`, width, '  ').map((l) => chalk.bold(l)),
        ...(c.levelDescription ? wrapIndented(`${t.levelHere(level)}: ${c.levelDescription}`, width, '    ') : []),
        ...(c.advice ?? []).flatMap((a) => wrapIndented(`${t.advice} (${a.question}): ${a.text}`, width, '    - ')),
        ...wrapIndented(next, width, '    '),
      ];
    }),
  ];
}

export function discussionBlock(ctx: TextContext): string[] {
  const { report, chalk, t, width } = ctx;
  const { shown, more } = agendaItems(report);
  if (shown.length === 0) return [];
  const lines = [heading(chalk, t.discussion), ...wrapIndented(t.discussionLegend(report.discussThreshold), width, '  ')];
  shown.forEach((item, k) => {
    const number = `  ${k + 1}. `;
    lines.push(
      ...wrapIndented(
        `${item.question} · ${capabilityTitle(report, item.capability)} — ${t.spread} ${formatScore(item.spread)}`,
        width,
        number,
      ).map((l) => chalk.bold(l)),
    );
    const indent = ' '.repeat(displayWidth(number));
    if (item.text) lines.push(...wrapIndented(item.text, width, indent));
    const answers = item.answers.map((a) => `${toSingleLine(agendaVoice(a))}: ${answerText(a)}`);
    if (answers.length > 0) lines.push(...wrapIndented(answers.join(' · '), width, `${indent}→ `));
  });
  if (more > 0) lines.push(...wrapIndented(t.moreItems(more), width, '  '));
  return lines;
}

/** Notes and evidence under the text of the question they belong to. */
export function notesBlock(ctx: TextContext): string[] {
  const { report, chalk, t, width } = ctx;
  const { groups: notes, more } = shownNotes(report);
  if (notes.length === 0) return [];
  return [
    heading(chalk, t.notesAndEvidence),
    ...notes.flatMap((n) => [
      ...wrapIndented(`${n.question} · ${n.text}`, width, '  ').map((l) => chalk.bold(l)),
      ...n.answers.flatMap((a) => [
        ...(a.note !== undefined
          ? wrapIndented(`${describeRespondent(a)}: ${a.note}`, width, '    • ')
          : wrapIndented(describeRespondent(a), width, '    • ')),
        ...(a.evidence ?? []).flatMap((e) => wrapIndented(e, width, `      ${t.evidence}: `)),
      ]),
    ]),
    ...(more > 0 ? wrapIndented(t.moreItems(more), width, '  ') : []),
  ];
}
