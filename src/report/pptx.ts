import pptxgenjs from 'pptxgenjs';
import { formatScore } from '../core/format-score.js';
import type { Report } from '../model/report.js';
import { chunkRows, columnWidth, COLUMN_GAP, FONT, PARAGRAPH_SPACE, paginateGroups, SLIDE, type TextGroup } from './office-deck-layout.js';
import { officeFont, officeLanguageTag } from './office-fonts.js';
import { officeLabels, type OfficeLabels } from './office-labels.js';
import { organizationOf, reportDate, xmlSafeText } from './office-view.js';
import type { RenderOptions } from './render-options.js';
import {
  agendaItems,
  agendaVoice,
  answerText,
  biggestDisagreements,
  capabilityTitle,
  formatPercent,
  hasSeveralRespondents,
  levelLabel,
  scoredCapabilities,
  strengthsAndGaps,
  targetMin,
} from './report-view.js';

/**
 * The report as a 16:9 slide deck (pptxgenjs) a consultant presents after the workshop. Charts are
 * native PowerPoint charts (editable, their data in an embedded workbook), not pictures. Body text
 * is 18 pt or more; every run names the report language's font for Latin and East Asian text.
 * One function per slide (or run of slides) in SLIDES.
 */

/**
 * pptxgenjs's types are CommonJS-style (`export default` in a package without "type": "module"), so
 * under NodeNext TypeScript sees the default import as the module object; the bundle loads the ES
 * build, whose default export is the class itself. Either way this is the class.
 */
const PptxGenJS: typeof pptxgenjs.default = typeof pptxgenjs === 'function' ? pptxgenjs : pptxgenjs.default;
type PptxGenJS = pptxgenjs.default;

const COLOR = { ink: '1F2937', brand: '1F4E79', accent: 'C55A11', muted: '6B7280', light: 'E8EEF5', white: 'FFFFFF', alert: 'B91C1C' };
const SERIES_COLORS = ['1F4E79', 'C55A11', '2E7D32', '7B1FA2', '00838F', 'AD1457', '6D4C41', '546E7A'];
const TABLE_ROWS_PER_SLIDE = 9;

interface Deck {
  pptx: PptxGenJS;
  report: Report;
  t: OfficeLabels;
  /** Font and language of every text run. */
  text: { fontFace: string; lang: string };
  footer: string;
}

type SlideBuilder = (deck: Deck) => void;

export async function renderPptx(report: Report, options: RenderOptions): Promise<Uint8Array> {
  const lang = options.lang || report.lang;
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  const fontFace = officeFont(lang);
  pptx.theme = { headFontFace: fontFace, bodyFontFace: fontFace };
  pptx.author = 'cxm';
  pptx.title = clean(report.questionnaire.title);
  const organization = organizationOf(report);
  pptx.company = organization === undefined ? '' : clean(organization);
  const footer = [report.questionnaire.title, organization, reportDate(report)].filter((p) => p !== undefined).join(' · ');
  const deck: Deck = { pptx, report, t: officeLabels(lang), text: { fontFace, lang: officeLanguageTag(lang) }, footer: clean(footer) };
  for (const build of SLIDES) build(deck);
  const bytes = await pptx.write({ outputType: 'uint8array', compression: true });
  if (!(bytes instanceof Uint8Array)) throw new Error('pptxgenjs returned no bytes');
  return bytes;
}

const clean = (text: string) => xmlSafeText(text);

function contentSlide(deck: Deck, title: string): pptxgenjs.default.Slide {
  const slide = deck.pptx.addSlide();
  slide.addText(clean(title), {
    ...deck.text,
    x: SLIDE.margin,
    y: 0.35,
    w: SLIDE.width - 2 * SLIDE.margin,
    h: 0.85,
    fontSize: FONT.title,
    bold: true,
    color: COLOR.brand,
    valign: 'middle',
    fit: 'shrink',
  });
  slide.addShape('line', { x: SLIDE.margin, y: 1.22, w: SLIDE.width - 2 * SLIDE.margin, h: 0, line: { color: COLOR.brand, width: 1.5 } });
  slide.addText(deck.footer, {
    ...deck.text,
    x: SLIDE.margin,
    y: 6.95,
    w: SLIDE.width - 2 * SLIDE.margin - 1,
    h: 0.4,
    fontSize: FONT.small,
    color: COLOR.muted,
  });
  slide.slideNumber = {
    x: SLIDE.width - SLIDE.margin - 0.8,
    y: 6.95,
    w: 0.8,
    h: 0.4,
    fontSize: FONT.small,
    color: COLOR.muted,
    align: 'right',
  };
  return slide;
}

