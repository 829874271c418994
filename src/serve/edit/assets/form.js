// The form of one article: its fields filled from api/article, the preview refreshed as
// the officer types, problems shown beside their fields, saving, a conflict with the file
// on disk, and never losing an edit (a prompt before leaving, a copy in localStorage).
//
// What is sent is always the whole of F: a field the officer did not touch goes back as
// it came, so that the server keeps its text byte for byte.

import { combobox } from "./combobox.js";
import { toolbar } from "./body.js";
import {
  el,
  fold,
  formAddress,
  get,
  getSite,
  labels,
  post,
  readDate,
  say,
  showDate,
} from "./common.js";

const $ = (id) => document.getElementById(id);
const input = {
  title: $("f-title"),
  date: $("f-date"),
  kind: $("f-kind"),
  province: $("f-province"),
  location: $("f-location"),
  tags: $("f-tags"),
  summary: $("f-summary"),
  asOf: $("f-as-of"),
  originName: $("f-origin-name"),
  originUrl: $("f-origin-url"),
  motto: $("f-motto"),
  starts: $("f-starts"),
  ends: $("f-ends"),
  imageFile: $("f-image-file"),
  imageAlt: $("f-image-alt"),
  imageCaption: $("f-image-caption"),
  draft: $("f-draft"),
  slug: $("f-slug"),
  body: $("f-body"),
};
const DATES = [input.date, input.asOf, input.starts, input.ends];
// How often the text is copied into the browser's storage, in milliseconds: a crash
// loses at most this much typing.
const KEEP_EVERY = 3000;
// How long typing must pause before the preview is asked for, in milliseconds.
const PREVIEW_AFTER = 400;
// When the preview is asked for again after a save, in milliseconds: a photo's sizes are
// made by the rebuild that follows the save, so a photo added since the last save shows
// only then.
const REBUILT_AFTER = 1500;

let path = new URLSearchParams(location.search).get("path") || "";
let version = "";
let site;
let articles = [];
// F as the server gave it: what the form does not show is sent back from here.
let original = {};
let imageSrc = null;
let tags = [];
let baseline = "";
let leaving = false;
let serverProblems = [];

const storageKey = () => `loa-edit:${path}`;
const value = (text) => (text.trim() === "" ? null : text);
const time = (at) =>
  new Date(at).toLocaleTimeString(document.documentElement.lang, {
    hour: "2-digit",
    minute: "2-digit",
  });

// ---- fields: F into the form and back ----

function figureInputs() {
  return [...document.querySelectorAll("#figures [data-metric]")];
}

function buildFigures() {
  const figures = $("figures");
  for (const metric of site.metrics) {
    const id = `f-figure-${metric.key}`;
    const qualifier = el(
      "select",
      { id: `${id}-qualifier`, "aria-label": `${labels.qualifier}: ${metric.label}` },
      el("option", { value: "" }, labels.qualifier_exact),
      ...site.qualifiers.map((q) => el("option", { value: q }, q)),
    );
    const box = el("input", {
      id,
      "data-metric": metric.key,
      "data-decimals": metric.decimals || 0,
      "data-field": `stats.figures.${metric.key}`,
      inputmode: metric.decimals ? "decimal" : "numeric",
      autocomplete: "off",
      "aria-describedby": `stats-help ${id}-problem`,
    });
    figures.append(
      el(
        "div",
        { class: "field figure" },
        el("label", { for: id }, metric.label),
        el("span", { class: "figure-row" }, qualifier, box, metric.unit ? el("span", { class: "unit" }, metric.unit) : null),
        el("p", { id: `${id}-problem`, class: "problem" }),
      ),
    );
  }
}

// A figure as an officer writes it in Vietnamese (2.199, 4,6) as the file writes it.
function figureValue(text, decimals) {
  let figure = text.replace(/\s/g, "");
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(figure)) {
    figure = figure.replace(/\./g, "");
  }
  return decimals ? figure.replace(",", ".") : figure;
}

