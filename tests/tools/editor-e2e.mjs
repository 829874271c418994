// The editor as an officer uses it, in headless Chromium (playwright-core):
//
//   LOA=path/to/loa node editor-e2e.mjs EDITOR_URL SITE_ROOT PHOTO OUT_DIR [SCREENSHOTS_DIR]
//
// EDITOR_URL is the address `loa serve` printed. From the list, "Bài mới" and the form,
// it writes the Đắk Lắk launch article at 1280 px and the Cần Thơ one at 360 px (the
// preview as a tab), each with a lead photo (PHOTO; refused first without its alt text)
// and a qualified figure, the province found by typing it without tone marks; it saves
// both, and after each save `loa build` of the site must give the article the <main> the
// preview last showed. Then the list, searched without tone marks and filtered; and on
// the site's article about the teams: a conflict with a change made on disk (nothing
// overwritten until asked), the prompt before leaving with unsaved changes, the text a
// crashed tab had typed offered back, problems beside their fields and an article with
// one saved only as a draft.
//
// Into OUT_DIR go the builds and `pages/*.html` (the editing pages as served, for the
// Nu Html Checker). axe-core runs on the list, "Bài mới" and the form at both widths,
// and on the conflict dialog, and must find nothing. With SCREENSHOTS_DIR,
// the list, the form beside its preview and the phone's preview tab are saved there.
// Prints one line a step; exits 1 at the first thing that is not as it should be.
import { execFileSync } from "node:child_process";
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";

// Run through the browser's own protocol, not added as a <script>: the policy below
// would refuse that.
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const [editor, root, photo, out, shots] = process.argv.slice(2);
const base = editor.endsWith("/") ? editor : `${editor}/`;
fs.mkdirSync(path.join(out, "pages"), { recursive: true });