function titleSlide(deck: Deck): void {
  const { report, t } = deck;
  const slide = deck.pptx.addSlide();
  slide.background = { color: COLOR.brand };
  const box = { ...deck.text, x: 0.8, w: SLIDE.width - 1.6, color: COLOR.white };
  slide.addText(clean(report.questionnaire.title), { ...box, y: 1.6, h: 1.9, fontSize: 40, bold: true, valign: 'bottom', fit: 'shrink' });
  const organization = organizationOf(report);
  if (organization !== undefined) slide.addText(clean(organization), { ...box, y: 3.7, h: 0.8, fontSize: 28 });
  const date = reportDate(report);
  const facts = [
    ...(date !== undefined ? [`${t.assessed}: ${date}`] : []),
    ...(report.facilitator ? [`${t.facilitator}: ${report.facilitator}`] : []),
    `${t.respondents}: ${t.respondentCount(report.respondents.length)}`,
  ];
  slide.addText(clean(facts.join('   ·   ')), { ...box, y: 4.6, h: 0.6, fontSize: 20 });
  slide.addText(t.generatedBy, { ...box, y: 6.6, h: 0.4, fontSize: FONT.small, color: COLOR.light });
}

function summarySlide(deck: Deck): void {
  const { report, t } = deck;
  const slide = contentSlide(deck, t.overall);
  const left = { ...deck.text, x: SLIDE.margin, w: 4.6 };
  slide.addText(formatScore(report.overall.score), {
    ...left,
    y: 1.6,
    h: 1.5,
    fontSize: 80,
    bold: true,
    color: COLOR.brand,
    align: 'center',
  });
  slide.addText(clean(levelLabel(report, report.overall.level)), { ...left, y: 3.1, h: 0.7, fontSize: 28, bold: true, align: 'center' });
  const facts = [
    `${t.target}: ${levelLabel(report, report.target)} (≥ ${targetMin(report)})`,
    `${t.coverage}: ${formatPercent(report.overall.coverage)}`,
  ];
  slide.addText(clean(facts.join('\n')), { ...left, y: 3.9, h: 1.2, fontSize: FONT.body, color: COLOR.muted, align: 'center' });

  const { strengths, gaps } = strengthsAndGaps(report);
  const disagreements = biggestDisagreements(report);
  const x = SLIDE.margin + 5.0;
  const w = SLIDE.width - SLIDE.margin - x;
  const item = (c: (typeof strengths)[number]) => `${c.title} — ${formatScore(c.score)} (${levelLabel(report, c.level)})`;
  const lines: pptxgenjs.default.TextProps[] = [];
  const spreadItem = (c: (typeof strengths)[number]) => `${c.title} — ${t.spread} ${formatScore(c.spread)}`;
  for (const [title, texts, none, color] of [
    [t.strengths, strengths.map(item), t.noStrengths, '2E7D32'],
    [t.gaps, gaps.map(item), t.noGaps, COLOR.accent],
    [t.biggestDisagreements, disagreements.map(spreadItem), undefined, COLOR.alert],
  ] as const) {
    if (texts.length === 0 && none === undefined) continue;
    lines.push({
      text: title,
      options: { fontSize: FONT.heading + 2, bold: true, color, breakLine: true, paraSpaceBefore: lines.length > 0 ? 12 : 0 },
    });
    for (const text of texts) lines.push({ text: clean(text), options: { fontSize: FONT.body + 2, bullet: true, breakLine: true } });
    if (texts.length === 0 && none !== undefined)
      lines.push({ text: clean(none), options: { fontSize: FONT.body, color: COLOR.muted, breakLine: true } });
  }
  if (lines.length > 0)
    slide.addText(lines, { ...deck.text, x, y: 1.6, w, h: 5.1, valign: 'top', color: COLOR.ink, paraSpaceAfter: PARAGRAPH_SPACE });
}

function chartText(deck: Deck) {
  const face = deck.text.fontFace;
  return {
    lang: deck.text.lang,
    catAxisLabelFontFace: face,
    valAxisLabelFontFace: face,
    legendFontFace: face,
    dataLabelFontFace: face,
    legendFontSize: FONT.body,
    legendPos: 'b' as const,
    showLegend: true,
  };
}