// A figure as the file writes it (2199, 4.6) the Vietnamese way: 2.199, 4,6.
function showFigure(raw, decimals) {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(String(raw));
  if (!m) {
    return String(raw);
  }
  const whole = m[1].replace(/\B(?=(\d{3})+$)/g, ".");
  if (m[2] === undefined) {
    return whole;
  }
  // A count written with a point is a slip the build names; it is shown as written.
  return decimals ? `${whole},${m[2]}` : String(raw);
}

function fillDate(box, iso) {
  box.value = showDate(iso);
  $(`${box.id}-pick`).value = (iso || "").slice(0, 10);
}

function readBoxDate(box) {
  const iso = readDate(box.value);
  return iso === undefined ? box.value.trim() : iso;
}

function fill(fields, body) {
  original = structuredClone(fields);
  input.title.value = fields.title || "";
  fillDate(input.date, fields.date);
  if (fields.kind && ![...input.kind.options].some((o) => o.value === fields.kind)) {
    input.kind.append(el("option", { value: fields.kind }, fields.kind));
  }
  input.kind.value = fields.kind || "";
  input.province.value = fields.province || "";
  input.location.value = fields.location || "";
  tags = [...(fields.tags || [])];
  showTags();
  input.summary.value = fields.summary || "";
  const stats = fields.stats || {};
  fillDate(input.asOf, stats.as_of);
  input.originName.value = stats.origin?.name || "";
  input.originUrl.value = stats.origin?.url || "";
  for (const box of figureInputs()) {
    const figure = stats.figures?.[box.dataset.metric];
    const decimals = Number(box.dataset.decimals);
    box.value = figure ? showFigure(figure.value, decimals) : "";
    box.dataset.shown = box.value;
    $(`${box.id}-qualifier`).value = figure?.qualifier || "";
  }
  input.motto.value = fields.campaign?.motto || "";
  fillDate(input.starts, fields.campaign?.starts);
  fillDate(input.ends, fields.campaign?.ends);
  imageSrc = fields.image?.src || null;
  input.imageAlt.value = fields.image?.alt || "";
  input.imageCaption.value = fields.image?.caption || "";
  showImage();
  input.draft.checked = Boolean(fields.draft);
  input.slug.value = fields.slug || "";
  input.body.value = body;
  showCampaign();
  showHeading();
}

function collectStats() {
  const before = original.stats;
  const figures = { ...(before?.figures || {}) };
  for (const box of figureInputs()) {
    const key = box.dataset.metric;
    const qualifier = $(`${box.id}-qualifier`).value || null;
    if (box.value.trim() === "") {
      delete figures[key];
    } else if (box.value === box.dataset.shown && figures[key]) {
      figures[key] = { ...figures[key], qualifier };
    } else {
      figures[key] = { value: figureValue(box.value, Number(box.dataset.decimals)), qualifier };
    }
  }
  const name = value(input.originName.value);
  const stats = {
    as_of: readBoxDate(input.asOf),
    origin: name ? { name, url: value(input.originUrl.value) } : null,
    figures,
  };
  const empty = !stats.as_of && !stats.origin && Object.keys(figures).length === 0;
  if (empty && JSON.stringify(stats) !== JSON.stringify(before)) {
    return null;
  }
  return stats;
}

function collectCampaign() {
  const campaign = {
    motto: input.motto.value,
    starts: readBoxDate(input.starts),
    ends: readBoxDate(input.ends),
  };
  const empty = !campaign.motto.trim() && !campaign.starts && !campaign.ends;
  return empty && !original.campaign ? null : campaign;
}

function collect() {
  return {
    ...original,
    title: input.title.value,
    date: readBoxDate(input.date),
    kind: input.kind.value || null,
    province: value(input.province.value),
    location: value(input.location.value),
    tags: [...tags],
    summary: value(input.summary.value),
    stats: collectStats(),
    campaign: collectCampaign(),
    image: imageSrc
      ? { src: imageSrc, alt: input.imageAlt.value, caption: value(input.imageCaption.value) }
      : null,
    draft: input.draft.checked,
    slug: value(input.slug.value),
  };
}

