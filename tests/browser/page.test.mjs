// Browser test of the web page: starts the real server on an index of the sample corpus, drives
// Debian's Chromium through playwright-core, and checks what staff see: the Arabic interface right to
// left, Arabic results, facets, the record view with its three language versions, and shareable
// URLs that survive a reload. Screenshots go to the artifacts folder.
//
//   node page.test.mjs [--binary build/tawsiya] [--db DIR] [--artifacts DIR] [--query-ar TEXT]
//
// Without --db, an index is built from corpus/sample.jsonl with `tawsiya index` in a temporary
// folder. Exits 1 when a check fails; the last line reads "browser: N passed, M failed".
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const binary = resolve(option('binary', process.env.TAWSIYA_BINARY || join(repo, 'build/tawsiya')));
const artifacts = resolve(option('artifacts', join(dirname(binary), 'browser-artifacts')));
const chromiumPath = option('chromium', process.env.CHROMIUM || '/usr/bin/chromium');
const arabicQuery = option('query-ar', 'التعذيب');
mkdirSync(artifacts, { recursive: true });

const scratch = mkdtempSync(join(tmpdir(), 'tawsiya-browser-'));
let db = option('db', '');
if (!db) {
  db = join(scratch, 'db');
  const indexed = spawnSync(binary, ['index', join(repo, 'corpus/sample.jsonl'), '--db', db], { encoding: 'utf8' });
  if (indexed.status !== 0) {
    console.error(`cannot index the sample corpus:\n${indexed.stderr}`);
    process.exit(1);
  }
}

