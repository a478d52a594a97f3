#!/usr/bin/env node
'use strict';
/*
 * End-to-end check of RoleGraph's web pages in a real browser: Debian's
 * Chromium (/usr/bin/chromium), headless, driven by playwright-core (which
 * downloads no browser of its own).
 *
 *   node browser.js BASE_URL OUT_DIR
 *
 * against a running server (rolegraph serve, or ServerToolsTest's in-process
 * one), e.g. node browser.js http://localhost:3030 /tmp/shots
 *
 *   1. the home page: its title, a link to every role, the product manager's;
 *   2. a click on that link: the role page and its h1;
 *   3. /compare: tick product-manager and delivery-manager, click Compare; the
 *      comparison table's salary row has 98,439 in the product manager's
 *      column and 66,214 in the delivery manager's, and the Sources list names
 *      the article both figures come from; every footnote mark points at an
 *      entry of that list;
 *   4. the same comparison on a phone-sized viewport (390x844): the page does
 *      not scroll sideways (a wide table scrolls inside its own box), and each
 *      aspect's name keeps its words whole (no more lines than words); whether
 *      the role page does is reported as a note, not a failure;
 *   5. throughout: every request the pages make goes to BASE_URL (no fonts,
 *      scripts, styles or images from elsewhere), none fails or answers with
 *      an error, no page logs an error, and every link to BASE_URL on the
 *      pages visited answers 200.
 *
 * Screenshots into OUT_DIR (made if missing): home.png, role.png, compare.png
 * (full pages, 1280 px wide) and compare-phone.png (390x844 viewport, full
 * page).
 *
 * Prints one line per check. Exit status: 0 when every check passes, 1 when
 * one fails (each failure printed after FAIL:), 2 on a usage error or when
 * the browser cannot be started.
 */

const fs = require('fs');
const os = require('os');
const path = require('path');

const CHROMIUM = process.env.ROLEGRAPH_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const DESKTOP = {width: 1280, height: 800};
const PHONE = {width: 390, height: 844};
const STEP_TIMEOUT_MS = 20000;
const OVERALL_TIMEOUT_MS = 100000; // below ServerToolsTest's 120 s, so the browser is closed by us

const ROLE_ID = 'product-manager';
const ROLE_LABEL = 'Product manager';
const OTHER_ID = 'delivery-manager';
const OTHER_LABEL = 'Delivery manager';
const ROLE_SALARY = '98,439';
const OTHER_SALARY = '66,214';
const SOURCE_TITLE = 'Product Manager vs. Delivery Manager: What Are the Differences?';

class Fatal extends Error {}

function usage(message) {
  process.stderr.write((message ? 'browser.js: ' + message + '\n' : '') +
    'usage: node browser.js BASE_URL OUT_DIR   (e.g. node browser.js http://localhost:3030 target/screenshots)\n');
  process.exit(2);
}

let chromium;
try {
  ({chromium} = require('playwright-core'));
} catch(e) {
  process.stderr.write('browser.js: playwright-core is not installed (' + e.message.split('\n')[0] + ').\n' +
    'Run tools/setup (or: npm ci in tools/browser-check).\n');
  process.exit(2);
}

const failures = [];
const notes = new Set(); // observations that are not failures, printed at the end
let checks = 0;
let userDataDir = null; // the browser's fresh profile, removed at the end

function ok(message) {
  checks++;
  console.log('ok   ' + message);
}

function check(condition, message, detail) {
  if(condition) {
    ok(message);
  } else {
    checks++;
    failures.push(message + (detail ? ': ' + detail : ''));
    console.log('FAIL ' + message + (detail ? ': ' + detail : ''));
  }
  return condition;
}

/** A check whose failure makes the following steps meaningless. */
function require_(condition, message, detail) {
  if(!check(condition, message, detail)) throw new Fatal(message + (detail ? ': ' + detail : ''));
}

