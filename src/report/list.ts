import Table from 'cli-table3';
import type { ListedQuestionnaire } from '../model/listing.js';
import { makeChalk } from './color.js';

export function renderList(listed: readonly ListedQuestionnaire[], useColor: boolean): string {
  const chalk = makeChalk(useColor);
  const table = new Table({
    head: ['id', 'version', 'title', 'languages', 'capabilities', 'questions'].map((h) => chalk.bold(h)),
    style: { head: [], border: [] },
  });
  for (const q of listed) {
    table.push([q.id, q.version, q.title, q.languages.join(', '), String(q.capabilities), String(q.questions)]);
  }
  return `${table.toString()}\n`;
}