// The server prints "listening on URL" as its first line on stdout.
function startServer() {
  const child = spawn(binary, ['serve', '--db', db, '--port', '0', '--threads', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr.resume();  // the access log
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start in 10 s')), 10000);
    child.on('exit', (code) => reject(new Error(`the server exited with ${code}`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      const match = /^listening on (http:\/\/\S+)$/.exec(line);
      if (match) resolvePromise({ child, url: match[1] });
      else reject(new Error(`unexpected first line: ${line}`));
    });
  });
}

const results = [];
async function check(name, body) {
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`ok   ${name}`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`FAIL ${name}: ${error.message}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

// Waits until the search answered: results not busy, and the count line written.
async function searchSettled(page) {
  await page.waitForFunction(() => {
    const results = document.getElementById('results');
    return !results.hasAttribute('aria-busy') && document.getElementById('result-count').textContent.trim() !== '';
  }, null, { timeout: 10000 });
}

async function shot(page, name) {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

const { child: server, url } = await startServer();
process.on('exit', () => server.kill('SIGTERM'));
const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  // Playwright gives the browser a new, empty user-data-dir of its own (it refuses --user-data-dir).
});

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(url);
  await searchSettled(page);
  await shot(page, '01-start');

  await check('the interface switches to Arabic, right to left', async () => {
    await page.selectOption('#ui-lang', 'ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    const html = await page.evaluate(() => ({ dir: document.documentElement.dir, lang: document.documentElement.lang }));
    assert(html.dir === 'rtl' && html.lang === 'ar', `html is dir=${html.dir} lang=${html.lang}`);
    const label = await page.textContent('label[for=q]');
    assert(/[\u0600-\u06FF]/.test(label), `the search label is not Arabic: ${label}`);
    assert(new URL(page.url()).searchParams.get('ui') === 'ar', `the URL does not hold ui=ar: ${page.url()}`);
    const facetsSide = await page.evaluate(() => {
      const facets = document.querySelector('.facets').getBoundingClientRect();
      const results = document.getElementById('results').getBoundingClientRect();
      return facets.left > results.left;
    });
    assert(facetsSide, 'the facets column is not on the right in Arabic');
    await shot(page, '02-arabic-interface');
  });

  let totalBefore = 0;
  await check('an Arabic search shows Arabic results, right to left', async () => {
    await page.fill('#q', arabicQuery);
    await page.press('#q', 'Enter');
    await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, arabicQuery);
    await searchSettled(page);
    const hits = await page.$$eval('.hit-text', (nodes) => nodes.map((node) => ({
      text: node.textContent, direction: getComputedStyle(node).direction, lang: node.lang,
    })));
    assert(hits.length > 0, 'no results');
    assert(/[\u0600-\u06FF]/.test(hits[0].text), `the first result is not in Arabic: ${hits[0].text}`);
    assert(hits[0].direction === 'rtl', `the first result's direction is ${hits[0].direction}`);
    assert((await page.$$('.hit-text mark')).length > 0, 'no highlighted words');
    totalBefore = await page.evaluate(() => document.querySelectorAll('.hit').length);
    await shot(page, '03-arabic-results');
  });

  await check('clicking a facet filters the results and shows a chip', async () => {
    const before = (await page.textContent('#result-count')).trim();
    // A value whose count is below the total, so the filter must change the count.
    const total = await page.evaluate(() => Number((document.getElementById('result-count').textContent.match(/[\d٠-٩]+/) || ['0'])[0]
      .replace(/[٠-٩]/g, (d) => '٠١٢٣٤٥٦٧٨٩'.indexOf(d))));
    const facetButton = await page.evaluateHandle((totalCount) => {
      const buttons = [...document.querySelectorAll('.facet-value[aria-pressed=false]')];
      const count = (button) => Number(button.querySelector('.facet-count').textContent.replace(/[٠-٩]/g, (d) => '٠١٢٣٤٥٦٧٨٩'.indexOf(d)).replace(/\D/g, ''));
      return buttons.find((button) => button.offsetParent !== null && count(button) < totalCount) || buttons.find((b) => b.offsetParent !== null);
    }, total);
    const facet = await facetButton.evaluate((button) => ({ facet: button.dataset.facet, value: button.dataset.value }));
    await facetButton.click();
    await page.waitForFunction((before) => document.getElementById('result-count').textContent.trim() !== before
      || document.querySelectorAll('.chip').length > 0, before);
    await searchSettled(page);
    const after = (await page.textContent('#result-count')).trim();
    const chips = await page.$$eval('.chip', (nodes) => nodes.map((node) => node.textContent));
    assert(chips.length === 1, `expected one chip, got ${chips.length}`);
    const pressed = await page.$eval(`.facet-value[data-facet="${facet.facet}"][data-value="${facet.value.replace(/"/g, '\\"')}"]`, (b) => b.getAttribute('aria-pressed'));
    assert(pressed === 'true', 'the facet value is not shown as selected');
    const param = facet.facet === 'lang' ? 'language' : facet.facet.replace(/^tag:/, 'tag.');
    assert(new URL(page.url()).searchParams.getAll(param).includes(facet.value), `the URL does not hold ${param}=${facet.value}`);
    assert(after !== before || totalBefore === 1, `the count did not change: ${before}`);
    await shot(page, '04-facet-filter');
  });

  let recordUrl = '';
  let recordTitle = '';
  await check('a record opens with its three language versions side by side', async () => {
    await page.click('.hit-link');
    await page.waitForSelector('#record-view:not([hidden]) .record-text');
    await page.waitForFunction(() => document.querySelectorAll('.record-text').length === 3);
    const versions = await page.$$eval('.record-text', (nodes) => nodes.map((node) => {
      const body = node.querySelector('.record-body');
      return { lang: node.dataset.lang, present: !!body, direction: body ? getComputedStyle(body).direction : '', top: node.getBoundingClientRect().top };
    }));
    const present = versions.filter((v) => v.present).map((v) => v.lang);
    assert(present.length === 3, `language versions shown: ${present.join(', ')}`);
    const arabic = versions.find((v) => v.lang === 'ar');
    assert(arabic.direction === 'rtl', `the Arabic version is ${arabic.direction}`);
    assert(versions.every((v) => Math.abs(v.top - versions[0].top) < 2), 'the versions are not side by side');
    const fields = await page.$$eval('#record-fields dt', (nodes) => nodes.length);
    assert(fields >= 4, `only ${fields} fields shown`);
    recordUrl = page.url();
    recordTitle = await page.textContent('#record-title');
    assert(new URL(recordUrl).searchParams.get('record'), 'the URL does not name the record');
    await shot(page, '05-record-view');
  });

  await check('the shareable URL reloads to the same state, and back returns to the results', async () => {
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('.record-text .record-body').length > 0);
    assert(page.url() === recordUrl, `the URL changed on reload: ${page.url()}`);
    assert((await page.textContent('#record-title')) === recordTitle, 'another record after reload');
    assert((await page.evaluate(() => document.documentElement.dir)) === 'rtl', 'the reloaded page is not right to left');
    await page.goBack();
    await page.waitForSelector('#search-view:not([hidden])');
    await searchSettled(page);
    assert((await page.$$('.chip')).length === 1, 'the filter chip is gone after going back');
    assert((await page.inputValue('#q')) === arabicQuery, 'the query is gone after going back');
    // A fresh tab on the same address: the whole state comes from the URL.
    const fresh = await context.newPage();
    await fresh.goto(recordUrl);
    await fresh.waitForFunction(() => document.querySelectorAll('.record-text .record-body').length > 0);
    assert((await fresh.textContent('#record-title')) === recordTitle, 'a fresh tab shows another record');
    await fresh.close();
    await shot(page, '06-back-to-results');
  });

  await check('a pasted Arabic recommendation gets prior recommendations and suggestions', async () => {
    await page.click('#views-nav a[data-view=match]');
    await page.waitForSelector('#match-view:not([hidden])');
    assert(new URL(page.url()).searchParams.get('view') === 'match', 'the URL does not say view=match');
    assert((await page.getAttribute('#views-nav a[data-view=match]', 'aria-current')) === 'page', 'the match view is not marked current');
    await page.fill('#match-text', 'إعلان وقف لتنفيذ أحكام الإعدام تمهيدا لإلغائها');
    await page.click('#match-form button[type=submit]');
    await page.waitForSelector('#match-results .match', { timeout: 10000 });
    const ids = await page.$$eval('#match-results .match', (nodes) => nodes.map((n) => n.dataset.id));
    assert(ids.some((id) => ['sample:c030', 'sample:c031', 'sample:c032'].includes(id)), `no moratorium record among ${ids.join(', ')}`);
    const marked = await page.$$eval('#match-results .match mark', (nodes) => nodes.length);
    assert(marked > 0, 'no matched word is highlighted');
    const schemes = await page.$$eval('.suggestion-scheme h3', (nodes) => nodes.map((n) => n.textContent));
    assert(schemes.length >= 3, `suggestions for ${schemes.length} schemes only`);
    const direction = await page.$eval('#match-results .hit-text', (node) => getComputedStyle(node).direction);
    assert(direction === 'rtl', `the Arabic match text is ${direction}`);
    await shot(page, '08-match-arabic');
  });

  await check('a list is grouped into clusters of the same request, and exports as CSV', async () => {
    await page.click('#views-nav a[data-view=dedup]');
    await page.waitForSelector('#dedup-view:not([hidden])');
    await page.fill('#dedup-text', [
      'Abolish the death penalty and commute all death sentences (France);',
      'Abolish the death penalty and commute all death sentences (Italy) (Spain);',
      'Guarantee inclusive education for children with disabilities',
      'Ratify the Convention on the Rights of Persons with Disabilities',
    ].join('\n'));
    await page.click('#dedup-form button[type=submit]');
    await page.waitForSelector('#dedup-results .cluster', { timeout: 10000 });
    const sizes = await page.$$eval('#dedup-results .cluster', (nodes) => nodes.map((n) => n.querySelectorAll('.member').length));
    assert(sizes[0] === 2, `the first cluster has ${sizes[0]} members`);
    assert(sizes.length === 3, `${sizes.length} clusters for 4 items`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#dedup-results button.secondary')]);
    const csv = readFileSync(await download.path(), 'utf8');
    assert(csv.startsWith('\uFEFFcluster,id,similarity,representative,text'), `the CSV starts ${JSON.stringify(csv.slice(0, 40))}`);
    assert(csv.split('\r\n').filter(Boolean).length === 5, 'the CSV does not hold the 4 items');
    await shot(page, '09-dedup');
    await page.click('#views-nav a[data-view=search]');
    await page.waitForSelector('#search-view:not([hidden])');
    await searchSettled(page);
  });

  // Not a check: the phone layout, for a human to look at.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true });
  const phonePage = await phone.newPage();
  await phonePage.goto(`${url}?ui=ar&q=${encodeURIComponent(arabicQuery)}`);
  await searchSettled(phonePage);
  await shot(phonePage, '07-phone-arabic');
  await phone.close();

  await check('no script errors in the console', async () => {
    assert(consoleErrors.length === 0, consoleErrors.join(' | '));
  });
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(scratch, { recursive: true, force: true });
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`screenshots: ${artifacts}`);
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
