// The list of the site's articles and pages: newest first as the API gives them, searched
// by title without tone marks, filtered by section, kind and province.

import { el, fold, formAddress, get, getSite, labels, say, showDate } from "./common.js";

// The most articles listed at once: a site of ten thousand stays quick to search, and a
// narrower search shows the rest.
const LISTED = 200;

const search = document.getElementById("q");
const section = document.getElementById("f-section");
const kind = document.getElementById("f-kind");
const province = document.getElementById("f-province");
const status = document.getElementById("status");
const list = document.getElementById("articles");

function fill(select, options) {
  for (const [value, text] of options) {
    select.append(el("option", { value }, text));
  }
}

const isIndex = (article) => /(^|\/)_index\.md$/.test(article.path);
// An article that names no kind is news, as the build takes it.
const kindOf = (article) => article.kind || (isIndex(article) ? null : "news");

function item(article, sectionTitles, kindLabels) {
  const marks = [];
  if (article.draft) {
    marks.push(el("span", { class: "badge draft" }, labels.draft));
  }
  if (article.scheduled) {
    marks.push(el("span", { class: "badge scheduled" }, labels.scheduled));
  }
  const section = sectionTitles.get(article.section) || article.section || null;
  const kind = isIndex(article) ? labels.section_page : kindLabels.get(kindOf(article)) || kindOf(article);
  const facts = [
    article.date ? el("time", { datetime: article.date.slice(0, 10) }, showDate(article.date)) : null,
    section,
    // "Tin tức · Tin tức" says it once.
    kind === section ? null : kind,
    article.province,
  ].filter(Boolean);
  const meta = el("p", { class: "meta" });
  facts.forEach((fact, index) => meta.append(index ? " · " : "", fact));
  return el(
    "li",
    {},
    el("a", { href: formAddress(article.path), class: "title" }, article.title || article.path),
    " ",
    ...marks,
    meta,
  );
}

async function start() {
  let site;
  let unbuilt;
  let articles;
  try {
    [[site, unbuilt], { articles }] = await Promise.all([getSite(), get("api/articles")]);
  } catch (error) {
    status.textContent = say("load_failed", { message: error.message });
    return;
  }
  const sectionTitles = new Map(site.sections.map((s) => [s.dir, s.title]));
  const kindLabels = new Map(site.kinds.map((k) => [k.value, k.label]));
  fill(section, site.sections.map((s) => [s.dir, s.title]));
  fill(kind, site.kinds.map((k) => [k.value, k.label]));
  const named = [...new Set(articles.map((a) => a.province).filter(Boolean))];
  named.sort((a, b) => a.localeCompare(b, "vi"));
  fill(province, named.map((name) => [name, name]));
  const folded = articles.map((article) => fold(article.title || ""));
  const show = () => {
    const words = fold(search.value);
    const shown = articles.filter(
      (article, index) =>
        folded[index].includes(words) &&
        (!section.value || article.section === section.value) &&
        (!kind.value || kindOf(article) === kind.value) &&
        (!province.value || article.province === province.value),
    );
    const listed = shown.slice(0, LISTED);
    list.replaceChildren(...listed.map((a) => item(a, sectionTitles, kindLabels)));
    const number = (n) => n.toLocaleString(document.documentElement.lang);
    const found = shown.length
      ? say("shown", { shown: number(listed.length), total: number(shown.length) })
      : labels.none_found;
    status.textContent = unbuilt ? `${unbuilt} ${found}` : found;
  };
  for (const control of [search, section, kind, province]) {
    control.addEventListener("input", show);
  }
  document.getElementById("filters").addEventListener("submit", (event) => event.preventDefault());
  show();
}

start();
