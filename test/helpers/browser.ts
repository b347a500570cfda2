import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { type BrowserContext, type ConsoleMessage, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { buildApp } from '../../src/app';
import type { Config } from '../../src/config';
import type { Organization } from '../../src/db-schema';
import type { DatabaseHandle, Db } from '../../src/platform/db/connect';
import { sessionCookieName } from '../../src/platform/http/platform-plugin';
import { createSession } from '../../src/platform/http/sessions';
import type { ModuleRegistry } from '../../src/platform/module';
import { testConfig } from './app';
import { createTestDatabase } from './database';
import { createOrganization } from './factories';

/** Debian's Chromium; a downloaded Playwright browser does not run on this machine. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** The host names the test city answers to; the browser uses the first. */
export const TEST_HOSTS = ['localhost', '127.0.0.1'];

// ---------------------------------------------------------------------------------------------------------
// The app, listening on a real port.

export interface TestServer {
  /** e.g. http://localhost:41234 — no trailing slash. */
  baseUrl: string;
  port: number;
  app: FastifyInstance;
  db: Db;
  config: Config;
  org: Organization;
  /** Full URL for a path on this server. */
  url(pathname: string): string;
  /** A session cookie for the browser, without going through the sign-in forms. */
  sessionCookie(userId: number, level: 'resident' | 'staff'): Promise<{ name: string; value: string; url: string }>;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Defaults to createTestDatabase() (needs the vitest global setup); scripts pass their own. */
  openDatabase?: () => Promise<DatabaseHandle>;
  env?: Record<string, string>;
  /** The developer mailbox at /dev/postfach, which only the `demo` command has: tests that read mail there ask for it. */
  devMailbox?: boolean;
  /** The modules to serve (default: all); tests that need a kind of item of their own add a test module. */
  modules?: ModuleRegistry;
}

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const handle = await (options.openDatabase ?? createTestDatabase)();
  let app: FastifyInstance | null = null;
  try {
    const org = await createOrganization(handle.db, { hosts: TEST_HOSTS, name: 'Teststadt' });
    const config = { ...testConfig({ PUBLIC_URL: 'http://localhost', ...(options.env ?? {}) }), devMailbox: options.devMailbox ?? false };
    app = await buildApp({ config, db: handle.db, ...(options.modules ? { modules: options.modules } : {}) });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('The test server has no TCP address');
    const port = address.port;
    // The port is known only now. Config holds one URL object that the modules share (mail links are built
    // from it on each request), so setting its port here makes links in mails point at this server.
    config.publicUrl.port = String(port);
    const baseUrl = `http://localhost:${port}`;
    const running = app;
    return {
      baseUrl,
      port,
      app: running,
      db: handle.db,
      config,
      org,
      url: (pathname) => new URL(pathname, baseUrl).href,
      async sessionCookie(userId, level) {
        const value = await createSession(handle.db, { organizationId: org.id, userId, level, idleMinutes: 30, absoluteHours: 1 });
        return { name: sessionCookieName(config.publicUrl.protocol === 'https:'), value, url: baseUrl };
      },
      async close() {
        await running.close();
        await handle.close();
      },
    };
  } catch (err) {
    await app?.close().catch(() => {});
    await handle.close().catch(() => {});
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Chromium with guards: nothing third-party, no CSP violations, no console errors.

export interface BrowserOptions {
  javaScriptEnabled?: boolean;
  /** Accept-Language of the browser; German unless a test wants otherwise. */
  locale?: string;
}

export interface TestBrowser {
  context: BrowserContext;
  javaScriptEnabled: boolean;
  /** A new tab (closed by closePages() or close()). */
  newPage(): Promise<Page>;
  /** Everything the guards saw that is not allowed: third-party requests, CSP reports, console errors. */
  problems(): string[];
  /** The same, and forgets them. */
  takeProblems(): string[];
  /** Throws with the list of problems (and forgets them, so the next test starts clean). */
  assertClean(): void;
  closePages(): Promise<void>;
  close(): Promise<void>;
}

/** Contexts launched with JavaScript off: axe has to look at their pages from elsewhere. */
const noScriptContexts = new WeakSet<BrowserContext>();

function isOwnUrl(raw: string, port: number): boolean {
  if (raw.startsWith('data:') || raw.startsWith('blob:') || raw === 'about:blank') return true;
  try {
    const url = new URL(raw);
    return TEST_HOSTS.includes(url.hostname) && url.port === String(port) && url.protocol === 'http:';
  } catch {
    return false;
  }
}

function describeConsole(message: ConsoleMessage): string {
  const where = message.location().url;
  return `console ${message.type()}: ${message.text()}${where ? ` (${where})` : ''}`;
}

export async function launchBrowser(server: Pick<TestServer, 'port'>, options: BrowserOptions = {}): Promise<TestBrowser> {
  const javaScriptEnabled = options.javaScriptEnabled ?? true;
  const profile = await mkdtemp(path.join(os.tmpdir(), 'kuemmerer-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      javaScriptEnabled,
      locale: options.locale ?? 'de-DE',
      timezoneId: 'Europe/Berlin',
      viewport: { width: 1280, height: 800 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (err) {
    await rm(profile, { recursive: true, force: true });
    throw err;
  }

  if (!javaScriptEnabled) noScriptContexts.add(context);
  const problems: string[] = [];
  // Main documents that answered 4xx/5xx on purpose (404 page, form errors): Chromium logs
  // "Failed to load resource" for them, which is not a fault of the page.
  const errorDocuments = new Set<string>();

  context.on('request', (request) => {
    if (!isOwnUrl(request.url(), server.port)) problems.push(`third-party request: ${request.method()} ${request.url()}`);
  });
  context.on('response', (response) => {
    if (response.status() >= 400 && response.request().resourceType() === 'document') errorDocuments.add(response.url());
  });
  context.on('console', (message) => {
    const text = message.text();
    if (/Content[- ]Security[- ]Policy/i.test(text)) {
      problems.push(`CSP violation: ${describeConsole(message)}`);
      return;
    }
    if (message.type() !== 'error') return;
    if (text.startsWith('Failed to load resource') && errorDocuments.has(message.location().url)) return;
    problems.push(describeConsole(message));
  });
  context.on('weberror', (error) => problems.push(`uncaught error in page: ${error.error().message}`));

  // A persistent context opens with one blank tab; keep it out of the way.
  for (const page of context.pages()) await page.close();

  // If the process ends without close() (a crashed test worker), Playwright stops Chromium; remove its profile.
  const removeProfile = () => rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  process.once('exit', removeProfile);

  let closed = false;
  return {
    context,
    javaScriptEnabled,
    async newPage() {
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      page.setDefaultNavigationTimeout(15_000);
      return page;
    },
    problems: () => [...problems],
    takeProblems: () => problems.splice(0),
    assertClean() {
      if (problems.length === 0) return;
      const list = problems.splice(0).map((p) => `  - ${p}`);
      throw new Error(`The browser saw things a page must not do:\n${list.join('\n')}`);
    },
    async closePages() {
      for (const page of context.pages()) await page.close();
    },
    async close() {
      if (closed) return;
      closed = true;
      process.off('exit', removeProfile);
      try {
        await context.close();
      } finally {
        // Chromium may still be flushing its profile for a moment after close; retry instead of leaking it.
        await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// axe-core

export interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

export function formatViolations(url: string, violations: AxeViolation[]): string {
  const lines = [`axe found ${violations.length} accessibility violation(s) on ${url}:`];
  for (const v of violations) {
    lines.push(`  - ${v.id} (${v.impact ?? 'unknown impact'}): ${v.help}`);
    for (const node of v.nodes) {
      lines.push(`      at ${node.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' | ')}`);
      if (node.failureSummary) lines.push(`         ${node.failureSummary.replace(/\n/g, '\n         ')}`);
    }
    lines.push(`      ${v.helpUrl}`);
  }
  return lines.join('\n');
}

export interface AxeOptions {
  /**
   * Pages in a browser without JavaScript cannot run axe (Playwright cannot evaluate scripts there). Their DOM
   * (which, without scripts, is the HTML the server sent) is then checked in a tab of this JavaScript-enabled
   * browser, at the same address so styles load as they did.
   */
  renderIn?: TestBrowser;
}

/**
 * Runs axe (WCAG 2.0/2.1 A+AA, WCAG 2.2 AA) over the whole page; throws a readable list (rule, impact,
 * targets, help) when anything is found.
 */
export async function expectNoAxeViolations(page: Page, options: AxeOptions = {}): Promise<void> {
  if (noScriptContexts.has(page.context())) {
    const renderIn = options.renderIn;
    if (!renderIn?.javaScriptEnabled) {
      throw new Error('expectNoAxeViolations: this page has JavaScript disabled; pass { renderIn } with a JavaScript-enabled browser');
    }
    const url = page.url();
    const html = await page.content();
    const twin = await twinPage(renderIn);
    await twin.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    try {
      await twin.goto(url);
    } finally {
      await twin.unroute(url);
    }
    await runAxe(twin, `${url} (as shown without JavaScript)`);
    return;
  }
  await runAxe(page, page.url());
}

/** One reused tab per browser for checking pages of a browser without JavaScript (a fresh tab per check is slow). */
const twins = new WeakMap<TestBrowser, Page>();

async function twinPage(browser: TestBrowser): Promise<Page> {
  const existing = twins.get(browser);
  if (existing && !existing.isClosed()) return existing;
  const page = await browser.newPage();
  twins.set(browser, page);
  return page;
}

async function runAxe(page: Page, label: string): Promise<void> {
  // Our pages have no frames: axe's "legacy" mode then runs the same rules in one pass inside the page,
  // 2–4× faster than the frame-by-frame mode (which also opens a helper tab per run). With frames, use that.
  const framed = page.frames().length > 1;
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(!framed).analyze();
  if (results.violations.length > 0) throw new Error(formatViolations(label, results.violations as AxeViolation[]));
}

// ---------------------------------------------------------------------------------------------------------
// vitest wiring: one server and one browser per test file.

export interface BrowserSuite {
  readonly server: TestServer;
  /** Chromium with JavaScript (unless the options turned it off). */
  readonly browser: TestBrowser;
  /** A second Chromium with JavaScript disabled, when asked for with { alsoWithoutJavaScript: true }. */
  readonly noScriptBrowser: TestBrowser;
  /** A fresh tab in `browser`; the suite closes it after the test. */
  page(): Promise<Page>;
}

export interface SuiteOptions extends BrowserOptions, ServerOptions {
  alsoWithoutJavaScript?: boolean;
}

/**
 * Starts the app and Chromium before the file's tests and stops both afterwards. After each test the guards
 * are checked (a third-party request, CSP violation or console error fails the test), the test's tabs are
 * closed and cookies cleared, so each test starts signed out and in German.
 */
export function useBrowserSuite(options: SuiteOptions = {}): BrowserSuite {
  let server: TestServer | null = null;
  const browsers: TestBrowser[] = [];
  let main: TestBrowser | null = null;
  let noScript: TestBrowser | null = null;
  beforeAll(async () => {
    server = await startServer(options);
    main = await launchBrowser(server, options);
    browsers.push(main);
    if (options.alsoWithoutJavaScript) {
      noScript = await launchBrowser(server, { ...options, javaScriptEnabled: false });
      browsers.push(noScript);
    }
  });
  afterEach(async () => {
    const problems: string[] = [];
    for (const browser of browsers) {
      await browser.closePages();
      await browser.context.clearCookies();
      problems.push(...browser.takeProblems());
    }
    if (problems.length > 0) throw new Error(`The browser saw things a page must not do:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  });
  afterAll(async () => {
    try {
      for (const browser of browsers) await browser.close().catch((err) => console.error('closing Chromium failed', err));
    } finally {
      await server?.close();
    }
  });
  const need = <T>(value: T | null, what: string): T => {
    if (!value) throw new Error(`${what} is not running (did beforeAll fail, or was it not asked for?)`);
    return value;
  };
  return {
    get server() {
      return need(server, 'The test server');
    },
    get browser() {
      return need(main, 'The browser');
    },
    get noScriptBrowser() {
      return need(noScript, 'The browser without JavaScript');
    },
    page() {
      return need(main, 'The browser').newPage();
    },
  };
}

/** Signs `browser` in as a user without the forms (for tests about something else than signing in). */
export async function signInWithCookie(server: TestServer, browser: TestBrowser, userId: number, level: 'resident' | 'staff'): Promise<void> {
  await browser.context.addCookies([await server.sessionCookie(userId, level)]);
}

/**
 * WCAG 1.4.10 Reflow: at 320 CSS pixels the page itself must not scroll sideways (a wide table may scroll
 * inside its own box). Call after setting a narrow viewport.
 */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth, culprits } = await page.evaluate(() => {
    const width = window.innerWidth;
    // Elements beyond the edge, or whose content (a long word, say) spills out of them.
    const wide = [...document.querySelectorAll('body *')]
      .filter(
        (el) =>
          el.getBoundingClientRect().right > width + 1 ||
          (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && getComputedStyle(el).overflowX === 'visible'),
      )
      .slice(-5)
      .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`);
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, culprits: wide };
  });
  if (scrollWidth > innerWidth) {
    throw new Error(`${page.url()} scrolls sideways at ${innerWidth}px: ${scrollWidth}px wide (elements beyond the edge: ${culprits.join(', ')})`);
  }
}

/** What has keyboard focus: "#id", or "tag.class" / "tag" when it has no id. */
export async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return '';
    if (el.id) return `#${el.id}`;
    return el.tagName.toLowerCase() + (el.classList.length > 0 ? `.${[...el.classList].join('.')}` : '');
  });
}

/** The summary at the top and one message per field: what every form shows after a failed submit. */
export async function expectErrorSummary(page: Page, fieldNames: string[]): Promise<void> {
  const summary = page.locator('.k-error-summary');
  await summary.waitFor({ state: 'visible' });
  for (const name of fieldNames) {
    const id = `f-${name}`;
    const link = summary.locator(`a[href="#${id}"]`);
    if ((await link.count()) !== 1) throw new Error(`The error summary does not link to #${id}`);
    const message = page.locator(`#${id}-error`);
    if ((await message.count()) !== 1) throw new Error(`No error message next to the field #${id}`);
  }
}
