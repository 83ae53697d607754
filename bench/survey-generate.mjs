// Writes the survey benchmark's inputs reproducibly (a seeded generator): exports of the bundled
// questionnaire as a survey tool writes them — a Timestamp column, the question texts as headers,
// answers as labels (English or Japanese) or values, some empty, some n/a.
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import { once } from 'node:events';
import { parse } from 'yaml';

const ROLES = ['marketing', 'sales', 'it', 'support', 'product', 'finance'];

function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function surveyShape(questionnairePath) {
  const q = parse(await readFile(questionnairePath, 'utf8'));
  const questions = q.capabilities.flatMap((c) => c.questions);
  return {
    headers: ['Timestamp', 'Name', 'Role', ...questions.map((question) => question.text.en)],
    questions: questions.map((question) => ({ allowNA: question.allowNA !== false, options: q.scales[question.scale].options })),
  };
}

/** The cells of row `index` (0-based among respondents). */
export function surveyRow(shape, index, rand) {
  const cells = [
    `2026/11/25 ${9 + (index % 8)}:${String(index % 60).padStart(2, '0')}:00`,
    `Respondent ${index}`,
    ROLES[index % ROLES.length],
  ];
  for (const { allowNA, options } of shape.questions) {
    const r = rand();
    const option = options[Math.floor(rand() * options.length)];
    if (r < 0.05) cells.push('');
    else if (r < 0.08 && allowNA) cells.push('n/a');
    else if (r < 0.5) cells.push(option.label.en);
    else if (r < 0.7) cells.push(option.label.ja);
    else cells.push(String(option.value));
  }
  return cells;
}

const csvCell = (text) => (/[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** Writes `path` with `rows` respondents unless it exists already (the inputs are deterministic). */
export async function ensureSurveyCsv(path, rows, shape) {
  if (existsSync(path) && statSync(path).size > 0) return;
  const temp = `${path}.tmp`;
  const out = createWriteStream(temp);
  const rand = random(rows);
  out.write(`\uFEFF${shape.headers.map(csvCell).join(',')}\r\n`);
  for (let i = 0; i < rows; i++) {
    if (!out.write(`${surveyRow(shape, i, rand).map(csvCell).join(',')}\r\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  await rename(temp, path);
}

/** The same as an xlsx workbook, written with exceljs's streaming writer. */
export async function ensureSurveyXlsx(path, rows, shape) {
  if (existsSync(path) && statSync(path).size > 0) return;
  const { default: ExcelJS } = await import('exceljs');
  const temp = `${path}.tmp.xlsx`;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useSharedStrings: true });
  const sheet = workbook.addWorksheet('Form1');
  sheet.addRow(shape.headers).commit();
  const rand = random(rows);
  for (let i = 0; i < rows; i++) {
    const cells = surveyRow(shape, i, rand).map((cell) => (/^\d+$/.test(cell) ? Number(cell) : cell));
    sheet.addRow(cells).commit();
  }
  sheet.commit();
  await workbook.commit();
  await rename(temp, path);
}