function check(ok, what) {
  if (!ok) {
    throw new Error(`not as it should be: ${what}`);
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
// An officer's browser speaks Vietnamese: the file and date pickers say so too.
const context = await browser.newContext({ locale: "vi-VN" });
// The server sends the pages under the strictest policy: nothing inline, nothing from
// elsewhere. A violation is a script error below.
let violations = 0;

// A page that fails the test on any script error, and remembers the last preview the
// server sent and the last save's answer.
async function open(width, height, address) {
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  page.on("pageerror", (error) => {
    console.log(`script error: ${error.message}`);
    process.exitCode = 1;
  });
  page.on("console", (message) => {
    if (message.type() === "error" && message.text().includes("Content Security Policy")) {
      console.log(`refused by the page's policy: ${message.text()}`);
      process.exitCode = 1;
    }
  });
  page.asking = 0;
  const preview = (request) => request.url().includes("/api/preview");
  page.on("request", (request) => {
    page.asking += preview(request) ? 1 : 0;
  });
  page.on("requestfailed", (request) => {
    page.asking -= preview(request) ? 1 : 0;
  });
  page.on("response", async (response) => {
    const url = response.url();
    try {
      if (preview(response.request()) && response.ok()) {
        page.preview = (await response.json()).html;
      } else if (url.includes("/api/save") && response.ok()) {
        page.saved = await response.json();
      }
    } catch {
      // A page closed before its answer was read: nothing left to compare it with.
    } finally {
      // Counted as answered once its text is kept.
      page.asking -= preview(response.request()) ? 1 : 0;
    }
  });
  await page.goto(base + address);
  return page;
}

async function labelsOf(page) {
  return JSON.parse(await page.locator("#labels").textContent());
}

async function loaded(page) {
  try {
    await page.waitForFunction(() => document.querySelector("#save-state").textContent !== "");
  } catch (error) {
    const heading = await page.locator("#heading").textContent().catch(() => "");
    throw new Error(`the form of ${page.url()} did not load (it says “${heading}”): ${error.message}`);
  }
  check((await page.inputValue("#f-title")) !== "", "the form shows its title");
}

// Waits for the preview asked for after the last keystroke: past the form's pause
// (400 ms), then until no preview is on its way.
async function previewed(page) {
  await page.waitForTimeout(700);
  const start = Date.now();
  while (page.asking > 0 && Date.now() - start < 10000) {
    await page.waitForTimeout(50);
  }
  check(page.asking === 0, "the preview answers");
  check(!(await page.locator("#preview-state").textContent()), "the preview has no error");
}

async function axe(page, what) {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    // The preview is the theme's page, checked by the site's own axe test.
    axe.run({ exclude: [["#preview"]] }, { resultTypes: ["violations"] }),
  );
  for (const v of results.violations) {
    violations += 1;
    const nodes = v.nodes.map((n) => n.target.join(" ")).join(", ");
    console.log(`axe, ${what}: ${v.id} (${v.impact}): ${v.help}: ${nodes}`);
  }
}

async function shot(page, name) {
  if (shots) {
    await page.screenshot({ path: path.join(shots, `${name}.png`) });
  }
}

async function keepSource(page, name, address) {
  const response = await page.request.get(base + address);
  check(response.ok(), `${address} answers`);
  fs.writeFileSync(path.join(out, "pages", `${name}.html`), await response.text());
}

function mainOf(html) {
  const main = /<main[\s\S]*<\/main>/.exec(html || "");
  check(main, "a page has a <main>");
  return main[0];
}

// The <main> of the page at `url` in a build of the site as it is on disk now.
function built(url) {
  const dir = fs.mkdtempSync(path.join(out, "public-"));
  execFileSync(process.env.LOA, ["build", "--quiet", "--root", root, "--out", dir], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  return mainOf(fs.readFileSync(path.join(dir, url, "index.html"), "utf8"));
}

// "Bài mới", then every field of the form as an officer fills it.
async function write(page, article) {
  const labels = await labelsOf(page);
  await page.waitForSelector("#articles li");
  await page.getByRole("link", { name: labels.new_article }).click();
  await page.waitForURL(/\/new$/);
  await page.waitForSelector("#n-section option[value=le-ra-mat]", { state: "attached" });
  await axe(page, `“Bài mới” at ${page.viewportSize().width} px`);
  await page.selectOption("#n-section", "le-ra-mat");
  await page.fill("#n-title", article.title);
  await page.getByRole("button", { name: labels.create }).click();
  await page.waitForURL(/article\?path=/);
  await loaded(page);
  check((await page.inputValue("#f-title")) === article.title, "the new form has its title");

  await page.fill("#f-date", article.date);
  await page.selectOption("#f-kind", "ceremony");
  await page.fill("#f-province", "");
  await page.locator("#f-province").pressSequentially(article.typed);
  const first = page.locator("#f-province-list [role=option]").first();
  check((await first.textContent()) === article.province, `"${article.typed}" finds ${article.province}`);
  await page.keyboard.press("Enter");
  check((await page.inputValue("#f-province")) === article.province, "Enter picks the province");
  await page.fill("#f-location", article.location);
  await page.locator("#f-tags").pressSequentially("le ra");
  await page.keyboard.press("Enter");
  check(
    (await page.locator("#f-tags-chosen li span").allTextContents()).includes("lễ ra mắt"),
    "the tag is suggested in its usual spelling",
  );
  await page.fill("#f-summary", article.summary);
  for (const [metric, [value, qualifier]] of Object.entries(article.figures)) {
    await page.fill(`#f-figure-${metric}`, value);
    await page.selectOption(`#f-figure-${metric}-qualifier`, qualifier);
  }

  await page.setInputFiles("#f-image-file", photo);
  await page.getByRole("button", { name: labels.image_upload }).click();
  check(
    (await page.locator("#f-image-alt-problem").textContent()) === labels.image_alt_required &&
      (await page.getAttribute("#f-image-alt", "aria-invalid")) === "true",
    "a photo without its alt text is refused, and says why beside the alt text",
  );
  check((await page.locator("#image-src").textContent()) === "", "nothing was uploaded");
  await page.fill("#f-image-alt", article.alt);
  await page.fill("#f-image-caption", article.caption);
  await page.getByRole("button", { name: labels.image_upload }).click();
  await page.waitForFunction(() => document.querySelector("#image-src").textContent.includes(".jpg"));
  await page.uncheck("#f-draft");

  await page.fill("#f-body", article.body);
  await page.locator("#f-body").press("Control+End");
  await page.getByRole("button", { name: labels.tool_link }).click();
  await page.locator("#d-link-search").pressSequentially("to bao ve");
  await page.keyboard.press("Enter");
  await page.fill("#d-link-text", "Tổ bảo vệ ANTT là gì");
  await page.locator("#d-link").getByRole("button", { name: labels.insert }).click();
  check(
    (await page.inputValue("#f-body")).includes("[Tổ bảo vệ ANTT là gì](@/tin-tuc/to-bao-ve-antt.md)"),
    "the toolbar links to the article picked from the list",
  );
  await article.tools?.(page, labels);
  await previewed(page);
  return labels;
}

async function seeInPreview(page, article) {
  const frame = page.frameLocator("#preview");
  check((await frame.locator("h1").first().textContent()).trim() === article.title, "the preview shows the title");
  const text = await frame.locator("main").textContent();
  check(text.includes(article.shown), `the preview shows the figure "${article.shown}"`);
}

async function save(page, labels) {
  page.saved = null;
  await page.getByRole("button", { name: labels.save, exact: true }).click();
  await page.waitForFunction(
    (word) => document.querySelector("#save-state").textContent.startsWith(word),
    labels.saved.split(" {")[0],
  );
  const start = Date.now();
  while (!page.saved && Date.now() - start < 5000) {
    await page.waitForTimeout(50);
  }
  check(page.saved, "the save was answered");
  const shown = mainOf(page.preview);
  const url = page.saved.url;
  if (built(url) !== shown) {
    fs.writeFileSync(path.join(out, "preview-main.html"), shown);
    throw new Error(`loa build of ${url} is not the page the preview showed: see ${out}`);
  }
}

const DAK_LAK = {
  title: "Đắk Lắk ra mắt lực lượng bảo vệ an ninh, trật tự ở cơ sở",
  date: "1/7/2024",
  typed: "dak lak",
  province: "Đắk Lắk",
  location: "TP Buôn Ma Thuột",
  summary: "Đắk Lắk, một trong 12 tỉnh làm điểm, ra mắt 2.199 Tổ bảo vệ ANTT với trên 9.000 thành viên.",
  figures: { teams: ["2.199", ""], members: ["9000", "trên"] },
  shown: "trên 9.000",
  // A photo in the text too, refused without its alt text like the lead photo.
  tools: async (page, labels) => {
    const dialog = page.locator("#d-photo");
    await page.getByRole("button", { name: labels.tool_photo, exact: true }).click();
    await page.setInputFiles("#d-photo-file", photo);
    await dialog.getByRole("button", { name: labels.image_upload }).click();
    check(
      (await page.locator("#d-photo-alt-problem").textContent()) === labels.image_alt_required,
      "a photo in the text is refused without its alt text",
    );
    await page.fill("#d-photo-alt", "Tranh minh họa: lực lượng xếp hàng trước lễ đài");
    await page.fill("#d-photo-caption", "Tranh minh họa lễ ra mắt");
    await dialog.getByRole("button", { name: labels.image_upload }).click();
    await dialog.waitFor({ state: "hidden" });
    check(
      /!\[Tranh minh họa: lực lượng xếp hàng trước lễ đài\]\([a-z0-9-]+\.jpg "Tranh minh họa lễ ra mắt"\)\n/.test(
        await page.inputValue("#f-body"),
      ),
      "the photo is uploaded and put in the text with its alt text and caption",
    );
  },
  alt: "Tranh minh họa: các hàng thành viên lực lượng đứng trước băng rôn đỏ của lễ ra mắt",
  caption: "Tranh minh họa, không phải ảnh chụp tại buổi lễ.",
  body:
    "Sáng 1/7/2024, tỉnh Đắk Lắk tổ chức lễ ra mắt lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở tại TP Buôn Ma Thuột. Tỉnh là 1 trong 12 địa phương được Bộ Công an chọn làm điểm.\n\n" +
    "## Lực lượng của tỉnh\n\nLực lượng mới được kiện toàn từ bảo vệ dân phố, Công an xã bán chuyên trách và đội dân phòng: toàn tỉnh có 2.199 Tổ bảo vệ ANTT, trên 9.000 thành viên.\n\n" +
    "Lãnh đạo Bộ Công an đề nghị tỉnh bảo đảm trang phục, chế độ và nơi làm việc cho lực lượng, coi đây là “tai, mắt” của Công an ở cơ sở. Xem thêm: ",
};

const CAN_THO = {
  title: "Cần Thơ ra mắt lực lượng tham gia bảo vệ ANTT ở cơ sở",
  date: "1/7/2024",
  typed: "can tho",
  province: "Cần Thơ",
  location: "Công viên sông Hậu, quận Ninh Kiều",
  summary: "Cần Thơ, một trong 12 địa phương làm điểm, ra mắt lực lượng với trên 3.000 thành viên.",
  figures: { members: ["3.000", "trên"], attendance: ["728", ""] },
  shown: "trên 3.000",
  // The text's other tools, from the keyboard; the video and document shortcodes.
  tools: async (page, labels) => {
    const start = (await page.inputValue("#f-body")).length;
    for (const tool of [labels.tool_heading, labels.tool_bold, labels.tool_list, labels.tool_table]) {
      await page.locator("#f-body").press("Control+End");
      await page.locator("#f-body").press("Enter");
      await page.getByRole("button", { name: tool, exact: true }).focus();
      await page.keyboard.press("Enter");
    }
    const added = (await page.inputValue("#f-body")).slice(start);
    check(
      added.includes(`## ${labels.heading_text}`) &&
        added.includes(`**${labels.bold_text}**`) &&
        added.includes(`- ${labels.list_item}`) &&
        added.includes("| --- | --- |"),
      `the heading, bold, list and table tools write their Markdown (${JSON.stringify(added)})`,
    );
    await page.getByRole("button", { name: labels.tool_video }).click();
    await page.fill("#d-video-id", "https://youtu.be/dQw4w9WgXcQ");
    await page.locator("#d-video").getByRole("button", { name: labels.insert }).click();
    const plan = path.join(out, "Kế hoạch ra mắt.pdf");
    fs.writeFileSync(plan, "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
    await page.getByRole("button", { name: labels.tool_document }).click();
    await page.setInputFiles("#d-document-file", plan);
    await page.locator("#d-document").getByRole("button", { name: labels.insert }).click();
    await page.locator("#d-document").waitFor({ state: "hidden" });
    const body = await page.inputValue("#f-body");
    check(body.includes('{{ youtube(id="dQw4w9WgXcQ") }}'), "the video's address becomes its shortcode");
    check(/\{\{ document\(src="[a-z0-9-]+\.pdf"\) \}\}/.test(body), "the document is uploaded and put in the text");
  },
  alt: "Tranh minh họa: các hàng thành viên lực lượng trước băng rôn đỏ",
  caption: "Tranh minh họa, không phải ảnh chụp tại buổi lễ ở Cần Thơ.",
  body:
    "Ngày 1/7/2024, tại Công viên sông Hậu, UBND TP Cần Thơ ra mắt lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở, một trong 12 lễ ra mắt làm điểm của cả nước.\n\n" +
    "Lực lượng hình thành từ ba lực lượng sẵn có: công an xã bán chuyên trách, bảo vệ dân phố và dân phòng. Dự lễ có 728 cá nhân nòng cốt, đại diện cho trên 3.000 thành viên. Xem thêm: ",
};

try {
  // ---- 1280 px: the Đắk Lắk article, from the list to a saved file ----
  const wide = await open(1280, 900, "");
  await wide.waitForSelector("#articles li");
  await axe(wide, "the list at 1280 px");
  await keepSource(wide, "list", "");
  await keepSource(wide, "new", "new");
  const labels = await write(wide, DAK_LAK);
  await seeInPreview(wide, DAK_LAK);
  check(await wide.locator("#pane-preview").isVisible(), "at 1280 px the preview is beside the form");
  check(!(await wide.locator("#tab-preview").isVisible()), "at 1280 px there are no tabs");
  await save(wide, labels);
  await previewed(wide);
  await wide.waitForFunction(() => {
    const photo = document.querySelector("#preview").contentDocument?.querySelector("main img");
    return photo?.complete && photo.naturalWidth > 0;
  });
  await keepSource(wide, "form", `article?path=${encodeURIComponent(new URL(wide.url()).searchParams.get("path"))}`);
  await axe(wide, "the form at 1280 px");
  await wide.evaluate(() => window.scrollTo(0, 0));
  await shot(wide, "editor-form");
  console.log("wrote, previewed and saved the Đắk Lắk article at 1280 px; the build shows it as the preview did");

  // ---- 360 px: the Cần Thơ article, the preview in a tab ----
  const phone = await open(360, 740, "");
  await phone.waitForSelector("#articles li");
  await axe(phone, "the list at 360 px");
  await write(phone, CAN_THO);
  check(!(await phone.locator("#pane-preview").isVisible()), "at 360 px the preview waits behind its tab");
  await axe(phone, "the form at 360 px");
  // From the keyboard: the arrow key moves to the other tab, its focus visible.
  await phone.getByRole("tab", { name: labels.tab_write }).focus();
  await phone.keyboard.press("ArrowRight");
  check(
    await phone.evaluate(
      () => document.activeElement.id === "tab-preview" && getComputedStyle(document.activeElement).outlineStyle !== "none",
    ),
    "the arrow key moves to the preview's tab, and the focus shows",
  );
  check(await phone.locator("#preview").isVisible(), "the tab shows the preview");
  check(!(await phone.locator("#f-title").isVisible()), "and hides the form");
  await seeInPreview(phone, CAN_THO);
  await shot(phone, "editor-phone");
  await phone.keyboard.press("ArrowLeft");
  await save(phone, labels);
  console.log("wrote, previewed in its tab and saved the Cần Thơ article at 360 px; the build shows it as the preview did");

  // ---- "Sửa bài này" on the previewed article leads back to its form ----
  const article = await open(1280, 900, "");
  await article.goto(new URL(wide.saved.url, base).href);
  await article.getByRole("link", { name: "Sửa bài này" }).click();
  await loaded(article);
  check((await article.inputValue("#f-title")) === DAK_LAK.title, "“Sửa bài này” opens the article's form");
  check(
    (await article.inputValue("#f-date")) === "1/7/2024" &&
      (await article.inputValue("#f-figure-teams")) === "2.199" &&
      (await article.inputValue("#f-figure-members")) === "9.000" &&
      (await article.inputValue("#f-figure-members-qualifier")) === "trên",
    "the saved date and figures are shown the Vietnamese way",
  );
  await article.waitForTimeout(500);
  check((await article.locator("#save-state").textContent()) === labels.all_saved, "an opened form has nothing unsaved");
  await article.close();
  console.log("the previewed article's “Sửa bài này” opened its form");

  // ---- the list: searched without tone marks, filtered, drafts and scheduled marked ----
  const list = await open(1280, 900, "");
  await list.waitForSelector("#articles li");
  await shot(list, "editor-list");
  const titles = () => list.locator("#articles li a").allTextContents();
  await list.fill("#q", "dak lak");
  check(JSON.stringify(await titles()) === JSON.stringify([DAK_LAK.title]), "“dak lak” finds the Đắk Lắk article");
  await list.fill("#q", "");
  await list.selectOption("#f-kind", "ceremony");
  check(
    JSON.stringify(await titles()) === JSON.stringify([CAN_THO.title, DAK_LAK.title]),
    "the kind filter keeps the two ceremonies, newest first",
  );
  await list.selectOption("#f-province", "Cần Thơ");
  check(JSON.stringify(await titles()) === JSON.stringify([CAN_THO.title]), "the province filter keeps Cần Thơ's");
  await list.selectOption("#f-kind", "");
  await list.selectOption("#f-province", "");
  await list.selectOption("#f-section", "tin-tuc");
  const marks = Object.fromEntries(
    await list.locator("#articles li").evaluateAll((items) =>
      items.map((item) => [
        item.querySelector("a").textContent,
        [...item.querySelectorAll(".badge")].map((badge) => badge.textContent).join(" "),
      ]),
    ),
  );
  check(
    marks["Bài hẹn giờ đăng"] === labels.scheduled &&
      marks["Bài còn nháp"] === labels.draft &&
      marks["Tổ bảo vệ ANTT ở cơ sở là gì?"] === "",
    `the scheduled article and the draft are marked, and only they (${JSON.stringify(marks)})`,
  );
  console.log("the list was searched without tone marks and filtered; drafts and scheduled articles are marked");
  await list.close();

  // ---- a conflict: the file changed on disk after the form was opened ----
  const teams = "content/tin-tuc/to-bao-ve-antt.md";
  const file = path.join(root, teams);
  const form = await open(1280, 900, `article?path=${encodeURIComponent(teams)}`);
  await loaded(form);
  const elsewhere = `${fs.readFileSync(file, "utf8")}\nMột dòng thêm bằng trình soạn thảo khác.\n`;
  fs.writeFileSync(file, elsewhere);
  await form.fill("#f-title", "Tổ bảo vệ ANTT ở cơ sở là gì? (bản sửa trong trình duyệt)");
  await form.getByRole("button", { name: labels.save, exact: true }).click();
  const dialog = form.locator("#d-conflict");
  await dialog.waitFor({ state: "visible" });
  check(
    (await form.locator("#d-conflict-disk").textContent()).includes("Một dòng thêm bằng trình soạn thảo khác."),
    "the conflict shows the file on disk",
  );
  check(
    (await form.locator("#d-conflict-mine").textContent()).includes("Nội dung về tổ bảo vệ.") &&
      (await form.locator("#d-conflict-mine mark").allTextContents()).join("") ===
        "title: Tổ bảo vệ ANTT ở cơ sở là gì? (bản sửa trong trình duyệt)\n",
    "and the officer's, the changed title marked",
  );
  check(fs.readFileSync(file, "utf8") === elsewhere, "nothing is overwritten before the officer chooses");
  await axe(form, "the conflict dialog at 1280 px");
  await dialog.getByRole("button", { name: labels.conflict_later }).click();
  check(!(await dialog.isVisible()), "keep editing closes the dialog");
  check(fs.readFileSync(file, "utf8") === elsewhere, "keep editing overwrites nothing");
  await form.locator("#f-title").press("Control+s");
  await dialog.waitFor({ state: "visible" });
  await dialog.getByRole("button", { name: labels.conflict_overwrite }).click();
  await form.waitForFunction(
    (word) => document.querySelector("#save-state").textContent.startsWith(word),
    labels.saved.split(" {")[0],
  );
  check(fs.readFileSync(file, "utf8").includes("(bản sửa trong trình duyệt)"), "overwriting when asked saves the form");
  console.log("a conflict showed both versions and overwrote only when asked");

  // ---- leaving with unsaved changes asks first ----
  await form.fill("#f-summary", "Một thay đổi chưa lưu.");
  let asked = null;
  form.once("dialog", async (prompt) => {
    asked = prompt.message();
    await prompt.dismiss();
  });
  await form.getByRole("link", { name: labels.back_to_list }).click();
  await form.waitForTimeout(300);
  check(asked === labels.leave_confirm, "a link away asks first");
  check(form.url().includes("article?path="), "and stays when the officer says no");
  let unloading = null;
  form.once("dialog", async (prompt) => {
    unloading = prompt.type();
    await prompt.dismiss();
  });
  await form.close({ runBeforeUnload: true });
  await new Promise((resolve) => setTimeout(resolve, 500));
  check(unloading === "beforeunload", "closing the tab asks first");
  // Said no to: the tab is still open, keeping its own copy; now it closes for good.
  await form.close();
  console.log("leaving with unsaved changes asked first");

  // ---- a crashed tab: its text offered back ----
  const crashed = await open(1280, 900, `article?path=${encodeURIComponent(teams)}`);
  await loaded(crashed);
  await crashed.locator("#f-body").press("Control+End");
  await crashed.locator("#f-body").pressSequentially("\nĐoạn viết dở trước khi trình duyệt tắt.");
  await crashed.waitForTimeout(3500);
  await crashed.close();
  const again = await open(1280, 900, `article?path=${encodeURIComponent(teams)}`);
  await loaded(again);
  await again.locator("#restore").waitFor({ state: "visible" });
  await again.getByRole("button", { name: labels.restore_yes }).click();
  check(
    (await again.inputValue("#f-body")).includes("Đoạn viết dở trước khi trình duyệt tắt."),
    "the text typed before the crash comes back",
  );
  check((await again.locator("#save-state").textContent()) === labels.unsaved, "and is marked unsaved");
  console.log("the text of a crashed tab was offered back");
  await again.close();

  // ---- problems beside their fields; with one, only a draft can be saved ----
  const wrong = await open(1280, 900, `article?path=${encodeURIComponent(teams)}`);
  await loaded(wrong);
  await wrong.fill("#f-date", "31/2/2024");
  await wrong.locator("#f-date").blur();
  check(
    (await wrong.locator("#f-date-problem").textContent()) === labels.date_invalid &&
      (await wrong.getAttribute("#f-date", "aria-invalid")) === "true",
    "a date that does not exist is marked at once, beside the date",
  );
  await wrong.fill("#f-date", "20/6/2024");
  await wrong.fill("#f-title", "");
  await previewed(wrong);
  check(
    (await wrong.locator("#f-title-problem").textContent()) !== "" &&
      (await wrong.getAttribute("#f-title", "aria-invalid")) === "true" &&
      (await wrong.getAttribute("#f-title", "aria-describedby")) === "f-title-problem",
    "the build's problem with the title is shown beside the title",
  );
  const before = fs.readFileSync(file, "utf8");
  await wrong.getByRole("button", { name: labels.save, exact: true }).click();
  await wrong.waitForFunction(
    (text) => document.querySelector("#save-state").textContent === text,
    labels.save_has_problems,
  );
  check(
    (await wrong.getByRole("button", { name: labels.save_draft }).isVisible()) &&
      (await wrong.evaluate(() => document.activeElement.id)) === "f-title" &&
      fs.readFileSync(file, "utf8") === before,
    "an article with a problem is not saved as published",
  );
  await wrong.getByRole("button", { name: labels.save_draft }).click();
  await wrong.waitForFunction(
    (word) => document.querySelector("#save-state").textContent.startsWith(word),
    labels.saved.split(" {")[0],
  );
  check(/^draft: true$/m.test(fs.readFileSync(file, "utf8")), "but it can be saved as a draft");
  console.log("problems showed beside their fields, and the article was saved only as a draft");
  await wrong.close();

  // ---- the draft broke the preview's build: the editor still opens, to mend it ----
  const mend = await open(1280, 900, "");
  await mend.locator("#articles li").first().waitFor();
  check(
    (await mend.locator("#status").textContent()).startsWith(labels.load_failed.split(" {")[0]),
    "the list says the site does not build",
  );
  // With no title, the article is listed by its file.
  await mend.getByRole("link", { name: "content/tin-tuc/to-bao-ve-antt.md" }).click();
  await mend.waitForFunction(() => document.querySelector("#save-state").textContent !== "");
  await mend.fill("#f-title", "Tổ bảo vệ ANTT ở cơ sở là gì?");
  await mend.getByRole("button", { name: labels.save, exact: true }).click();
  await mend.waitForFunction(
    (word) => document.querySelector("#save-state").textContent.startsWith(word),
    labels.saved.split(" {")[0],
  );
  check(
    fs.readFileSync(file, "utf8").includes("title: Tổ bảo vệ ANTT ở cơ sở là gì?\n"),
    "the file that broke the build is mended from the editor",
  );
  console.log("with the build broken, the editor still opened the article and mended it");

  // ---- a photo chosen but not uploaded goes with the save; the article becomes a bundle ----
  await mend.setInputFiles("#f-image-file", photo);
  await mend.fill("#f-image-alt", "Tranh minh họa: thành viên tổ bảo vệ ANTT");
  await mend.locator("#f-image-alt").press("Control+s");
  await mend.waitForFunction(
    (word) => document.querySelector("#save-state").textContent.startsWith(word),
    labels.saved.split(" {")[0],
  );
  const bundle = path.join(root, "content/tin-tuc/to-bao-ve-antt/index.md");
  check(!fs.existsSync(file) && fs.existsSync(bundle), "the article became a bundle for its photo");
  check(
    /^image:[\s\S]*src: [a-z0-9-]+\.jpg[\s\S]*Tranh minh họa: thành viên tổ bảo vệ ANTT/m.test(fs.readFileSync(bundle, "utf8")),
    `the photo chosen was uploaded and saved with the article (${fs.readFileSync(bundle, "utf8")})`,
  );
  check(
    new URL(mend.url()).searchParams.get("path") === "content/tin-tuc/to-bao-ve-antt/index.md",
    "the form's address follows the article into its folder",
  );
  console.log("a photo chosen but not uploaded was saved with the article, now a bundle");
  await mend.close();

} finally {
  await browser.close();
}
console.log(`axe: ${violations} violations`);
if (violations > 0) {
  process.exitCode = 1;
}
