// What every editing page shares: its words, the editor's address and token, requests to
// the editor's API, and Vietnamese text folded for search.
//
// The pages live at /__loa/edit/<token>/…: the token is read from the address rather
// than written into the page, so a page keeps no secret that the address does not.

export const labels = JSON.parse(document.getElementById("labels").textContent);

const [, base, token] = location.pathname.match(/^(.*\/edit\/([^/]+)\/)/) || ["", "/", ""];
export { base };

// A label with its `{name}` places filled from `values`.
export function say(key, values = {}) {
  return labels[key].replace(/\{(\w+)\}/g, (whole, name) =>
    name in values ? String(values[name]) : whole,
  );
}

// An answer of the API that is not a success: its status and the server's sentence.
export class Refused extends Error {
  constructor(status, answer) {
    super(answer.message || String(status));
    this.status = status;
    this.answer = answer;
  }
}

async function request(path, init) {
  let response;
  try {
    response = await fetch(base + path, { cache: "no-store", ...init });
  } catch {
    throw new Refused(0, { message: labels.no_server });
  }
  const text = await response.text();
  let answer;
  try {
    answer = JSON.parse(text);
  } catch {
    answer = { message: text.trim() || String(response.status) };
  }
  if (!response.ok) {
    throw new Refused(response.status, answer);
  }
  return answer;
}

export function get(path) {
  return request(path, {});
}

// A POST with the run's token; the browser adds the Origin the server checks.
export function post(path, body) {
  const raw = body instanceof Blob;
  return request(path, {
    method: "POST",
    headers: {
      "X-Loa-Token": token,
      "Content-Type": raw ? "application/octet-stream" : "application/json",
    },
    body: raw ? body : JSON.stringify(body),
  });
}

// What the site declares, from its last good build, and the server's sentence why the site
// does not build now, if it does not; before any build, nothing of it. The pages open
// either way, so that an officer can mend the file that broke the build.
export async function getSite() {
  try {
    const site = await get("api/site");
    return [site, site.failing ? say("load_failed", { message: site.failing }) : null];
  } catch (error) {
    const none = { sections: [], kinds: [], provinces: [], tags: [], metrics: [], qualifiers: [] };
    return [none, say("load_failed", { message: error.message })];
  }
}

// Lower case without tone marks, đ as d: what search compares, so that "dak lak" finds
// "Đắk Lắk" whether the officer's keyboard typed marks or not.
export function fold(text) {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

// 2024-07-01 as 1/7/2024, keeping a time after it; anything else as it is.
export function showDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(.*)$/.exec(iso || "");
  return m ? `${Number(m[3])}/${Number(m[2])}/${m[1]}${m[4]}` : iso || "";
}

// 1/7/2024 (or 01/07/2024, or 2024-07-01) as 2024-07-01, keeping a time after it;
// `null` for an empty text and `undefined` for one that is not a date.
export function readDate(text) {
  const value = text.trim();
  if (value === "") {
    return null;
  }
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(.*)$/.exec(value);
  if (m) {
    const [, day, month, year, rest] = m;
    const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
    return isDay(iso) ? iso + rest : undefined;
  }
  m = /^(\d{4}-\d{2}-\d{2})(.*)$/.exec(value);
  return m && isDay(m[1]) ? value : undefined;
}

function isDay(iso) {
  const day = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(iso);
}

// The address of an article's form.
export function formAddress(path) {
  return `article?path=${encodeURIComponent(path)}`;
}

// An element with attributes and children, text escaped by the DOM.
export function el(name, attributes = {}, ...children) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (key.startsWith("on")) {
      node.addEventListener(key.slice(2), value);
    } else {
      node.setAttribute(key, value === true ? "" : value);
    }
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}
