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
import { escapeMarkdown } from './escape-markdown.js';

/** The diff as GitHub-flavoured Markdown, e.g. for a pull request comment; every questionnaire text escaped. */
export function renderDiffMarkdown(diff: DiffReport, options: DiffRenderOptions): string {
  const t = diffLabels(options.lang);
  const e = escapeMarkdown;
  const out: string[] = [];
  out.push(`# ${e(`${t.heading}: ${diff.questionnaire.title}`)}`, '');
  out.push(`| | ${e(t.before)} | ${e(t.after)} |`, '| --- | --- | --- |');
  out.push(`| ${e(t.source)} | ${e(diff.before.source)} | ${e(diff.after.source)} |`);
  out.push(`| ${e(t.version)} | ${e(diff.before.questionnaireVersion)} | ${e(diff.after.questionnaireVersion)} |`);
  out.push(`| ${e(t.respondents)} | ${diff.before.respondents} | ${diff.after.respondents} |`, '');

  const change = (status: DiffStatus, delta: number | null) =>
    status === 'new' || status === 'not-assessed' ? statusArrow[status] : `${statusArrow[status]} ${formatDelta(delta)}`;
  out.push(
    `| ${e(t.capability)} | ${e(t.before)} | ${e(t.after)} | ${e(t.change)} | ${e(t.level)} | ${e(t.status)} |`,
    '| --- | ---: | ---: | ---: | --- | --- |',
  );
  for (const c of diff.capabilities) {
    const status = e(statusLabel(c.status, options.lang));
    out.push(
      `| ${e(c.title)} | ${formatScore(c.before)} | ${formatScore(c.after)} | ${change(c.status, c.delta)} | ${e(formatLevelChange(diff, c.level))} | ${c.status === 'regressed' ? `**${status}**` : status} |`,
    );
  }
  const o = diff.overall;
  const mark = o.basis === 'common-capabilities' ? '\\*' : '';
  out.push(
    `| **${e(t.overall)}**${mark} | **${formatScore(o.before)}** | **${formatScore(o.after)}** | **${change(o.status, o.delta)}** | **${e(formatLevelChange(diff, o.level))}** | **${e(statusLabel(o.status, options.lang))}** |`,
    '',
  );
  if (mark) out.push(`\\* ${e(t.commonBasis)}`, '');
  const s = diff.summary;
  const counts = (['improved', 'regressed', 'unchanged', 'new', 'not-assessed'] as const)
    .map((st) => [st, st === 'not-assessed' ? s.notAssessed : s[st]] as const)
    .filter(([, n]) => n > 0)
    .map(([st, n]) => `${statusArrow[st]} ${n} ${e(statusLabel(st, options.lang))}`);
  out.push(`${counts.join(' · ')} (${e(t.tolerance(String(diff.tolerance)))})`, '');

  if (options.detail && diff.questions) {
    out.push(`## ${e(t.changedAnswers)}`, '');
    if (diff.questions.length === 0) out.push(e(t.noChangedAnswers), '');
    else {
      out.push(`| id | ${e(t.question)} | ${e(t.before)} | ${e(t.after)} | ${e(t.change)} |`, '| --- | --- | ---: | ---: | ---: |');
      for (const q of diff.questions) {
        const notes = [
          q.before.note !== undefined ? `*${e(t.noteOf(t.before))}:* ${e(q.before.note)}` : undefined,
          q.after.note !== undefined ? `*${e(t.noteOf(t.after))}:* ${e(q.after.note)}` : undefined,
        ].filter((n) => n !== undefined);
        const text = [e(q.text), ...notes].join('<br>');
        out.push(
          `| ${e(q.id)} | ${text} | ${e(formatAnswer(q.before, options.lang))} | ${e(formatAnswer(q.after, options.lang))} | ${formatDelta(q.delta)} |`,
        );
      }
      out.push('');
    }
  }

  if (diff.warnings.length > 0) {
    out.push(`## ${e(t.warnings)}`, '');
    for (const w of diff.warnings) out.push(`- ${e(w)}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
