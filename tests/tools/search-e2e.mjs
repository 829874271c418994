// Drives the search page of a built loa site in headless Chromium, as a reader would:
// types each query into the box and reads the results the page shows.
//
//   node search-e2e.mjs '{"url": "http://127.0.0.1:PORT/tim-kiem/", "queries": ["dak lak"], "samples": ["Đắk Lắk"]}'
//
// Prints one JSON object: what the page says without JavaScript, then for each query
// the status line, the results (link, title, date, province, highlighted words, snippet),
// the bytes received for it until its first results showed (`firstBytes`) and until its
// first page of them was complete (`bytes`; the two differ for a quoted phrase, whose
// candidates are checked before they are shown), how long the page took to rank it,
// and the script's own
// syllables for each sample (so the Rust test can compare them with src/search/).
// `pageBytes` is what the page itself took (HTML, style sheet, script) before the first
// query. With "fresh": true each query runs in a new page with nothing fetched before,
// so that its bytes are those of a reader's first query.
import { chromium } from "playwright-core";

const input = JSON.parse(process.argv[2]);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
const output = { queries: [] };
try {
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const bare = await noScript.newPage();
  await bare.goto(input.url);
  output.nojs = {
    text: (await bare.locator("#tim_kiem_khong_js").innerText()).trim(),
    links: await bare.locator("#tim_kiem_khong_js a").evaluateAll((links) =>
      links.map((a) => a.getAttribute("href"))
    ),
    formVisible: await bare.locator("#tim_kiem").isVisible(),
  };
  await noScript.close();

  const context = await browser.newContext();
  // Every response of a page is counted, however many: the browser keeps 250 by default.
  await context.addInitScript(() => performance.setResourceTimingBufferSize(1000000));
  const page = await context.newPage();
  // The bytes of the bodies the page received (as sent: a Range request's part), from
  // the browser's own resource timing, since entry `from`: counted in the page, so that
  // none is missed as counting response bodies in Playwright missed some.
  const received = (from) =>
    page.evaluate((from) => {
      const entries = performance.getEntriesByType("navigation")
        .concat(performance.getEntriesByType("resource"));
      return {
        entries: entries.length,
        bytes: entries.slice(from).reduce((sum, entry) => sum + entry.encodedBodySize, 0),
      };
    }, from);
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  const open = async () => {
    await page.goto(input.url);
    await page.locator("#tim_kiem_q").waitFor({ state: "visible" });
    await page.waitForLoadState("networkidle");
    return (await received(0)).bytes;
  };
  output.pageBytes = await open();
  output.nojsHiddenWithScript = !(await page.locator("#tim_kiem_khong_js").isVisible());

  for (const query of input.queries) {
    if (input.fresh) {
      await context.clearCookies();
      await page.goto("about:blank");
      // A reader's first query: nothing of the index in the browser's cache.
      const session = await context.newCDPSession(page);
      await session.send("Network.clearBrowserCache");
      await session.detach();
      await open();
    }
    const text = typeof query === "string" ? query : query.text;
    const filters = typeof query === "string" ? {} : query.filters || {};
    await page.locator("#tim_kiem_q").fill("");
    for (const [name, value] of Object.entries({ kind: "#tim_kiem_loai", province: "#tim_kiem_tinh", year: "#tim_kiem_nam", section: "#tim_kiem_muc" })) {
      await page.locator(value).selectOption(filters[name] || "");
    }
    const before = (await received(0)).entries;
    // The list says which query and filters it shows once it shows them: `data-first`
    // with the first results, `data-query` with the page of them complete.
    const shown = [text, filters.kind || "", filters.province || "", filters.year || "", filters.section || ""].join("|");
    // The bytes received when the first results show, taken at that moment.
    await page.evaluate(([shown, from]) => {
      const list = document.getElementById("tim_kiem_ket_qua");
      window.firstBytes = null;
      const observer = new MutationObserver(() => {
        if (list.getAttribute("data-first") === shown) {
          const entries = performance.getEntriesByType("resource");
          window.firstBytes = entries.slice(from - 1).reduce((sum, e) => sum + e.encodedBodySize, 0);
          observer.disconnect();
        }
      });
      observer.observe(list, { attributes: true, attributeFilter: ["data-first"] });
    }, [shown, before]);
    await page.locator("#tim_kiem_q").pressSequentially(text, { delay: 15 });
    await page.waitForFunction(
      (shown) => {
        const list = document.getElementById("tim_kiem_ket_qua");
        return list.getAttribute("data-query") === shown && !list.hasAttribute("aria-busy");
      },
      shown,
      { timeout: 60000 }
    );
    await page.waitForLoadState("networkidle");
    const results = await page.locator("#tim_kiem_ket_qua > li").evaluateAll((items) =>
      items.map((li) => ({
        href: li.querySelector("h2 a").getAttribute("href"),
        title: li.querySelector("h2 a").textContent,
        meta: li.querySelector(".meta").textContent,
        marks: Array.from(li.querySelectorAll("mark"), (m) => m.textContent),
        snippet: li.querySelector(".search-snippet").textContent,
      }))
    );
    // Ranking again with everything fetched: the time a reader waits after the first search.
    const ms = await page.evaluate(async ([typed, chosen]) => {
      const started = performance.now();
      await window.loaSearch.query(typed, chosen);
      return performance.now() - started;
    }, [text, filters]);
    output.queries.push({
      query: text,
      status: await page.locator("#tim_kiem_trang_thai").textContent(),
      url: page.url(),
      results,
      bytes: (await received(before)).bytes,
      firstBytes: await page.evaluate(() => window.firstBytes),
      ms,
    });
  }
  output.tokens = await page.evaluate(
    (samples) => samples.map((s) => window.loaSearch.tokens(s)),
    input.samples || []
  );
  output.errors = errors;
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(output, null, 1) + "\n");