/** Scores against the target on a radar: the shape a steering group remembers. */
function radarSlide(deck: Deck): void {
  const { report, t } = deck;
  const caps = scoredCapabilities(report);
  if (caps.length === 0) return;
  const slide = contentSlide(deck, t.maturityProfile);
  const labels = caps.map((c) => clean(c.title));
  slide.addChart(
    deck.pptx.ChartType.radar,
    [
      { name: t.score, labels, values: caps.map((c) => round1(c.score)) },
      { name: `${t.target} (${clean(levelLabel(report, report.target))})`, labels, values: caps.map(() => targetMin(report)) },
    ],
    {
      ...chartText(deck),
      x: SLIDE.margin,
      y: SLIDE.bodyTop,
      w: SLIDE.width - 2 * SLIDE.margin,
      h: SLIDE.bodyBottom - SLIDE.bodyTop,
      radarStyle: 'marker',
      chartColors: [COLOR.brand, COLOR.accent],
      lineSize: 3,
      valAxisMinVal: 0,
      valAxisMaxVal: 100,
      valAxisMajorUnit: 20,
      valAxisLabelFontSize: FONT.small,
      catAxisLabelFontSize: 16,
      altText: `${t.maturityProfile}: ${caps.map((c) => `${c.title} ${formatScore(c.score)}`).join(', ')}`,
    },
  );
}

/** One bar per role for each capability (all respondents together when nobody gave a role). */
function rolesSlide(deck: Deck): void {
  const { report, t } = deck;
  const caps = scoredCapabilities(report);
  if (caps.length === 0) return;
  const roles = Object.keys(report.byRole);
  const slide = contentSlide(deck, roles.length > 0 ? t.byRole : t.capabilityScores);
  // A horizontal bar chart draws its first category at the bottom: reversed, it reads top-down like the table.
  const ordered = [...caps].reverse();
  const labels = ordered.map((c) => clean(c.title));
  const series =
    roles.length > 0
      ? roles.map((role) => ({ name: clean(role), labels, values: ordered.map((c) => round1(report.byRole[role]?.[c.id] ?? 0)) }))
      : [{ name: t.allRoles, labels, values: ordered.map((c) => round1(c.score)) }];
  slide.addChart(deck.pptx.ChartType.bar, series, {
    ...chartText(deck),
    x: SLIDE.margin,
    y: SLIDE.bodyTop,
    w: SLIDE.width - 2 * SLIDE.margin,
    h: SLIDE.bodyBottom - SLIDE.bodyTop,
    barDir: 'bar',
    barGrouping: 'clustered',
    chartColors: SERIES_COLORS.slice(0, Math.max(1, series.length)),
    valAxisMinVal: 0,
    valAxisMaxVal: 100,
    valAxisMajorUnit: 20,
    valAxisLabelFontSize: FONT.small,
    catAxisLabelFontSize: 16,
    altText: `${t.byRole}: ${series.map((s) => s.name).join(', ')}`,
  });
}

function capabilityTableSlides(deck: Deck): void {
  const { report, t } = deck;
  const withSpread = hasSeveralRespondents(report);
  const head = [t.capability, t.score, t.level, ...(withSpread ? [t.spread] : [])];
  const colW = withSpread ? [6.53, 1.6, 2.4, 1.8] : [8.33, 1.6, 2.4];
  const headerCell = (text: string): pptxgenjs.default.TableCell => ({
    text: clean(text),
    options: { bold: true, color: COLOR.white, fill: { color: COLOR.brand } },
  });
  const chunks = chunkRows(report.capabilities, TABLE_ROWS_PER_SLIDE);
  chunks.forEach((caps, page) => {
    const slide = contentSlide(deck, pageTitle(t.capabilityScores, page, chunks.length, t));
    const rows: pptxgenjs.default.TableRow[] = [
      head.map(headerCell),
      ...caps.map((c, i): pptxgenjs.default.TableRow => {
        const fill = { color: i % 2 === 0 ? COLOR.white : COLOR.light };
        const cell = (text: string, extra: pptxgenjs.default.TableCellProps = {}): pptxgenjs.default.TableCell => ({
          text: clean(text),
          options: { fill, ...extra },
        });
        return [
          cell(c.title),
          cell(formatScore(c.score), { align: 'right' }),
          cell(levelLabel(report, c.level)),
          ...(withSpread
            ? [
                cell(c.spread === null ? '' : `${c.disagreement ? '! ' : ''}${formatScore(c.spread)}`, {
                  align: 'right',
                  ...(c.disagreement ? { bold: true, color: COLOR.alert } : {}),
                }),
              ]
            : []),
        ];
      }),
    ];
    slide.addTable(rows, {
      ...deck.text,
      x: SLIDE.margin,
      y: SLIDE.bodyTop,
      colW,
      fontSize: FONT.body,
      color: COLOR.ink,
      valign: 'middle',
      border: { type: 'solid', pt: 0.75, color: 'C9D3DF' },
      autoPage: false,
    });
    if (withSpread && caps.some((c) => c.disagreement)) {
      slide.addText(`! ${clean(t.disagreementLegend(report.spreadThreshold))}`, {
        ...deck.text,
        x: SLIDE.margin,
        y: 6.45,
        w: SLIDE.width - 2 * SLIDE.margin,
        h: 0.45,
        fontSize: 16,
        color: COLOR.alert,
      });
    }
  });
}

