// Screenshots of a built loa site at a phone's width (390 x 844) and a desktop's
// (1280 x 800), the first screen of each page, for the README:
//
//   node screenshots.mjs BUILT_SITE_DIR OUT_DIR name=/path/ ...
//
// writes OUT_DIR/<name>-390.png and OUT_DIR/<name>-1280.png for each page.
import { chromium } from "playwright-core";
import { serve } from "./static-server.mjs";

const [root, out, ...pages] = process.argv.slice(2);
const server = await serve(root);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--font-render-hinting=none"],
});
try {
  for (const [width, height] of [[390, 844], [1280, 800]]) {
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const spec of pages) {
      const [name, path] = spec.split("=");
      await page.goto(server.url + path, { waitUntil: "load" });
      // Lazy photos below the first screen are not in the picture; those on it are.
      await page.evaluate(() => Promise.all([...document.images].filter((i) => !i.complete)
        .map((i) => new Promise((done) => { i.onload = i.onerror = done; setTimeout(done, 2000); }))));
      await page.screenshot({ path: `${out}/${name}-${width}.png` });
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
