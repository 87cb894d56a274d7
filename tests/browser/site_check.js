// Drives Debian's chromium (never a downloaded browser) over a built site served on
// loopback, and prints one JSON report: the site search's top 3 per query, bytes fetched,
// time to results, axe-core's WCAG 2.1 AA violations per page, the keyboard walk, console
// errors, requests that left loopback, and whether planted script ran.
//   node site_check.js CONFIG.json   (see tests/e2e/test_site_browser.py for the fields)
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const cfg = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const AXE = require.resolve('axe-core/axe.min.js');

async function main() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-chromium-'));
  // A fresh profile (the --user-data-dir), Debian's chromium, nothing downloaded.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: cfg.chromium || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const browser = context;
  const report = { queries: [], axe: {}, console: [], outside: [], pwned: false, keyboard: {}, facet: {}, file: '' };
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === 'file:' || u.hostname === '127.0.0.1' || u.protocol === 'data:') return route.continue();
    report.outside.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') report.console.push(`${page.url()}: ${m.text()}`); });
  page.on('pageerror', (e) => report.console.push(`${page.url()}: ${e.message}`));

  async function searchPage(base, q) {
    await page.goto(`${base}search/index.html?q=${encodeURIComponent(q)}`);
    await page.waitForFunction(() => window.pmSearchDone !== undefined);
    await page.evaluate(() => window.pmSearchDone);
    return page.evaluate(() => ({
      ids: Array.from(document.querySelectorAll('#results [data-id]')).map((e) => e.getAttribute('data-id')),
      none: !!document.querySelector('#results .none'),
      status: document.getElementById('search-status').textContent,
      bytes: window.pmSearchStats.bytes,
      files: window.pmSearchStats.files,
      list: window.pmSearchStats.list,
      ms: window.pmSearchStats.ms,
    }));
  }

  for (const q of cfg.queries) {
    const r = await searchPage(q.base, q.q);
    // The same query again on the same page: every chunk is in memory, so this is the
    // time of the analysis, ranking and rendering alone.
    r.msWarm = await page.evaluate(async (x) => { await window.pmSearchRun(x, []); return window.pmSearchStats.ms; }, q.q);
    report.queries.push({ q: q.q, base: q.base, ...r });
  }
  // A facet link narrows the results.
  if (cfg.facet) {
    const before = await searchPage(cfg.facet.base, cfg.facet.q);
    const link = page.locator('#search-facets a').first();
    const label = await link.textContent();
    await link.click();
    await page.waitForFunction(() => window.pmSearchDone !== undefined);
    await page.evaluate(() => window.pmSearchDone);
    const after = await page.evaluate(() => ({
      ids: Array.from(document.querySelectorAll('#results [data-id]')).map((e) => e.getAttribute('data-id')),
      status: document.getElementById('search-status').textContent,
      url: location.search,
    }));
    report.facet = { before: before.status, label, after: after.status, url: after.url, ids: after.ids };
  }
  // axe-core, WCAG 2.1 A and AA, on every page type.
  for (const [name, url] of Object.entries(cfg.pages || {})) {
    await page.goto(url);
    if (url.includes('search/index.html')) await page.evaluate(() => window.pmSearchDone);
    await page.addScriptTag({ path: AXE });
    const res = await page.evaluate(() => window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }));
    report.axe[name] = res.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length,
      target: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  }
  // Keyboard only: Tab from the top reaches the skip link first, then the search field;
  // typing and Enter shows results; Tab reaches a facet and Enter narrows; focus is visible.
  if (cfg.keyboard) {
    const k = report.keyboard;
    await page.goto(cfg.keyboard.home);
    await page.keyboard.press('Tab');
    k.first = await page.evaluate(() => document.activeElement.className + '|' + document.activeElement.getAttribute('href'));
    k.firstOutline = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement);
      return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    });
    let found = false;
    for (let i = 0; i < 60 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement && document.activeElement.id === 'q');
    }
    k.reachedSearch = found;
    if (found) {
      k.searchOutline = await page.evaluate(() => {
        const s = getComputedStyle(document.activeElement);
        return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
      });
      await page.keyboard.type(cfg.keyboard.q);
      await page.keyboard.press('Enter');
      await page.waitForURL(/search\/index\.html/);
      await page.waitForFunction(() => window.pmSearchDone !== undefined);
      await page.evaluate(() => window.pmSearchDone);
      k.results = await page.evaluate(() => document.querySelectorAll('#results [data-id]').length);
      let onFacet = false;
      for (let i = 0; i < 80 && !onFacet; i++) {
        await page.keyboard.press('Tab');
        onFacet = await page.evaluate(() => !!document.activeElement.closest && !!document.activeElement.closest('#search-facets'));
      }
      k.reachedFacet = onFacet;
      if (onFacet) {
        await page.keyboard.press('Enter');
        await page.waitForURL(/[?&](kind|theme|county)=/);
        await page.waitForFunction(() => window.pmSearchDone !== undefined);
        await page.evaluate(() => window.pmSearchDone);
        k.afterFacet = await page.evaluate(() => document.querySelectorAll('#results [data-id]').length);
      }
    }
  }
  // Planted markup: search for it and open its page; nothing may run.
  if (cfg.planted) {
    const r = await searchPage(cfg.planted.base, cfg.planted.q);
    report.plantedFound = r.ids;
    await page.goto(cfg.planted.page);
    report.pwned = await page.evaluate(() => window.__pmPwned === true);
    await searchPage(cfg.planted.base, cfg.planted.q);
    report.pwned = report.pwned || (await page.evaluate(() => window.__pmPwned === true));
  }
  // From file:// the page says search needs a web server.
  if (cfg.fileUrl) {
    await page.goto(cfg.fileUrl);
    report.file = await page.evaluate(() => document.getElementById('search-status').textContent);
  }
  await browser.close();
  fs.rmSync(profile, { recursive: true, force: true });
  process.stdout.write(JSON.stringify(report));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
