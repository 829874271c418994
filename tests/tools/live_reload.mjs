// Browser end-to-end test of `loa serve`, run by tests/serve/browser.rs:
//   node live_reload.mjs <base-url> <site-root>
// Opens an article in headless Chromium, saves a change to its file and waits for the
// page to show it without any reload by hand; breaks the file and waits for the error
// overlay; fixes it and waits for the overlay to go. Exits non-zero on any failure.

import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [base, root] = process.argv.slice(2);
if (!base || !root) {
  console.error('usage: node live_reload.mjs <base-url> <site-root>');
  process.exit(2);
}
const file = join(root, 'content/tin-tuc/mot.md');
const article = (body) =>
  `---\ntitle: Bài một\ndate: 2024-07-01\nprovince: Đắk Lắk\ntags: [lễ ra mắt]\n---\n${body}\n`;
const step = (text) => console.log(`- ${text}`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
let failed = false;
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.log(`page error: ${error}`));
  await page.goto(`${base}tin-tuc/bai-mot/`);
  await page.getByText('Nội dung bài một.').waitFor({ timeout: 10000 });
  step('the article is open');

  writeFileSync(file, article('Nội dung sửa khi trình duyệt đang mở.'));
  await page.getByText('Nội dung sửa khi trình duyệt đang mở.').waitFor({ timeout: 10000 });
  step('the saved change is shown without a reload by hand');

  writeFileSync(file, '---\ntitel: <b>Bài một</b>\ndate: 2024-07-01\n---\nHỏng.\n');
  const overlay = page.locator('#__loa_overlay');
  await overlay.waitFor({ state: 'visible', timeout: 10000 });
  const message = await page.locator('#__loa_errors').innerText();
  for (const expected of ['unknown key `titel`', 'content/tin-tuc/mot.md:2:1', 'titel: <b>Bài một</b>']) {
    if (!message.includes(expected)) {
      throw new Error(`the overlay does not say ${JSON.stringify(expected)}:\n${message}`);
    }
  }
  if ((await page.locator('#__loa_errors b').count()) !== 0) {
    throw new Error('the error text was inserted as HTML');
  }
  await page.getByText('Nội dung sửa khi trình duyệt đang mở.').waitFor({ timeout: 2000 });
  step('the broken file shows its error over the last good page');
  if (process.env.LOA_E2E_SCREENSHOT) {
    await page.screenshot({ path: process.env.LOA_E2E_SCREENSHOT });
  }

  writeFileSync(file, article('Đã sửa xong.'));
  await page.getByText('Đã sửa xong.').waitFor({ timeout: 10000 });
  await overlay.waitFor({ state: 'detached', timeout: 10000 });
  step('the fixed file removes the message and reloads');
} catch (error) {
  failed = true;
  console.error(`FAILED: ${error.message}`);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
