// Opens a built kplan site in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core), runs
// axe-core on every page at 360 px and 1280 px, takes screenshots, tries the term tooltips, search and the site
// without JavaScript, and prints what it saw as one JSON object. It judges nothing: tests/test_site_browser.py
// asserts on the JSON.
//
//   node tests/browser/check_site.mjs --site build/html --shots test-artifacts/site [--hostile QUERY]
//
// --hostile QUERY: only open the pages and search for QUERY, recording dialogs, scripts and images (for a site
// built from sources with hostile text).

import { createServer } from 'node:http';
import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const WIDTHS = [360, 1280];
const TIP_HIDE_WAIT = 600; // ms: longer than site.js's HIDE_DELAY

function options(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 2) out[argv[i].replace(/^--/, '')] = argv[i + 1];
  return out;
}

const args = options(process.argv.slice(2));
const site = resolve(args.site);
const shots = args.shots ? resolve(args.shots) : null;
const siteUrl = (name) => pathToFileURL(join(site, name)).href;
const pages = readdirSync(site).filter((name) => name.endsWith('.html')).sort();

const report = { browser: '', pages: [], requests: [], dialogs: [], pageErrors: [] };

function watch(page) {
  page.on('request', (request) => report.requests.push(request.url()));
  page.on('dialog', async (dialog) => { report.dialogs.push(dialog.message()); await dialog.dismiss(); });
  page.on('pageerror', (error) => report.pageErrors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') report.pageErrors.push(`${page.url()}: console: ${message.text()}`);
  });
}

async function newPage(browser, contextOptions) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  watch(page);
  return { context, page };
}

async function axe(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async (tags) => {
    const run = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return run.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  }, AXE_TAGS);
  return result;
}

/* Facts about the tooltip of the page's term link number `index` (its visibility, place, text). */
async function tipState(page, index = 0) {
  return page.evaluate((i) => {
    const link = document.querySelectorAll('a.term')[i];
    const tip = document.getElementById(link.getAttribute('aria-describedby'));
    const box = tip.getBoundingClientRect();
    return {
      describedBy: link.getAttribute('aria-describedby'), tipId: tip.id, role: tip.getAttribute('role'),
      visible: !tip.hidden && getComputedStyle(tip).display !== 'none' && box.width > 0 && box.height > 0,
      text: tip.textContent, left: box.left, right: box.right, top: box.top, bottom: box.bottom,
      viewportWidth: document.documentElement.clientWidth, focused: document.activeElement === link,
    };
  }, index);
}

/* The accessible name and description the browser gives the first term link (what a screen reader reads). */
async function accessibleDescription(context, page, selector) {
  const client = await context.newCDPSession(page);
  const { root } = await client.send('DOM.getDocument');
  const { nodeId } = await client.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { nodes } = await client.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  const node = nodes[0];
  return { role: node.role?.value, name: node.name?.value, description: node.description?.value ?? '' };
}

/* Every page at each width, over http (axe reads the stylesheets, which file:// forbids it): axe, size, picture. */
async function checkPages(browser, base) {
  for (const width of WIDTHS) {
    const { context, page } = await newPage(browser, { viewport: { width, height: 900 } });
    for (const name of pages) {
      const url = base + name + (name === 'search.html' ? '?q=' + encodeURIComponent('マイナンバーカード') : '');
      await page.goto(url, { waitUntil: 'load' });
      const size = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
        title: document.title, lang: document.documentElement.lang,
      }));
      const entry = { page: name, width, ...size, violations: await axe(page) };
      if (shots) {
        entry.screenshot = join(shots, `${name.replace(/\.html$/, '')}-${width}.png`);
        await page.screenshot({ path: entry.screenshot, fullPage: true });
      }
      report.pages.push(entry);
    }
    await context.close();
  }
}

