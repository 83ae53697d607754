import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { renderHtml } from '../../src/report/html.js';
import { loadReport, renderOptions } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
// Skipped only on a workstation without Chromium: in CI the browser must be there and the test must run.
const skip = !existsSync(CHROMIUM) && process.env.CI !== 'true';

const run = promisify(execFile);
const dir = skip ? '' : mkdtempSync(join(tmpdir(), 'cxm-chromium-'));
afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

interface Opened {
  dom: string;
  /** URLs the page itself asked for (the browser's own update and sign-in checks are not the page's). */
  pageRequests: string[];
  screenshot?: Buffer;
}

/** Opens a page in headless Chromium with a network log; returns the rendered DOM and what the page fetched. */
async function openInChromium(name: string, html: string, screenshot = false): Promise<Opened> {
  const file = join(dir, `${name}.html`);
  const netLog = join(dir, `${name}-net.json`);
  const png = join(dir, `${name}.png`);
  writeFileSync(file, html);
  const { stdout } = await run(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${join(dir, `${name}-profile`)}`,
      `--log-net-log=${netLog}`,
      '--hide-scrollbars',
      '--window-size=1200,1600',
      ...(screenshot ? [`--screenshot=${png}`] : []),
      '--dump-dom',
      pathToFileURL(file).href,
    ],
    { timeout: 90_000, maxBuffer: 64 * 1024 * 1024 },
  );
  return { dom: stdout, pageRequests: pageRequests(netLog), ...(screenshot ? { screenshot: readFileSync(png) } : {}) };
}

/**
 * Requests started on behalf of a document: their initiator is an origin (`null` for file://),
 * whereas Chromium's own background traffic reports "not an origin". file:// loads never reach the
 * network stack, so a self-contained page leaves no entry at all.
 */
const netLogSchema = z.object({
  constants: z.object({ logEventTypes: z.record(z.string(), z.number()) }),
  events: z.array(
    z.object({ type: z.number(), params: z.object({ url: z.string().optional(), initiator: z.string().optional() }).optional() }),
  ),
});

function pageRequests(netLogPath: string): string[] {
  const log = netLogSchema.parse(JSON.parse(readFileSync(netLogPath, 'utf8')));
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  expect(startJob).toBeTypeOf('number');
  return log.events.flatMap((e) =>
    e.type === startJob && e.params?.url !== undefined && e.params.initiator !== 'not an origin' ? [e.params.url] : [],
  );
}

describe.skipIf(skip)('HTML report in headless Chromium', () => {
  it('renders the charts with one radar point per scored capability and fetches nothing', async () => {
    const r = loadReport('report-workshop-three-departments');
    const {
      dom,
      pageRequests: fetched,
      screenshot,
    } = await openInChromium('workshop', renderHtml(r, renderOptions({ detail: true })), true);
    expect(dom).toContain('<svg class="chart radar"');
    expect(dom).toContain('<svg class="chart spread"');
    const points = [...dom.matchAll(/<circle class="radar-point" data-capability="([^"]+)"/g)].map((m) => m[1]);
    expect(points).toEqual(r.capabilities.filter((c) => c.score !== null).map((c) => c.id));
    expect(dom).not.toMatch(/<link|<script|<img|<iframe|url\(|@import/i);
    expect(fetched).toEqual([]);
    // A real picture: PNG signature and the requested 1200 × 1600 window.
    expect(screenshot?.subarray(1, 4).toString()).toBe('PNG');
    expect([screenshot?.readUInt32BE(16), screenshot?.readUInt32BE(20)]).toEqual([1200, 1600]);
  });

  it('parses hostile texts as text: no script element, no foreign element, nothing fetched', async () => {
    const r = loadReport('report-injection');
    const { dom, pageRequests: fetched } = await openInChromium('injection', renderHtml(r, renderOptions({ detail: true })));
    expect(dom).not.toMatch(/<script|<img|<textarea|<b>/i);
    expect(dom).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(dom.match(/<circle class="radar-point"/g)).toHaveLength(3);
    expect(fetched).toEqual([]);
  });

  it('would notice a page that fetches something (the check above is not vacuous)', async () => {
    const leaky =
      '<!doctype html><html><head><link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head><body><img src="http://127.0.0.1:9/x.png"></body></html>';
    const { pageRequests: fetched } = await openInChromium('canary', leaky);
    expect(fetched.sort()).toEqual(['http://127.0.0.1:9/x.css', 'http://127.0.0.1:9/x.png']);
  });
});