const quote = s => JSON.stringify(s);
const plain = s => String(s).replace(/\u001b\[[0-9;]*m/g, '');
const squash = s => (s || '').replace(/\s+/g, ' ').trim();

async function main(argv) {
  if(argv.length !== 2 || argv[0] === '-h' || argv[0] === '--help') usage();
  let base;
  try {
    const u = new URL(argv[0]);
    if(u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http(s)');
    base = u.origin + u.pathname.replace(/\/+$/, '');
  } catch(e) {
    usage(`BASE_URL ${quote(argv[0])} is not an http(s) URL`);
  }
  const outDir = path.resolve(argv[1]);
  fs.mkdirSync(outDir, {recursive: true});
  if(!fs.existsSync(CHROMIUM)) {
    process.stderr.write(`browser.js: no Chromium at ${CHROMIUM}. Run tools/setup (Debian: apt-get install chromium).\n`);
    return 2;
  }
  const ours = url => url === base || url.startsWith(base + '/') || url.startsWith(base + '?');

  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolegraph-chromium-'));
  const started = Date.now();
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: DESKTOP,
      deviceScaleFactor: 1,
      locale: 'en-US',
      timeout: 30000
    });
  } catch(e) {
    fs.rmSync(userDataDir, {recursive: true, force: true});
    process.stderr.write(`browser.js: cannot start ${CHROMIUM}: ${e.message}\n`);
    return 2;
  }
  const version = context.browser() ? context.browser().version() : '?';
  console.log(`playwright-core ${require('playwright-core/package.json').version}, ${CHROMIUM} ` +
    `(${version}), headless, profile ${userDataDir}; base ${base}; screenshots in ${outDir}`);

  // Everything the pages ask for, from anywhere.
  const requests = [];
  const external = [];
  const failed = [];
  const errors = [];
  context.on('request', r => {
    requests.push(r.url());
    if(!ours(r.url())) external.push(`${r.resourceType()} ${r.url()} (from ${r.frame() ? r.frame().url() : '?'})`);
  });
  context.on('requestfailed', r => {
    failed.push(`${r.url()}: ${r.failure() ? r.failure().errorText : 'failed'}`);
  });
  context.on('response', r => {
    // The navigation responses are checked where they happen; these are the rest (styles, images).
    if(r.status() >= 400 && !r.request().isNavigationRequest()) failed.push(`${r.url()}: HTTP ${r.status()}`);
  });

  const links = new Map(); // link to our server -> page it is on
  async function collectLinks(page) {
    const hrefs = await page.$$eval('a[href]', as => as.map(a => a.href));
    for(const href of hrefs) {
      const url = href.split('#')[0];
      if(ours(url) && !links.has(url)) links.set(url, page.url());
    }
  }

  try {
    const page = context.pages()[0] || await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    page.on('pageerror', e => errors.push(`${page.url()}: ${e.message}`));
    page.on('console', m => {
      if(m.type() !== 'error') return;
      const from = m.location() && m.location().url;
      // The browser asks for /favicon.ico by itself; the pages do not link one. Reported, not failed.
      if(from === base + '/favicon.ico') {
        notes.add(`the browser's own request for ${from} failed: ${m.text()}`);
      } else {
        errors.push(`${page.url()}: console: ${m.text()}${from ? ' (' + from + ')' : ''}`);
      }
    });

    // 1. The home page.
    let response = await page.goto(base + '/', {waitUntil: 'load'});
    require_(response && response.status() === 200, `GET ${base}/ answers 200`, response ? 'HTTP ' + response.status() : 'no response');
    const title = await page.title();
    check(title === 'Roles · RoleGraph', 'home page title is "Roles · RoleGraph"', 'title is ' + quote(title));
    const roleLinks = await page.$$eval('.families a[href^="/role/"]', as => as.map(a => a.getAttribute('href')));
    check(roleLinks.length === 23, 'home page lists 23 roles, each a link /role/{id}',
      `${roleLinks.length} role links: ${roleLinks.join(', ')}`);
    const link = page.locator(`a[href="/role/${ROLE_ID}"]`).first();
    require_(await link.count() === 1 && await link.isVisible(), `home page shows a link to /role/${ROLE_ID}`);
    const linkText = squash(await link.textContent());
    check(linkText === ROLE_LABEL, `the link to /role/${ROLE_ID} reads "${ROLE_LABEL}"`, 'it reads ' + quote(linkText));
    const css = await page.evaluate(() => getComputedStyle(document.querySelector('.families')).display);
    check(css === 'grid', 'the stylesheet is applied (role families laid out as a grid)', 'display is ' + css);
    await collectLinks(page);
    await page.screenshot({path: path.join(outDir, 'home.png'), fullPage: true});
    ok('screenshot home.png');

    // 2. Click through to the role page.
    const [roleResponse] = await Promise.all([
      page.waitForResponse(r => r.request().isNavigationRequest() && r.url() === `${base}/role/${ROLE_ID}`),
      link.click()
    ]);
    await page.waitForLoadState('load');
    require_(roleResponse.status() === 200, `clicking it opens ${base}/role/${ROLE_ID} (HTTP 200)`,
      'HTTP ' + roleResponse.status());
    check((roleResponse.headers()['content-type'] || '').startsWith('text/html'), 'the role page is text/html',
      'Content-Type ' + roleResponse.headers()['content-type']);
    const h1 = squash(await page.locator('h1').first().textContent());
    check(h1 === ROLE_LABEL, `the role page's h1 is "${ROLE_LABEL}"`, 'it is ' + quote(h1));
    const roleTitle = await page.title();
    check(roleTitle === `${ROLE_LABEL} · RoleGraph`, `the role page's title is "${ROLE_LABEL} · RoleGraph"`, quote(roleTitle));
    const roleSources = await page.$$eval('ol.sources > li', lis => lis.length);
    check(roleSources > 0, 'the role page lists its sources', `${roleSources} sources`);
    const badMarks = await danglingFootnotes(page);
    check(badMarks.length === 0, 'every footnote mark on the role page points at a source of its list', badMarks.join(', '));
    await collectLinks(page);
    await page.screenshot({path: path.join(outDir, 'role.png'), fullPage: true});
    ok('screenshot role.png');

    // 3. /compare: tick two roles, click Compare.
    response = await page.goto(base + '/compare', {waitUntil: 'load'});
    require_(response && response.status() === 200, `GET ${base}/compare answers 200`, response ? 'HTTP ' + response.status() : 'no response');
    const boxes = await page.$$eval('input[type=checkbox][name=roles]', is => is.map(i => i.value));
    check(boxes.length === 23, '/compare offers a checkbox name="roles" for each of the 23 roles', `${boxes.length}: ${boxes.join(', ')}`);
    for(const id of [ROLE_ID, OTHER_ID]) {
      const box = page.locator(`input[type=checkbox][name=roles][value="${id}"]`);
      require_(await box.count() === 1, `/compare has a checkbox for ${id}`);
      await box.check();
      require_(await box.isChecked(), `ticked ${id}`);
    }
    const button = page.locator('#compare');
    require_(await button.count() === 1, '/compare has the Compare button (id="compare")');
    const [compareResponse] = await Promise.all([
      page.waitForResponse(r => r.request().isNavigationRequest() && r.url().startsWith(`${base}/compare?`)),
      button.click()
    ]);
    await page.waitForLoadState('load');
    require_(compareResponse.status() === 200, `clicking Compare opens ${compareResponse.url()} (HTTP 200)`,
      'HTTP ' + compareResponse.status());
    const query = new URL(page.url()).searchParams.getAll('roles');
    check(query.length === 2 && query.includes(ROLE_ID) && query.includes(OTHER_ID),
      `the form sent roles=${ROLE_ID}&roles=${OTHER_ID}`, page.url());
    // The roles come in the order of the form's checkboxes, so either may be first.
    const compareTitle = await page.title();
    check([`${ROLE_LABEL} vs ${OTHER_LABEL} · RoleGraph`, `${OTHER_LABEL} vs ${ROLE_LABEL} · RoleGraph`].includes(compareTitle),
      `the result's title is "${ROLE_LABEL} vs ${OTHER_LABEL} · RoleGraph" (in either order)`, quote(compareTitle));

    const table = page.locator('table#comparison');
    require_(await table.count() === 1 && await table.isVisible(), 'the result shows the comparison table (id="comparison")');
    const heads = (await table.locator('thead th').allTextContents()).map(squash);
    const roleCol = heads.indexOf(ROLE_LABEL), otherCol = heads.indexOf(OTHER_LABEL);
    require_(roleCol > 0 && otherCol > 0, `the table has a column for each role ("${ROLE_LABEL}", "${OTHER_LABEL}")`,
      'header cells: ' + heads.map(quote).join(', '));
    const salaries = table.locator('tr.salaries');
    require_(await salaries.count() === 1 && await salaries.isVisible(), 'the table has the salary row (class="salaries")');
    // th (row header) + one td per role, in the header's order
    const cells = (await salaries.locator('th, td').allTextContents()).map(squash);
    require_(cells.length === heads.length, 'the salary row has a cell for every column',
      `${cells.length} cells for ${heads.length} columns`);
    check(cells[roleCol].includes(ROLE_SALARY), `the ${ROLE_LABEL} column's salaries include ${ROLE_SALARY}`, quote(cells[roleCol]));
    check(cells[otherCol].includes(OTHER_SALARY), `the ${OTHER_LABEL} column's salaries include ${OTHER_SALARY}`, quote(cells[otherCol]));
    check(!cells[roleCol].includes(OTHER_SALARY) && !cells[otherCol].includes(ROLE_SALARY),
      'each salary is in its own role\'s column only');
    const sources = await page.evaluate(() => {
      const h2 = [...document.querySelectorAll('h2')].find(h => h.textContent.trim() === 'Sources');
      if(!h2) return null;
      let list = h2.nextElementSibling;
      while(list && !/^(OL|UL)$/.test(list.tagName)) list = list.nextElementSibling;
      return list ? [...list.querySelectorAll(':scope > li')].map(li => li.textContent.replace(/\s+/g, ' ').trim()) : [];
    });
    require_(sources !== null, 'the result has a "Sources" heading (h2)');
    check(sources.length > 0, 'a list of sources follows it', `${sources.length} items`);
    check(sources.some(s => s.includes(SOURCE_TITLE)), `the sources list names "${SOURCE_TITLE}"`,
      'it lists: ' + sources.map(quote).join('; '));
    const cited = await page.evaluate(title => [...document.querySelectorAll('tr.salaries sup.src a')]
      .filter(a => a.title === title).map(a => a.getAttribute('href')), SOURCE_TITLE);
    check(cited.length >= 2, `both salaries cite "${SOURCE_TITLE}" by a footnote mark`, `${cited.length} marks`);
    const dangling = await danglingFootnotes(page);
    check(dangling.length === 0, 'every footnote mark on the comparison points at an entry of the sources list', dangling.join(', '));
    await collectLinks(page);
    await page.screenshot({path: path.join(outDir, 'compare.png'), fullPage: true});
    ok('screenshot compare.png (1280 px wide)');
    // The salaries row, scrolled into view, for the README: one screen, not the whole table.
    await page.locator('#comparison tr.salaries').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -260));
    await page.screenshot({path: path.join(outDir, 'compare-salaries.png'), fullPage: false});
    ok('screenshot compare-salaries.png (one screen around the salaries row)');

    // 4. The same page on a phone-sized viewport.
    await page.setViewportSize(PHONE);
    await page.reload({waitUntil: 'load'});
    const layout = await page.evaluate(() => {
      const doc = document.documentElement;
      const wrap = document.querySelector('#comparison').closest('.table-wrap');
      const wide = [...document.querySelectorAll('main *')]
        .filter(e => e.getBoundingClientRect().right > doc.clientWidth + 1 && !(wrap && wrap.contains(e) && e !== wrap))
        .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ')[0] : ''));
      return {
        viewport: doc.clientWidth, page: doc.scrollWidth, wide: [...new Set(wide)].slice(0, 8),
        table: wrap ? {box: Math.round(wrap.getBoundingClientRect().width), content: wrap.scrollWidth,
          scrolls: getComputedStyle(wrap).overflowX} : null
      };
    });
    check(layout.page <= layout.viewport,
      `on a ${PHONE.width}x${PHONE.height} viewport the comparison page does not scroll sideways`,
      `the page is ${layout.page} px wide in a ${layout.viewport} px viewport; too wide: ${layout.wide.join(', ')}`);
    if(layout.table) {
      console.log(`info the comparison table is ${layout.table.content} px wide in a ${layout.table.box} px box ` +
        `(overflow-x: ${layout.table.scrolls})`);
    }
    // Each aspect's name in the first column keeps its words whole: the column once wrapped one
    // letter per line at this width. A name takes no more lines than it has words.
    const brokenNames = await page.evaluate(() => [...document.querySelectorAll('#comparison tbody th')].map(th => {
      const range = document.createRange();
      range.selectNodeContents(th);
      const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
      const words = th.textContent.trim().split(/\s+/).length;
      return {name: th.textContent.trim(), lines, words};
    }).filter(a => a.lines > a.words));
    check(brokenNames.length === 0,
      `on a ${PHONE.width} px viewport every aspect name in the comparison keeps its words whole`,
      brokenNames.map(a => `${quote(a.name)} takes ${a.lines} lines for ${a.words} words`).join('; '));
    await page.screenshot({path: path.join(outDir, 'compare-phone.png'), fullPage: true});
    ok(`screenshot compare-phone.png (${PHONE.width}x${PHONE.height} viewport)`);

    // The role page on the phone: reported, not failed (the brief's checks are the comparison's).
    response = await page.goto(`${base}/role/${ROLE_ID}`, {waitUntil: 'load'});
    const roleLayout = await page.evaluate(() => {
      const doc = document.documentElement;
      const wide = [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > doc.clientWidth + 1)
        .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > doc.clientWidth + 1))
        .map(e => `${e.tagName.toLowerCase()} "${e.textContent.trim().slice(0, 60)}"`);
      return {viewport: doc.clientWidth, page: doc.scrollWidth, wide: [...new Set(wide)].slice(0, 5)};
    });
    if(roleLayout.page > roleLayout.viewport) {
      notes.add(`on a ${PHONE.width} px viewport /role/${ROLE_ID} scrolls sideways: the page is ${roleLayout.page} px ` +
        `wide; too wide: ${roleLayout.wide.join(', ')}`);
    }

    // 5. Links to our own server, on every page visited.
    const broken = [];
    for(const [url, from] of links) {
      try {
        const r = await context.request.get(url, {headers: {Accept: 'text/html'}, maxRedirects: 0, timeout: STEP_TIMEOUT_MS});
        if(r.status() !== 200) broken.push(`${url} (HTTP ${r.status()}, linked from ${from})`);
        await r.dispose();
      } catch(e) {
        broken.push(`${url} (${e.message.split('\n')[0]}, linked from ${from})`);
      }
    }
    check(broken.length === 0, `each of the ${links.size} links to ${base} on the pages visited answers 200`, broken.join('; '));
  } catch(e) {
    if(!(e instanceof Fatal)) {
      // playwright's messages carry a call log with terminal colours: keep the first line, plainly
      const message = plain(e.message).split('\n')[0];
      checks++;
      failures.push('unexpected error: ' + message);
      console.log('FAIL unexpected error: ' + plain(e.stack || e.message));
    }
  } finally {
    await context.close().catch(() => {});
    fs.rmSync(userDataDir, {recursive: true, force: true});
  }

  check(external.length === 0, `all ${requests.length} requests of the pages went to ${base}`,
    'requests elsewhere: ' + [...new Set(external)].join('; '));
  check(failed.length === 0, 'no request failed or answered with an error', [...new Set(failed)].join('; '));
  check(errors.length === 0, 'no page logged an error', errors.join('; '));

  for(const note of notes) console.log('note ' + note);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if(failures.length) {
    process.stderr.write(`FAIL: ${failures.length} of ${checks} browser checks failed (${seconds} s):\n` +
      failures.map(f => '  ' + f).join('\n') + '\n');
    return 1;
  }
  console.log(`OK: ${checks} browser checks passed in ${seconds} s`);
  return 0;
}

/** Footnote marks (sup.src a) whose #source-N has no element on the page. */
function danglingFootnotes(page) {
  return page.$$eval('sup.src a[href^="#"]', as => [...new Set(as.map(a => a.getAttribute('href')))]
    .filter(href => !document.getElementById(decodeURIComponent(href.slice(1)))));
}

const watchdog = setTimeout(() => {
  process.stderr.write(`FAIL: the browser checks did not finish within ${OVERALL_TIMEOUT_MS / 1000} s\n`);
  // exiting kills the browser playwright-core started (it handles 'exit'); the profile goes too
  if(userDataDir) fs.rmSync(userDataDir, {recursive: true, force: true});
  process.exit(1);
}, OVERALL_TIMEOUT_MS);
watchdog.unref();

main(process.argv.slice(2)).then(code => {
  process.exitCode = code;
}, e => {
  process.stderr.write('browser.js: ' + (e && e.stack || e) + '\n');
  process.exitCode = 2;
});
