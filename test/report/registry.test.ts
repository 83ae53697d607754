import { describe, expect, it } from 'vitest';
import { DIFF_FORMATS, isDiffFormat, isReportFormat, REPORT_FORMATS, reportFormatOfExtension } from '../../src/report/index.js';
import { runCli } from '../helpers/cli.js';

// One registry of formats: the --format choices of score and diff come from it, as do --report's extensions.
describe('the format registry', () => {
  it('lists the formats of a report and of a diff (SPEC §2: diff has no csv)', () => {
    expect(REPORT_FORMATS).toEqual(['text', 'json', 'markdown', 'html', 'csv']);
    expect(DIFF_FORMATS).toEqual(['text', 'json', 'markdown', 'html']);
  });

  it.each([
    ['csv', true, false],
    ['html', true, true],
    ['xml', false, false],
    ['constructor', false, false],
  ])('%s: a report format %s, a diff format %s', (format, report, diff) => {
    expect(isReportFormat(format)).toBe(report);
    expect(isDiffFormat(format)).toBe(diff);
  });

  it.each([
    ['.md', 'markdown'],
    ['.markdown', 'markdown'],
    ['.json', 'json'],
    ['.html', 'html'],
    ['.htm', 'html'],
    ['.csv', undefined],
    ['.toString', undefined],
  ])('--report FILE%s → %s', (extension, format) => {
    expect(reportFormatOfExtension(extension)).toBe(format);
  });

  it.each([
    ['score', 'text, json, markdown, html, csv'],
    ['diff', 'text, json, markdown, html'],
  ])('cxm %s --help offers exactly the registered formats', (command, choices) => {
    expect(runCli([command, '--help']).stdout.replace(/\s+/g, ' ')).toContain(`(choices: "${choices.split(', ').join('", "')}"`);
  });
});