const snapshot = () => JSON.stringify({ fields: collect(), body: input.body.value });
const dirty = () => baseline !== "" && snapshot() !== baseline;

// ---- what the officer sees change ----

function slugOf(title) {
  return fold(title)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function showHeading() {
  const title = input.title.value.trim() || path;
  $("heading").textContent = say("edit_title", { title });
  document.title = `${say("edit_title", { title })} · ${labels.editor}`;
  const help = say("slug_help", { slug: slugOf(input.title.value) || "…" });
  const url = $("view").dataset.url;
  $("f-slug-help").textContent = url ? `${help} ${say("address", { url })}` : help;
}

function showCampaign() {
  $("campaign").hidden = input.kind.value !== "campaign" && !original.campaign;
}

function showImage() {
  $("image-current").hidden = !imageSrc;
  $("image-src").textContent = imageSrc ? say("image_current", { src: imageSrc }) : "";
}

function showTags() {
  $("f-tags-chosen").replaceChildren(
    ...tags.map((tag, index) =>
      el(
        "li",
        {},
        el("span", {}, tag),
        el(
          "button",
          {
            type: "button",
            "aria-label": say("tag_remove", { tag }),
            onclick: () => {
              tags.splice(index, 1);
              showTags();
              input.tags.focus();
              changed();
            },
          },
          "×",
        ),
      ),
    ),
  );
}

function showSaveState(text) {
  $("save-state").textContent = text;
}

// ---- problems beside their fields ----

// The box a problem's field names: `stats.figures.teams.value` is shown at the figure's
// box, `tags.2` at the tags.
function boxOf(field) {
  let name = field || "";
  while (name) {
    const box = document.querySelector(`[data-field="${CSS.escape(name)}"]`);
    if (box) {
      return box;
    }
    name = name.includes(".") ? name.slice(0, name.lastIndexOf(".")) : "";
  }
  return null;
}

function localProblems() {
  return DATES.filter((box) => readDate(box.value) === undefined).map((box) => ({
    field: box.dataset.field,
    message: labels.date_invalid,
    severity: "error",
  }));
}

function describe(problem) {
  const at =
    problem.line && problem.field === "body"
      ? ` (${say("problem_at", { line: problem.line, column: problem.column || 1 })})`
      : "";
  const note = problem.severity === "warning" ? `${labels.warning}: ` : "";
  return note + problem.message + at;
}

function showProblems() {
  for (const box of document.querySelectorAll("[data-field]")) {
    box.removeAttribute("aria-invalid");
    const place = $(`${box.id}-problem`);
    if (place) {
      place.textContent = "";
    }
  }
  const all = [...localProblems(), ...serverProblems];
  const items = [];
  for (const problem of all) {
    const box = boxOf(problem.field);
    const place = box && $(`${box.id}-problem`);
    if (place) {
      place.textContent = [place.textContent, describe(problem)].filter(Boolean).join(" ");
      if (problem.severity !== "warning") {
        box.setAttribute("aria-invalid", "true");
      }
    }
    const text = describe(problem);
    items.push(el("li", {}, place ? el("a", { href: `#${box.id}` }, text) : text));
  }
  $("problems-list").replaceChildren(...items);
  $("problems").hidden = items.length === 0;
  // A published article must have none; a draft may.
  const errors = all.some((problem) => problem.severity !== "warning");
  $("save-draft").hidden = !errors || input.draft.checked;
}

// ---- the preview ----

let previewTimer;
let previewAsked = 0;

async function preview() {
  const asked = ++previewAsked;
  try {
    const shown = await post("api/preview", { path, fields: collect(), body: input.body.value });
    if (asked !== previewAsked) {
      return;
    }
    const frame = $("preview");
    const scrolled = frame.contentWindow?.scrollY || 0;
    frame.addEventListener("load", () => frame.contentWindow?.scrollTo(0, scrolled), { once: true });
    frame.srcdoc = shown.html;
    serverProblems = shown.problems || [];
    $("preview-state").textContent = "";
    showProblems();
  } catch (error) {
    if (asked === previewAsked) {
      $("preview-state").textContent = say("preview_failed", { message: error.message });
    }
  }
}

function changed() {
  showHeading();
  showCampaign();
  if (baseline) {
    showSaveState(dirty() ? labels.unsaved : labels.all_saved);
  }
  clearTimeout(previewTimer);
  previewTimer = setTimeout(preview, PREVIEW_AFTER);
}

// ---- saving ----

function moved(to) {
  if (to && to !== path) {
    const kept = localStorage.getItem(storageKey());
    localStorage.removeItem(storageKey());
    path = to;
    if (kept) {
      localStorage.setItem(storageKey(), kept);
    }
    history.replaceState(null, "", formAddress(path));
  }
}

function showUrl(url) {
  $("view").dataset.url = url || "";
  $("view").href = url || "/";
  showHeading();
}

async function save(asDraft) {
  // A photo chosen but not uploaded yet would be lost with the form: it goes first.
  if (input.imageFile.files.length && !(await uploadLead())) {
    return;
  }
  if (asDraft) {
    input.draft.checked = true;
  }
  showSaveState(labels.saving);
  const fields = collect();
  const body = input.body.value;
  try {
    const saved = await post("api/save", { path, version, fields, body });
    moved(saved.path);
    version = saved.version;
    original = structuredClone(fields);
    baseline = snapshot();
    localStorage.removeItem(storageKey());
    serverProblems = saved.problems || [];
    showProblems();
    showUrl(saved.url);
    showSaveState(say("saved", { time: time(Date.now()) }));
    setTimeout(preview, REBUILT_AFTER);
  } catch (error) {
    if (error.status === 409 && error.answer.conflict) {
      showSaveState(error.message);
      conflict(error.answer.conflict, fields, body);
    } else if (error.status === 422) {
      serverProblems = error.answer.problems || [];
      showProblems();
      showSaveState(labels.save_has_problems);
      // The keyboard goes where the first thing to fix is.
      document.querySelector('#form [aria-invalid="true"]')?.focus();
    } else {
      showSaveState(say("save_failed", { message: error.message }));
    }
  }
}

// Both texts, each line that the other lacks marked.
function showVersion(pre, text, other) {
  const theirs = new Set(other.split("\n"));
  pre.replaceChildren(
    ...text.split("\n").map((line) => (theirs.has(line) ? `${line}\n` : el("mark", {}, `${line}\n`))),
  );
}

// The officer's version written the way the file on disk is, to be read beside it: the
// fields in the order and the plain form an officer would type them. Only for the eyes;
// what saving writes keeps the file's own text for what did not change.
function asFile(fields, body) {
  const lines = ["---"];
  const put = (key, value, indent = "") => {
    if (value !== null && value !== undefined && value !== "") {
      lines.push(`${indent}${key}: ${value}`);
    }
  };
  const inline = (object) =>
    `{ ${Object.entries(object)
      .filter(([, value]) => value !== null && value !== "")
      .map(([key, value]) => `${key}: ${value}`)
      .join(", ")} }`;
  for (const key of ["title", "date", "kind", "province", "location"]) {
    put(key, fields[key]);
  }
  if (fields.tags.length) {
    put("tags", `[${fields.tags.join(", ")}]`);
  }
  put("summary", fields.summary);
  if (fields.stats) {
    lines.push("stats:");
    put("as_of", fields.stats.as_of, "  ");
    put("origin", fields.stats.origin && inline(fields.stats.origin), "  ");
    for (const [metric, figure] of Object.entries(fields.stats.figures)) {
      put(metric, figure.qualifier ? `${figure.qualifier} ${figure.value}` : figure.value, "  ");
    }
  }
  if (fields.campaign) {
    lines.push("campaign:");
    for (const key of ["motto", "starts", "ends"]) {
      put(key, fields.campaign[key], "  ");
    }
  }
  put("image", fields.image && inline(fields.image));
  put("slug", fields.slug);
  if (fields.draft) {
    put("draft", "true");
  }
  lines.push("---");
  return `${lines.join("\n")}\n${body}`;
}

function conflict(disk, fields, body) {
  const dialog = $("d-conflict");
  const mine = asFile(fields, body);
  showVersion($("d-conflict-mine"), mine, disk.text);
  showVersion($("d-conflict-disk"), disk.text, mine);
  $("d-conflict-overwrite").onclick = () => {
    dialog.close();
    version = disk.version;
    save(false);
  };
  $("d-conflict-reload").onclick = () => {
    leaving = true;
    localStorage.removeItem(storageKey());
    location.reload();
  };
  $("d-conflict-later").onclick = () => dialog.close();
  dialog.showModal();
}

// ---- never lose an edit ----

// A copy of what is not saved yet; none once the form is as saved again, unless an older
// copy is still being offered back.
function keep() {
  if (dirty()) {
    localStorage.setItem(
      storageKey(),
      JSON.stringify({ version, fields: collect(), body: input.body.value, at: Date.now() }),
    );
  } else if (baseline && $("restore").hidden) {
    localStorage.removeItem(storageKey());
  }
}

function offerKept() {
  let kept;
  try {
    kept = JSON.parse(localStorage.getItem(storageKey()) || "null");
  } catch {
    kept = null;
  }
  if (!kept || JSON.stringify({ fields: kept.fields, body: kept.body }) === baseline) {
    return;
  }
  const region = $("restore");
  $("restore-text").textContent = say("restore", {
    time: `${time(kept.at)} ${showDate(new Date(kept.at).toISOString().slice(0, 10))}`,
  });
  region.hidden = false;
  $("restore-yes").onclick = () => {
    fill(kept.fields, kept.body);
    version = kept.version;
    region.hidden = true;
    input.title.focus();
    changed();
  };
  $("restore-no").onclick = () => {
    localStorage.removeItem(storageKey());
    region.hidden = true;
    input.title.focus();
  };
}

window.addEventListener("beforeunload", (event) => {
  if (!leaving && dirty()) {
    event.preventDefault();
    event.returnValue = "";
  }
});

document.addEventListener("click", (event) => {
  const link = event.target.closest("a[href]");
  if (!link || link.getAttribute("href").startsWith("#") || !dirty()) {
    return;
  }
  if (window.confirm(labels.leave_confirm)) {
    leaving = true;
  } else {
    event.preventDefault();
  }
});

// ---- wiring ----

function tabs() {
  const panes = $("panes");
  const all = [$("tab-write"), $("tab-preview")];
  const choose = (tab) => {
    for (const one of all) {
      const chosen = one === tab;
      one.setAttribute("aria-selected", String(chosen));
      one.tabIndex = chosen ? 0 : -1;
    }
    panes.dataset.tab = tab === all[0] ? "write" : "preview";
  };
  for (const tab of all) {
    tab.addEventListener("click", () => choose(tab));
    tab.addEventListener("keydown", (event) => {
      if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
        const other = all[1 - all.indexOf(tab)];
        choose(other);
        other.focus();
      }
    });
  }
}

