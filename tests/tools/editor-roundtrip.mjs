// Every article and page of a site opened in the editor's form and saved without an
// edit, in headless Chromium (playwright-core):
//
//   node editor-roundtrip.mjs EDITOR_URL
//
// The form sends the whole of its fields back; what it sends for a field the officer
// did not touch must be what it was given, so that the file stays byte for byte as it
// was. The caller compares the files; this prints one line a file saved and exits 1 when
// a form does not open as saved or a save is not answered as one.
import { chromium } from "playwright-core";

const [editor] = process.argv.slice(2);
const base = editor.endsWith("/") ? editor : `${editor}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  const page = await browser.newPage();
  page.on("pageerror", (error) => {
    console.log(`script error: ${error.message}`);
    process.exitCode = 1;
  });
  const { articles } = await (await page.request.get(`${base}api/articles`)).json();
  for (const article of articles) {
    await page.goto(`${base}article?path=${encodeURIComponent(article.path)}`);
    const labels = JSON.parse(await page.locator("#labels").textContent());
    await page.waitForFunction(() => document.querySelector("#save-state").textContent !== "");
    const opened = await page.locator("#save-state").textContent();
    if (opened !== labels.all_saved) {
      console.log(`${article.path}: opened as "${opened}"`);
      process.exitCode = 1;
    }
    await page.getByRole("button", { name: labels.save, exact: true }).click();
    await page.waitForFunction(
      (saving) => document.querySelector("#save-state").textContent !== saving,
      labels.saving,
    );
    const saved = await page.locator("#save-state").textContent();
    if (!saved.startsWith(labels.saved.split(" {")[0])) {
      console.log(`${article.path}: saving said "${saved}"`);
      process.exitCode = 1;
    }
    console.log(`saved ${article.path}`);
  }
  console.log(`${articles.length} files opened and saved`);
} finally {
  await browser.close();
}