/* Every page from file://: the stylesheet and the scripts load there too. */
async function checkFiles(browser) {
  const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  const out = [];
  for (const name of pages) {
    await page.goto(siteUrl(name), { waitUntil: 'load' });
    out.push(await page.evaluate((name) => {
      const link = document.querySelector('a.term');
      link?.focus();
      return {
        page: name, styled: getComputedStyle(document.querySelector('.site-header')).borderBottomStyle === 'solid',
        terms: document.querySelectorAll('a.term').length,
        tipShownOnFocus: link ? !document.getElementById(link.getAttribute('aria-describedby')).hidden : null,
      };
    }, name));
  }
  await context.close();
  return out;
}

async function checkTooltips(browser, base) {
  const out = {};
  // keyboard: Tab to the first term link of chapter 1
  const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(base + 'chapter-1.html');
  let tabs = 0;
  while (tabs < 300 && !(await page.evaluate(() => document.activeElement?.matches('a.term')))) {
    await page.keyboard.press('Tab');
    tabs += 1;
  }
  const selector = 'a.term';
  out.keyboard = { tabs, onFocus: await tipState(page) };
  out.keyboard.axeWhileOpen = await axe(page);
  if (shots) await page.screenshot({ path: join(shots, 'tooltip-focus-1280.png') });
  await page.keyboard.press('Escape');
  out.keyboard.afterEscape = await tipState(page);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  out.keyboard.refocused = await tipState(page);
  out.accessible = await accessibleDescription(context, page, selector);
  out.glossaryHref = await page.getAttribute(selector, 'href');

  // mouse: hover shows, the pointer may move onto the tooltip, leaving both hides it
  await page.keyboard.press('Tab'); // move focus away from the first term
  await page.evaluate(() => document.activeElement.blur());
  await page.mouse.move(0, 0);
  await page.waitForTimeout(TIP_HIDE_WAIT);
  const second = 'a.term >> nth=1';
  await page.locator(second).scrollIntoViewIfNeeded();
  await page.locator(second).hover();
  out.hover = { onHover: await tipState(page, 1) };
  const tipBox = await page.locator(`#${out.hover.onHover.tipId}`).boundingBox();
  await page.mouse.move(tipBox.x + tipBox.width / 2, tipBox.y + tipBox.height / 2, { steps: 5 });
  await page.waitForTimeout(TIP_HIDE_WAIT);
  out.hover.onTip = await tipState(page, 1);
  await page.mouse.move(5, 5, { steps: 5 });
  await page.waitForTimeout(TIP_HIDE_WAIT);
  out.hover.afterLeaving = await tipState(page, 1);
  await page.locator(second).hover();
  await page.keyboard.press('Escape');
  out.hover.afterEscape = await tipState(page, 1);
  await context.close();

  // touch: a phone; the first tap shows the definition, the second follows the link
  const phone = await newPage(browser, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  await phone.page.goto(base + 'chapter-6.html');
  const target = phone.page.locator('a.term').first();
  await target.scrollIntoViewIfNeeded();
  await target.tap();
  await phone.page.waitForTimeout(200);
  out.tap = { url: phone.page.url(), onTap: await tipState(phone.page) };
  if (shots) await phone.page.screenshot({ path: join(shots, 'tooltip-tap-360.png') });
  await phone.page.locator('h1').tap();
  await phone.page.waitForTimeout(200);
  out.tap.afterTapElsewhere = await tipState(phone.page);
  await target.tap();
  await target.tap();
  await phone.page.waitForURL(/glossary\.html#term-/, { timeout: 5000 }).catch(() => {});
  out.tap.urlAfterSecondTap = phone.page.url();
  out.tap.href = await phone.page.evaluate(() => location.hash);
  await phone.context.close();

  // without JavaScript: the term is a link to its glossary entry, and still described
  const plain = await newPage(browser, { viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
  await plain.page.goto(base + 'chapter-1.html');
  out.noScript = { accessible: await accessibleDescription(plain.context, plain.page, 'a.term') };
  await plain.page.locator('a.term').first().click();
  await plain.page.waitForURL(/glossary\.html#term-/, { timeout: 5000 }).catch(() => {});
  out.noScript.urlAfterClick = plain.page.url();
  out.noScript.targetVisible = await plain.page.evaluate(() => {
    const target = document.getElementById(location.hash.slice(1));
    if (!target) return false;
    const box = target.getBoundingClientRect();
    return box.top >= 0 && box.top < window.innerHeight;
  });
  await plain.context.close();
  return out;
}

async function searchFor(page, base, query) {
  await page.goto(`${base}search.html?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
  return page.evaluate(() => ({
    status: document.getElementById('search-status').textContent,
    value: document.getElementById('search-q').value,
    stats: window.KPLAN_SEARCH_STATS ?? null,
    results: Array.from(document.querySelectorAll('#search-results > li')).map((li) => ({
      href: li.querySelector('a').getAttribute('href'),
      label: li.querySelector('a').textContent,
      snippet: li.querySelector('.search-snippet').textContent,
      marks: Array.from(li.querySelectorAll('mark')).map((m) => m.textContent),
    })),
  }));
}

const QUERIES = ['マイナンバーカード', '情報セキュリティ', '申請', 'まいなんばー', 'ＩＣＴ', 'オープンデータ 推進',
  'チャットボット', '存在しない言葉ですよ'];

async function checkSearch(browser, base) {
  const { context, page } = await newPage(browser, { viewport: { width: 360, height: 740 } });
  const out = { queries: {} };
  for (const query of QUERIES) out.queries[query] = await searchFor(page, base, query);
  // the header's search box on another page leads to the results
  await page.goto(`${base}chapter-1.html`);
  await page.fill('#site-search-q', '情報セキュリティ');
  await page.press('#site-search-q', 'Enter');
  await page.waitForURL(/search\.html\?q=/);
  await page.waitForSelector('#search-results > li');
  out.fromHeader = { url: page.url(), results: await page.locator('#search-results > li').count() };
  // a result's link lands on its place
  const first = page.locator('#search-results a').first();
  const href = await first.getAttribute('href');
  await first.click();
  await page.waitForLoadState('load');
  out.followed = { href, url: page.url(), targetExists: await page.evaluate(() => !location.hash
    || Boolean(document.getElementById(decodeURIComponent(location.hash.slice(1))))) };
  await context.close();
  return out;
}

/* A static file server on 127.0.0.1 for the site: any web server must do. */
function serve(root) {
  const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
    '.txt': 'text/plain; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml' };
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const file = join(root, path.endsWith('/') ? path + 'index.html' : path);
    if (!file.startsWith(root + sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

async function checkHostile(browser, query) {
  const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  const out = { pages: [] };
  for (const name of pages) {
    await page.goto(siteUrl(name), { waitUntil: 'load' });
    await page.waitForTimeout(100);
    out.pages.push(await page.evaluate((name) => ({
      page: name,
      scripts: Array.from(document.scripts).map((s) => s.getAttribute('src')),
      images: document.images.length,
      handlers: Array.from(document.querySelectorAll('*')).flatMap((el) =>
        Array.from(el.attributes).filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
      javascriptLinks: Array.from(document.querySelectorAll('[href]'))
        .filter((a) => /^\s*javascript:/i.test(a.getAttribute('href'))).length,
    }), name));
  }
  out.search = await searchFor(page, pathToFileURL(site + sep).href, query);
  out.searchImages = await page.evaluate(() => document.images.length);
  await context.close();
  return out;
}

async function main() {
  if (shots) mkdirSync(shots, { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  report.browser = browser.version();
  try {
    if (args.hostile) {
      report.hostile = await checkHostile(browser, args.hostile);
    } else {
      const server = await serve(site);
      report.httpBase = `http://127.0.0.1:${server.address().port}/`;
      try {
        await checkPages(browser, report.httpBase);
        report.httpSearch = await checkSearch(browser, report.httpBase);
        report.tooltips = await checkTooltips(browser, report.httpBase);
      } finally {
        server.close();
      }
      report.files = await checkFiles(browser);
      report.search = await checkSearch(browser, pathToFileURL(site + sep).href);
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(report, null, 1) + '\n');
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