function dates() {
  for (const box of DATES) {
    const pick = $(`${box.id}-pick`);
    pick.addEventListener("change", () => {
      const clock = (readDate(box.value) || "").slice(10);
      box.value = showDate(pick.value + (pick.value ? clock : ""));
      changed();
    });
    box.addEventListener("input", () => {
      pick.value = (readDate(box.value) || "").slice(0, 10);
    });
    box.addEventListener("change", showProblems);
  }
}

function provinces() {
  const choices = site.provinces.map((p) => ({
    value: p.name,
    text: p.name,
    keys: [fold(p.name), ...p.keys],
  }));
  const put = (choice) => {
    input.province.value = choice.value;
    changed();
  };
  combobox(input.province, { choices: () => choices, pick: put, empty: labels.province_none });
  // "dak lak" and Tab: the one province with that spelling, in its own.
  input.province.addEventListener("change", () => {
    const typed = fold(input.province.value);
    const exact = choices.filter((c) => c.keys.includes(typed));
    if (exact.length === 1 && exact[0].value !== input.province.value) {
      put(exact[0]);
    }
  });
}

function tagBox() {
  const add = (tag) => {
    const known = site.tags.find((t) => fold(t.name) === fold(tag));
    const name = known ? known.name : tag;
    if (!tags.some((t) => fold(t) === fold(name))) {
      tags.push(name);
      showTags();
      changed();
    }
    input.tags.value = "";
  };
  combobox(input.tags, {
    choices: () =>
      site.tags
        .filter((t) => !tags.some((chosen) => fold(chosen) === fold(t.name)))
        .map((t) => ({ value: t.name, text: t.name, keys: [fold(t.name)] })),
    pick: (choice) => add(choice.value),
    typed: add,
  });
}

