// Browser end-to-end test of the video shortcode, run by tests/serve/browser.rs:
//   node video-e2e.mjs <article-url>
// Opens an article with a YouTube video in headless Chromium and checks that nothing is
// requested from any other host while the page loads; clicks the video's link and
// checks that the player then takes its place, from youtube-nocookie.com. Requests to
// other hosts are answered here, never sent. Exits non-zero on any failure.

import { chromium } from 'playwright-core';

const [url] = process.argv.slice(2);
if (!url) {
  console.error('usage: node video-e2e.mjs <article-url>');
  process.exit(2);
}
const own = new URL(url).host;
const step = (text) => console.log(`- ${text}`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let failed = false;
try {
  const page = await browser.newPage();
  const elsewhere = [];
  await page.route('**/*', (route) => {
    const requested = new URL(route.request().url());
    if (requested.host === own) return route.continue();
    elsewhere.push(requested.href);
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<p>player</p>' });
  });
  // 'load', not 'networkidle': the preview server's live reload keeps a request open.
  await page.goto(url, { waitUntil: 'load' });
  // A moment for anything a script would request once the page has loaded.
  await page.waitForTimeout(500);
  if (elsewhere.length) throw new Error(`requested on load: ${elsewhere.join(', ')}`);
  step('nothing requested from another host on load');
  await page.locator('a.video-link').first().click();
  const player = page.locator('iframe.video-player');
  await player.waitFor({ timeout: 10000 });
  const src = await player.getAttribute('src');
  if (!src.startsWith('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ')) {
    throw new Error(`the player comes from ${src}`);
  }
  step('a click puts the player in the link\'s place');
} catch (error) {
  console.log(`FAILED: ${error.message}`);
  failed = true;
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
