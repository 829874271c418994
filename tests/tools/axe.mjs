// Runs axe-core, every rule of it, over pages of a built loa site in headless Chromium,
// at a phone's width and a desktop's:
//
//   node axe.mjs BUILT_SITE_DIR /path/ ...
//
// Prints one line per violation (page, width, rule, impact, the elements) and exits
// with 1 when there is any.
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { serve } from "./static-server.mjs";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const [root, ...paths] = process.argv.slice(2);
const server = await serve(root);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
let violations = 0;
try {
  for (const [width, height] of [[390, 844], [1280, 800]]) {
    const page = await browser.newPage({ viewport: { width, height } });
    for (const path of paths) {
      const response = await page.goto(server.url + path, { waitUntil: "load" });
      if (!response.ok() && !path.endsWith("404.html")) {
        throw new Error(`${path}: HTTP ${response.status()}`);
      }
      await page.addScriptTag({ path: axePath });
      const results = await page.evaluate(() => axe.run(document, { resultTypes: ["violations"] }));
      for (const v of results.violations) {
        violations += 1;
        const nodes = v.nodes.map((n) => n.target.join(" ")).join(", ");
        console.log(`${path} at ${width} px: ${v.id} (${v.impact}): ${v.help}: ${nodes}`);
      }
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`${paths.length} pages at 2 widths: ${violations} violations`);
process.exit(violations > 0 ? 1 : 0);