async function upload(file) {
  const sent = await post(
    `api/upload?path=${encodeURIComponent(path)}&name=${encodeURIComponent(file.name)}`,
    file,
  );
  moved(sent.path);
  return sent;
}

function problemAt(box, message) {
  $(`${box.id}-problem`).textContent = message;
  box.setAttribute("aria-invalid", "true");
  box.focus();
}

// Uploads the lead photo chosen, once it has its alt text; false (and why, beside the
// field) when it cannot.
async function uploadLead() {
  for (const box of [input.imageFile, input.imageAlt]) {
    box.removeAttribute("aria-invalid");
    $(`${box.id}-problem`).textContent = "";
  }
  const file = input.imageFile.files[0];
  if (!file) {
    problemAt(input.imageFile, labels.need_file);
    return false;
  }
  if (!input.imageAlt.value.trim()) {
    problemAt(input.imageAlt, labels.image_alt_required);
    return false;
  }
  showSaveState(labels.uploading);
  try {
    const sent = await upload(file);
    imageSrc = sent.src;
    input.imageFile.value = "";
    showImage();
    showSaveState(say("uploaded", { src: sent.src }));
    changed();
    return true;
  } catch (error) {
    problemAt(input.imageFile, error.message);
    showSaveState("");
    return false;
  }
}