/** The discussion agenda: each question with its spread, and who answered what. */
function discussionSlides(deck: Deck): void {
  const { report, t } = deck;
  const { shown } = agendaItems(report);
  const groups = shown.map((d) => ({
    heading: `${d.question} · ${d.text ?? capabilityTitle(report, d.capability)} (${t.spread} ${formatScore(d.spread)})`,
    items: d.answers.map((a) => `${agendaVoice(a)}: ${answerText(a)}`),
  }));
  if (groups.length > 0) textSlides(deck, t.discussion, groups);
}

/**
 * The roadmap, a slide (or more) per phase titled with its horizon. Phase 1 is the next steps:
 * its slides are titled so, and no other slide repeats its actions.
 */
function roadmapSlides(deck: Deck): void {
  const { report, t } = deck;
  const title = `${t.roadmap} · ${t.target}: ${levelLabel(report, report.target)}`;
  if (report.roadmap.length === 0) {
    if (scoredCapabilities(report).length === 0) return;
    const slide = contentSlide(deck, title);
    slide.addText(t.roadmapDone, { ...deck.text, x: SLIDE.margin, y: SLIDE.bodyTop, w: 12.3, h: 1, fontSize: FONT.heading });
    return;
  }
  for (const phase of report.roadmap) {
    const groups = phase.steps.map((s) => ({
      heading: `${capabilityTitle(report, s.capability)}: ${levelLabel(report, s.fromLevel)} → ${levelLabel(report, s.toLevel)}`,
      items: s.actions,
    }));
    const horizon = t.phase(phase.phase, phase.months);
    textSlides(deck, phase.phase === 1 ? `${t.nextSteps} · ${horizon}` : `${t.roadmap} · ${horizon}`, groups);
  }
}

/** Headings with bullets in two columns, continued on as many slides as they need. */
function textSlides(deck: Deck, title: string, groups: TextGroup[]): void {
  const columns = 2;
  const width = columnWidth(columns);
  const pages = paginateGroups(groups, columns);
  pages.forEach((page, index) => {
    const slide = contentSlide(deck, pageTitle(title, index, pages.length, deck.t));
    page.forEach((column, c) => {
      const runs: pptxgenjs.default.TextProps[] = column.flatMap((group, g) => [
        {
          text: clean(group.heading),
          options: { fontSize: FONT.heading, bold: true, color: COLOR.brand, breakLine: true, paraSpaceBefore: g > 0 ? 10 : 0 },
        },
        ...group.items.map((item) => ({ text: clean(item), options: { fontSize: FONT.body, bullet: { indent: 18 }, breakLine: true } })),
      ]);
      slide.addText(runs, {
        ...deck.text,
        x: SLIDE.margin + c * (width + COLUMN_GAP),
        y: SLIDE.bodyTop,
        w: width,
        h: SLIDE.bodyBottom - SLIDE.bodyTop,
        valign: 'top',
        color: COLOR.ink,
        paraSpaceAfter: PARAGRAPH_SPACE,
      });
    });
  });
}

function pageTitle(title: string, index: number, pages: number, t: OfficeLabels): string {
  return pages > 1 ? `${title} ${t.continued(index + 1, pages)}` : title;
}

/** Chart values at the precision every report shows (the full ones are in the JSON and the workbook). */
function round1(score: number | null): number {
  return score === null ? 0 : Math.round(score * 10) / 10;
}

const SLIDES: SlideBuilder[] = [titleSlide, summarySlide, radarSlide, rolesSlide, capabilityTableSlides, discussionSlides, roadmapSlides];
