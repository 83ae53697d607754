/** The report's only stylesheet, inlined: system fonts (Japanese ones included), light, print-ready. */
export const HTML_STYLE = `
:root {
  --ink: #1f2937; --muted: #6b7280; --line: #e5e7eb; --soft: #f5f7fb; --accent: #1e3a8a;
  --accent-soft: #dbe4f7; --warn: #b45309; --warn-soft: #fef3c7; --bad: #b91c1c; --good: #047857;
  --target: #d97706;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; background: #fff; color: var(--ink); line-height: 1.5; font-size: 15px;
  font-family: system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Hiragino Kaku Gothic ProN",
    "Noto Sans CJK JP", "Noto Sans JP", "Yu Gothic", "YuGothic", Meiryo, Roboto, "Helvetica Neue", Arial, sans-serif;
}
.report { max-width: 1040px; margin: 0 auto; padding: 32px 40px 48px; }
.report-header { border-bottom: 3px solid var(--accent); padding-bottom: 20px; margin-bottom: 8px; }
.eyebrow { margin: 0; color: var(--muted); font-size: 13px; letter-spacing: .04em; text-transform: uppercase; }
h1 { margin: 4px 0 16px; font-size: 28px; line-height: 1.25; color: var(--accent); }
h2 { margin: 36px 0 12px; font-size: 19px; color: var(--accent); border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { margin: 0 0 8px; font-size: 15px; }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; margin: 0 0 14px; }
.fact { background: var(--soft); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.fact dt { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.fact dd { margin: 2px 0 0; font-size: 18px; font-weight: 600; }
.fact .big { font-size: 30px; font-weight: 700; color: var(--accent); margin-right: 8px; }
.respondents { margin: 0; color: var(--ink); }
.respondents .who { white-space: nowrap; }
.level { display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: 13px; font-weight: 600;
  color: #fff; background: var(--lvl, #6b7280); vertical-align: middle; }
.level.none { background: #d1d5db; color: var(--ink); }
figure { margin: 0; }
.chart-block { margin-top: 24px; }
.chart-block figcaption { font-weight: 600; color: var(--accent); margin-bottom: 4px; }
svg.chart { display: block; width: 100%; height: auto; font-family: inherit; }
svg.radar { max-width: 700px; margin: 0 auto; }
.radar-grid { fill: none; stroke: #d1d5db; stroke-width: 1; }
.radar-outer { stroke: #9ca3af; }
.radar-grid-label { font-size: 10px; fill: #9ca3af; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.radar-axis { stroke: #e5e7eb; stroke-width: 1; }
.radar-target { fill: rgba(217, 119, 6, .06); stroke: var(--target); stroke-width: 2; stroke-dasharray: 6 4; }
.radar-area { fill: rgba(30, 58, 138, .18); stroke: var(--accent); stroke-width: 2.5; stroke-linejoin: round; }
polyline.radar-area { fill: none; }
.radar-point { fill: var(--accent); stroke: #fff; stroke-width: 1.5; }
.radar-label { font-size: 12px; fill: var(--ink); }
.radar-label-score { font-weight: 700; fill: var(--accent); }
.legend { display: flex; flex-wrap: wrap; justify-content: center; gap: 6px 18px; margin: 6px 0 0; padding: 0;
  list-style: none; font-size: 13px; color: var(--muted); }
.legend .swatch { display: inline-block; width: 18px; height: 10px; border-radius: 3px; margin-right: 6px; vertical-align: middle; }
.swatch.score { background: rgba(30, 58, 138, .35); border: 2px solid var(--accent); }
.swatch.target { border: 2px dashed var(--target); }
.swatch.range { background: #c7d2fe; }
.swatch.range.disagreement { background: #fcd34d; }
.swatch.tick { width: 3px; background: var(--ink); }
.swatch.dot { width: 10px; border-radius: 50%; }
.spread-grid { stroke: #f0f1f3; }
.spread-tick { font-size: 11px; fill: var(--muted); }
.spread-target { stroke: var(--target); stroke-width: 1.5; stroke-dasharray: 5 4; }
.spread-label { font-size: 12px; fill: var(--ink); }
.spread-track { stroke: #e5e7eb; stroke-width: 2; }
.spread-range { fill: #c7d2fe; }
.spread-range.disagreement { fill: #fcd34d; }
.spread-score { stroke: var(--ink); stroke-width: 3; }
.spread-dot { stroke: #fff; stroke-width: 1.5; }
.spread-value { font-size: 12px; fill: var(--muted); }
.spread-value.disagreement { fill: var(--warn); font-weight: 700; }
table { width: 100%; border-collapse: collapse; font-size: 14px; break-inside: avoid; }
th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--soft); font-size: 12px; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.none { color: var(--muted); }
tr.disagreement td.spread { color: var(--warn); font-weight: 700; }
.bar { position: relative; width: 160px; height: 10px; background: #eef0f4; border-radius: 5px; margin-top: 6px; }
.bar > span { position: absolute; left: 0; top: 0; bottom: 0; border-radius: 5px; background: var(--lvl, var(--accent)); }
.bar > i { position: absolute; top: -3px; bottom: -3px; width: 2px; background: var(--target); }
.cols { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 8px 32px; }
ul.plain { margin: 0; padding-left: 20px; }
ul.plain li { margin: 3px 0; }
.steps { display: grid; gap: 12px; }
.step { border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 6px; padding: 10px 14px; break-inside: avoid; }
.step h3 { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; }
.step ul { margin: 4px 0 0; padding-left: 20px; }
.phases { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 14px; }
.phase { background: var(--soft); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; break-inside: avoid; }
.phase > h3 { color: var(--accent); font-size: 14px; text-transform: uppercase; letter-spacing: .04em; }
.phase .step { background: #fff; margin-top: 8px; }
.move { color: var(--muted); font-size: 13px; font-weight: 400; }
.pill { display: inline-block; padding: 1px 10px; border-radius: 999px; font-size: 12px; font-weight: 700; }
.pill.passed { background: #d1fae5; color: var(--good); }
.pill.failed { background: #fee2e2; color: var(--bad); }
.callout { background: var(--warn-soft); border: 1px solid #fcd34d; border-radius: 8px; padding: 10px 14px 10px 34px; margin: 0; }
.muted { color: var(--muted); }
.notes li { margin: 2px 0; }
.meta { display: flex; flex-wrap: wrap; gap: 4px 28px; margin: 0 0 14px; }
.meta .fact { background: none; border: 0; padding: 0; }
.meta .fact dd { font-size: 16px; }
.lead { font-size: 17px; font-weight: 600; margin: 0 0 10px; }
.summary h3 { margin: 14px 0 6px; color: var(--accent); }
.summary .first-steps { display: grid; gap: 8px; grid-template-columns: repeat(auto-fit, minmax(400px, 1fr)); }
.summary .first-steps .step h3 { color: var(--ink); margin: 0 0 4px; }
.details { display: grid; gap: 10px; }
.detail { border-bottom: 1px solid var(--line); padding: 4px 0 10px; break-inside: avoid; }
.detail h3 { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: center; }
.detail p, .detail ul { margin: 4px 0; }
ol.agenda { padding-left: 24px; margin: 0; }
ol.agenda > li { margin: 0 0 10px; break-inside: avoid; }
ul.answers { margin: 4px 0 0; padding-left: 18px; font-size: 14px; }
.note-group { margin: 0 0 12px; break-inside: avoid; }
.note-group h3 { font-weight: 600; }
footer { margin-top: 40px; padding-top: 10px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { font-size: 10pt; background: #fff; }
  .report { max-width: none; padding: 0; }
  h1 { font-size: 22pt; }
  h2 { break-after: avoid; margin-top: 0; }
  h3 { break-after: avoid; }
  /* The header and the executive summary make page 1; each main section then starts a page. */
  section.charts, section.details, section.discussion, section.roadmap, section.notes-evidence, section.questions { break-before: page; }
  /* Compact enough that the summary, first steps included, fits page 1 under the header. */
  .report-header { padding-bottom: 6px; }
  .report-header p { margin: 2px 0; font-size: 9pt; }
  .eyebrow { font-size: 8pt; }
  h1 { margin-bottom: 8px; }
  .facts { gap: 8px; margin-bottom: 8px; }
  .fact { padding: 4px 10px; }
  .fact .big { font-size: 20pt; }
  .summary { font-size: 8.5pt; line-height: 1.3; }
  .summary ul.plain li { margin: 1px 0; }
  .summary h2 { margin: 8px 0 6px; }
  .summary h3 { margin: 8px 0 4px; font-size: 10pt; }
  .summary .lead { font-size: 11pt; margin-bottom: 4px; }
  /* Columns balance the steps' heights, where grid rows would wait for the tallest. */
  .summary .first-steps { display: block; columns: 3; column-gap: 10px; font-size: 8pt; }
  .summary .first-steps small { font-size: 7pt; }
  .summary .step { padding: 2px 6px; margin: 0 0 5px; border-width: 0 0 0 3px; border-radius: 0; }
  .summary .step h3 { font-size: 9.5pt; margin: 0 0 2px; }
  .summary .step ul { margin: 0; padding-left: 16px; }
  .summary .level { font-size: 8pt; padding: 0 6px; }
  figure, table, .step, .phase, .detail, .note-group, ol.agenda > li { break-inside: avoid; }
  /* A long table may continue on the next page, but never mid-row, with its header repeated. */
  table.questions, table.by-role, table.capabilities { break-inside: auto; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  .phases { display: block; }
  .phase { margin-bottom: 10px; }
  svg.radar { max-width: 150mm; }
}
`;

/** Nothing external may load: no script, font, image or stylesheet from anywhere but the page. */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export interface HtmlPage {
  /** Already escaped. */
  lang: string;
  title: string;
  generator: string;
  extraStyle?: string;
  mainClass: string;
  body: string;
  footer: string;
}

/** The self-contained page around a report (score or diff): every part passed in is already escaped. */
export function renderHtmlPage(page: HtmlPage): string {
  return `<!doctype html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${page.generator}">
<title>${page.title}</title>
<style>${HTML_STYLE}${page.extraStyle ?? ''}</style>
</head>
<body>
<main class="${page.mainClass}">
${page.body}
<footer>${page.footer}</footer>
</main>
</body>
</html>
`;
}