function leadPhoto() {
  $("image-upload").addEventListener("click", uploadLead);
  $("image-remove").addEventListener("click", () => {
    imageSrc = null;
    showImage();
    input.imageFile.focus();
    changed();
  });
}

async function start() {
  let article;
  let unbuilt;
  try {
    [[site, unbuilt], { articles }, article] = await Promise.all([
      getSite(),
      get("api/articles"),
      get(`api/article?path=${encodeURIComponent(path)}`),
    ]);
  } catch (error) {
    $("heading").textContent = say("load_failed", { message: error.message });
    return;
  }
  for (const kind of site.kinds) {
    input.kind.append(el("option", { value: kind.value }, kind.label));
  }
  buildFigures();
  tabs();
  dates();
  provinces();
  tagBox();
  leadPhoto();
  toolbar({
    body: input.body,
    articles: () => articles.filter((a) => a.path !== path),
    upload,
  });
  version = article.version;
  fill(article.fields, article.body);
  showUrl(article.url);
  baseline = snapshot();
  serverProblems = article.problems || [];
  showProblems();
  showSaveState(unbuilt || labels.all_saved);
  $("form").addEventListener("input", changed);
  $("form").addEventListener("submit", (event) => event.preventDefault());
  $("save").addEventListener("click", () => save(false));
  $("save-draft").addEventListener("click", () => save(true));
  document.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
      event.preventDefault();
      save(false);
    }
  });
  offerKept();
  setInterval(keep, KEEP_EVERY);
  preview();
}

start();
