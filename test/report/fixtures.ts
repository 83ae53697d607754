import { readFileSync } from 'node:fs';
import { reportSchema, type Report } from '../../src/model/report.js';
import type { RenderOptions } from '../../src/report/render-options.js';
import { fixture } from '../helpers/cli.js';

export const REPORT_FIXTURES = [
  'report-single-respondent',
  'report-three-respondents-two-roles',
  'report-not-assessed',
  'report-japanese',
  'report-injection',
  'report-workshop-three-departments',
] as const;

export type ReportFixture = (typeof REPORT_FIXTURES)[number];

/** A hand-built report, checked against the JSON report schema so fixtures cannot drift from the contract. */
export function loadReport(name: ReportFixture): Report {
  return reportSchema.parse(JSON.parse(readFileSync(fixture(name, 'report.json'), 'utf8')));
}

export function renderOptions(overrides: Partial<RenderOptions> = {}): RenderOptions {
  return { color: false, width: 80, lang: 'en', detail: false, ...overrides };
}

/** Hostile strings of the injection fixture that must never come out raw in HTML or Markdown. */
export const HOSTILE = ['<script', '<img', '<b>', '</textarea', '<!--'];
