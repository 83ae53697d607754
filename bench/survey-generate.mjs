// Writes the survey benchmark's inputs reproducibly (a seeded generator): exports of the bundled
// questionnaire as a survey tool writes them — a Timestamp column, the question texts as headers,
// answers as labels (English or Japanese) or values, some empty, some n/a.
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import { once } from 'node:events';
import { parse } from 'yaml';
import { ROLES, random } from './generate.mjs';

/**
 * @typedef {{ label: { en: string, ja: string }, value: number | string }} Option
 * @typedef {{ text: { en: string }, scale: string, allowNA?: boolean }} Question
 * @typedef {{ capabilities: { questions: Question[] }[], scales: Record<string, { options: Option[] }> }} Questionnaire
 * @typedef {{ headers: string[], questions: { allowNA: boolean, options: Option[] }[] }} SurveyShape
 */

/**
 * @param {string} questionnairePath
 * @returns {Promise<SurveyShape>}
 */
export async function surveyShape(questionnairePath) {
  /** @type {Questionnaire} */
  const q = parse(await readFile(questionnairePath, 'utf8'));
  const questions = q.capabilities.flatMap((c) => c.questions);
  return {
    headers: ['Timestamp', 'Name', 'Role', ...questions.map((question) => question.text.en)],
    questions: questions.map((question) => {
      const scale = q.scales[question.scale];
      if (scale === undefined) throw new Error(`${questionnairePath}: unknown scale ${question.scale}`);
      return { allowNA: question.allowNA !== false, options: scale.options };
    }),
  };
}

/**
 * The cells of row `index` (0-based among respondents).
 * @param {SurveyShape} shape
 * @param {number} index
 * @param {() => number} rand
 * @returns {string[]}
 */
export function surveyRow(shape, index, rand) {
  /** @type {string[]} */
  const cells = [
    `2026/11/25 ${9 + (index % 8)}:${String(index % 60).padStart(2, '0')}:00`,
    `Respondent ${index}`,
    /** @type {string} */ (ROLES[index % ROLES.length]),
  ];
  for (const { allowNA, options } of shape.questions) {
    const r = rand();
    const option = options[Math.floor(rand() * options.length)];
    if (r < 0.05) cells.push('');
    else if (r < 0.08 && allowNA) cells.push('n/a');
    else if (option === undefined) throw new Error('a scale of the questionnaire has no options');
    else if (r < 0.5) cells.push(option.label.en);
    else if (r < 0.7) cells.push(option.label.ja);
    else cells.push(String(option.value));
  }
  return cells;
}

/** @param {string} text */
const csvCell = (text) => (/[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/**
 * Writes `path` with `rows` respondents unless it exists already (the inputs are deterministic).
 * @param {string} path
 * @param {number} rows
 * @param {SurveyShape} shape
 */
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

/**
 * The same as an xlsx workbook, written with exceljs's streaming writer.
 * @param {string} path
 * @param {number} rows
 * @param {SurveyShape} shape
 */
export async function ensureSurveyXlsx(path, rows, shape) {
  if (existsSync(path) && statSync(path).size > 0) return;
  // exceljs is CommonJS: under Node ESM its exports arrive only as `default`, which its types omit.
  const { default: ExcelJS } = /** @type {{ default: typeof import('exceljs') }} */ (/** @type {unknown} */ (await import('exceljs')));
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
