/* loa: the search page's script. No dependencies, no build step.
 *
 * Reads the index that `loa build` writes under /tim-kiem/ (src/search.rs describes its
 * files) and fetches only what a query needs: the manifest once, the postings chunk of
 * each syllable typed, and the document files of the results shown. Matching ignores
 * case and tone marks and reads đ as d, with the same rules as src/search.rs: change
 * `fold` and `tokens` only together with `scan` there.
 *
 * All text from the index reaches the page through textContent, never as HTML.
 */
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var SNIPPET_WORDS = 30;
  var WORD = /[\p{L}\p{N}\p{M}]/u;
  var MARKS = /\p{M}/gu;

  /* Lower case, tone marks and other combining marks removed, đ read as d. */
  function fold(text) {
    return text.normalize("NFD").replace(/[đĐ]/g, "d").replace(MARKS, "").toLowerCase();
  }

  function isDigit(c) {
    return c >= "0" && c <= "9";
  }

  /* The syllables of `text`: {key, start, end, joined}, `joined` when only spaces stand
   * between it and the previous syllable. start and end index `text`. */
  function tokens(text) {
    var out = [];
    var chars = Array.from(text);
    var start = -1;
    var joined = false;
    var adjacent = false;
    var previous = "";
    var at = 0;
    function emit(from, to) {
      var key = fold(text.slice(from, to)).replace(/[.,]/g, "");
      if (key) {
        out.push({ key: key, start: from, end: to, joined: joined });
        adjacent = true;
      } else {
        adjacent = false;
      }
    }
    for (var n = 0; n < chars.length; n++) {
      var c = chars[n];
      var insideNumber = start >= 0 && (c === "." || c === ",") && isDigit(previous) &&
        n + 1 < chars.length && isDigit(chars[n + 1]);
      if (WORD.test(c) || insideNumber) {
        if (start < 0) {
          start = at;
          joined = adjacent;
        }
      } else {
        if (start >= 0) {
          emit(start, at);
          start = -1;
        }
        if (c !== " " && c !== "\u00a0") {
          adjacent = false;
        }
      }
      previous = c;
      at += c.length;
    }
    if (start >= 0) {
      emit(start, at);
    }
    return out;
  }

  /* A query: `required` keys every result has, `boost` pairs that raise a result's
   * score, the `words` and phrase `pairs` to highlight, and `prefix`, the last
   * syllable while it is being typed. */
  function parseQuery(query) {
    var parsed = { required: [], boost: [], words: [], pairs: [], prefix: null, expanded: false };
    var parts = query.replace(/[“”„]/g, '"').split('"');
    var last = null;
    parts.forEach(function (part, index) {
      var quoted = index % 2 === 1;
      var found = tokens(part);
      found.forEach(function (token, i) {
        var pair = i > 0 && token.joined ? found[i - 1].key + " " + token.key : null;
        if (quoted && found.length > 1) {
          /* A phrase: each pair of syllables in it, and a syllable in no pair. */
          if (pair) {
            parsed.required.push(pair);
            parsed.pairs.push(pair);
          } else if (i + 1 >= found.length || !found[i + 1].joined) {
            parsed.required.push(token.key);
            parsed.words.push(token.key);
          }
        } else {
          parsed.required.push(token.key);
          parsed.words.push(token.key);
          if (pair) {
            parsed.boost.push(pair);
          }
        }
      });
      if (found.length) {
        last = { quoted: quoted, key: found[found.length - 1].key, index: index };
      }
    });
    /* Still typing the last syllable: no space or closing quote after it. */
    if (last && !last.quoted && last.index === parts.length - 1 && /[\p{L}\p{N}\p{M}]$/u.test(query)) {
      parsed.prefix = last.key;
      parsed.required.splice(parsed.required.lastIndexOf(last.key), 1);
    }
    parsed.required = unique(parsed.required);
    parsed.boost = unique(parsed.boost);
    parsed.pairs = unique(parsed.pairs);
    return parsed;
  }

  function unique(list) {
    return list.filter(function (item, i) {
      return list.indexOf(item) === i;
    });
  }

  /* ---- The index: fetched piece by piece, kept for the next query. ---- */

  function Index(url) {
    this.base = url.slice(0, url.lastIndexOf("/") + 1);
    this.url = url;
    this.manifest = null;
    this.chunks = new Map();
    this.lists = new Map();
    this.docs = new Map();
  }

  Index.prototype.load = function () {
    var self = this;
    if (!self.manifest) {
      self.manifest = fetchJson(self.url, { cache: "no-cache" }).then(function (manifest) {
        if (manifest.format !== 1) {
          throw new Error("unknown index format " + manifest.format);
        }
        return manifest;
      });
    }
    return self.manifest;
  };

  /* The chunk that holds `key`: the last one whose first key is not after it. */
  function chunkOf(manifest, key) {
    var low = 0;
    var high = manifest.chunks.length - 1;
    while (low < high) {
      var mid = (low + high + 1) >> 1;
      if (manifest.chunks[mid] <= key) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  Index.prototype.chunk = function (manifest, i) {
    var self = this;
    if (!self.chunks.has(i)) {
      var url = self.base + "k/" + i + ".json?v=" + manifest.version;
      self.chunks.set(i, fetchJson(url));
    }
    return self.chunks.get(i);
  };

  /* The chunks a query needs: those of its keys, and for a prefix the chunks its keys
   * may continue into (two at most: a one-letter prefix is not worth more). */
  Index.prototype.fetchFor = function (manifest, keys, prefix) {
    var self = this;
    var wanted = new Set(keys.map(function (key) {
      return chunkOf(manifest, key);
    }));
    if (prefix) {
      var first = chunkOf(manifest, prefix);
      wanted.add(first);
      if (first + 1 < manifest.chunks.length && manifest.chunks[first + 1].startsWith(prefix)) {
        wanted.add(first + 1);
      }
    }
    var order = Array.from(wanted);
    return Promise.all(order.map(function (i) {
      return self.chunk(manifest, i);
    })).then(function (loaded) {
      var byIndex = new Map();
      order.forEach(function (i, n) {
        byIndex.set(i, loaded[n]);
      });
      return byIndex;
    });
  };

  /* The postings' digits (src/search.rs, DIGITS) and their values. */
  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var VALUE = new Int8Array(128);
  for (var d = 0; d < DIGITS.length; d++) {
    VALUE[DIGITS.charCodeAt(d)] = d;
  }

  /* A key's postings as a Map from document id to its bits. Each number is written five
   * bits at a time, lowest first; a digit of 32 or more means more follow. */
  Index.prototype.list = function (chunk, key) {
    if (this.lists.has(key)) {
      return this.lists.get(key);
    }
    var text = Object.prototype.hasOwnProperty.call(chunk, key) ? chunk[key] : "";
    var map = new Map();
    var id = 0;
    var value = 0;
    var scale = 1;
    for (var n = 0; n < text.length; n++) {
      var digit = VALUE[text.charCodeAt(n) & 127];
      value += (digit & 31) * scale;
      if (digit >= 32) {
        scale *= 32;
        continue;
      }
      id += Math.floor(value / 16);
      map.set(id, value % 16);
      value = 0;
      scale = 1;
    }
    this.lists.set(key, map);
    return map;
  };

  /* A document's record, from the file of its group of `manifest.group`. */
  Index.prototype.doc = function (manifest, id) {
    var group = Math.floor(id / manifest.group);
    if (!this.docs.has(group)) {
      this.docs.set(group, fetchJson(this.base + "d/" + group + ".json?v=" + manifest.version));
    }
    return this.docs.get(group).then(function (records) {
      return records[id % manifest.group];
    });
  };

  function fetchJson(url, options) {
    return fetch(url, options).then(function (response) {
      if (!response.ok) {
        throw new Error(url + ": " + response.status);
      }
      return response.json();
    });
  }

  /* Title 100, province or place 60, body 1 to 4 by how often. */
  function weight(bits) {
    return (bits & 1 ? 100 : 0) + (bits & 2 ? 60 : 0) + 1 + (bits >> 2);
  }

  /* Ranks the documents for `query` and `filters` ({kind, province, year}): a list of
   * ids, best first, and the query as parsed. */
  Index.prototype.search = function (query, filters) {
    var self = this;
    var parsed = parseQuery(query);
    var filterKeys = [];
    if (filters.kind) filterKeys.push("#k:" + filters.kind);
    if (filters.province) filterKeys.push("#p:" + filters.province);
    if (filters.year) filterKeys.push("#y:" + filters.year);
    return self.load().then(function (manifest) {
      var keys = parsed.required.concat(parsed.boost, filterKeys);
      return self.fetchFor(manifest, keys, parsed.prefix).then(function (chunks) {
        function lookup(key) {
          return self.list(chunks.get(chunkOf(manifest, key)), key);
        }
        if (parsed.prefix !== null) {
          /* A syllable the index has is taken as typed; else as the start of one. */
          var chunk = chunks.get(chunkOf(manifest, parsed.prefix));
          if (Object.prototype.hasOwnProperty.call(chunk, parsed.prefix)) {
            parsed.required.push(parsed.prefix);
            parsed.words.push(parsed.prefix);
          } else {
            parsed.expanded = true;
          }
        }
        var sets = parsed.required.map(lookup);
        if (parsed.expanded) {
          sets.push(self.prefixList(manifest, chunks, parsed.prefix));
        }
        var filterSets = filterKeys.map(lookup);
        var boosts = parsed.boost.map(lookup);
        return { ids: rank(sets, filterSets, boosts), parsed: parsed, manifest: manifest };
      });
    });
  };

  /* The union of the postings of the syllables that start with `prefix`, at most 50. */
  Index.prototype.prefixList = function (manifest, chunks, prefix) {
    var cacheKey = "\u0000" + prefix;
    if (this.lists.has(cacheKey)) {
      return this.lists.get(cacheKey);
    }
    var union = new Map();
    var count = 0;
    var self = this;
    chunks.forEach(function (chunk) {
      Object.keys(chunk).forEach(function (key) {
        if (count >= 50 || !key.startsWith(prefix) || key.indexOf(" ") >= 0) {
          return;
        }
        count += 1;
        self.list(chunk, key).forEach(function (bits, id) {
          var before = union.get(id);
          if (before === undefined || weight(bits) > weight(before)) {
            union.set(id, bits);
          }
        });
      });
    });
    this.lists.set(cacheKey, union);
    return union;
  };

  function rank(sets, filterSets, boosts) {
    var all = sets.concat(filterSets);
    if (!all.length) {
      return [];
    }
    var smallest = all.reduce(function (a, b) {
      return a.size <= b.size ? a : b;
    });
    var scored = [];
    smallest.forEach(function (_, id) {
      for (var n = 0; n < all.length; n++) {
        if (!all[n].has(id)) {
          return;
        }
      }
      var score = 0;
      sets.forEach(function (set) {
        score += weight(set.get(id));
      });
      boosts.forEach(function (set) {
        var bits = set.get(id);
        if (bits !== undefined) {
          score += weight(bits) / 2;
        }
      });
      scored.push([score, id]);
    });
    scored.sort(function (a, b) {
      return b[0] - a[0] || a[1] - b[1];
    });
    return scored.map(function (pair) {
      return pair[1];
    });
  }

  /* ---- Showing results. ---- */

  /* Which syllables of `found` the query matched: its words, the syllables it is still
   * typing, and both syllables of each pair of a phrase. */
  function matched(found, parsed) {
    var words = new Set(parsed.words);
    var pairs = new Set(parsed.pairs);
    var marks = found.map(function (token) {
      return words.has(token.key) || (parsed.expanded && token.key.startsWith(parsed.prefix));
    });
    for (var n = 1; n < found.length; n++) {
      if (found[n].joined && pairs.has(found[n - 1].key + " " + found[n].key)) {
        marks[n - 1] = true;
        marks[n] = true;
      }
    }
    return marks;
  }

  /* `text` into `parent` as text nodes, the marked syllables in <mark>, from the
   * syllable `from` to the syllable `to` (exclusive) of `found`. */
  function highlight(parent, text, found, from, to, marks) {
    var at = from > 0 ? found[from].start : 0;
    var end = to < found.length ? found[to - 1].end : text.length;
    for (var n = from; n < to; n++) {
      var token = found[n];
      if (!marks[n]) {
        continue;
      }
      appendText(parent, text.slice(at, token.start));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(token.start, token.end);
      parent.appendChild(mark);
      at = token.end;
    }
    appendText(parent, text.slice(at, end));
  }

  function appendText(parent, text) {
    if (text) {
      parent.appendChild(document.createTextNode(text.replace(/\s+/g, " ")));
    }
  }

  /* The window of SNIPPET_WORDS syllables with the most different matched syllables. */
  function bestWindow(found, marks) {
    var best = 0;
    var bestScore = -1;
    for (var from = 0; from < found.length; from++) {
      if (!marks[from]) {
        continue;
      }
      var seen = new Set();
      var total = 0;
      for (var n = from; n < Math.min(found.length, from + SNIPPET_WORDS); n++) {
        if (marks[n]) {
          seen.add(found[n].key);
          total += 1;
        }
      }
      var score = seen.size * 1000 + total;
      if (score > bestScore) {
        bestScore = score;
        best = from;
      }
    }
    /* Some words before the first match, for context. */
    return Math.max(0, best - 5);
  }

  function snippet(text, parsed) {
    var p = document.createElement("p");
    p.className = "search-snippet";
    var found = tokens(text);
    if (!found.length) {
      return p;
    }
    var marks = matched(found, parsed);
    var from = bestWindow(found, marks);
    var to = Math.min(found.length, from + SNIPPET_WORDS);
    if (from > 0) {
      appendText(p, "… ");
    }
    highlight(p, text, found, from, to, marks);
    if (to < found.length) {
      appendText(p, " …");
    }
    return p;
  }

  function resultItem(doc, parsed) {
    var li = document.createElement("li");
    li.className = "search-result";
    var heading = document.createElement("h2");
    var link = document.createElement("a");
    link.href = doc.url;
    var title = tokens(doc.title);
    highlight(link, doc.title, title, 0, title.length, matched(title, parsed));
    heading.appendChild(link);
    li.appendChild(heading);
    var meta = document.createElement("p");
    meta.className = "meta";
    var parts = [];
    if (doc.date) {
      var time = document.createElement("time");
      time.dateTime = doc.datetime;
      time.textContent = doc.date;
      parts.push(time);
    }
    if (doc.province) parts.push(document.createTextNode(doc.province));
    if (doc.kind) parts.push(document.createTextNode(doc.kind));
    parts.forEach(function (part, n) {
      if (n > 0) appendText(meta, " · ");
      meta.appendChild(part);
    });
    li.appendChild(meta);
    li.appendChild(snippet(doc.text, parsed));
    return li;
  }

  function formatCount(n) {
    return n.toLocaleString("vi-VN");
  }

  /* ---- The page. ---- */

  var shared = null;

  /* The page's one index, so that what one query fetched serves the next. */
  function pageIndex() {
    if (!shared) {
      shared = new Index(document.getElementById("tim_kiem").getAttribute("data-index"));
    }
    return shared;
  }

  function start() {
    var form = document.getElementById("tim_kiem");
    if (!form || !window.fetch || !String.prototype.normalize) {
      return;
    }
    var input = document.getElementById("tim_kiem_q");
    var selects = {
      kind: document.getElementById("tim_kiem_loai"),
      province: document.getElementById("tim_kiem_tinh"),
      year: document.getElementById("tim_kiem_nam"),
    };
    var status = document.getElementById("tim_kiem_trang_thai");
    var list = document.getElementById("tim_kiem_ket_qua");
    var more = document.getElementById("tim_kiem_them");
    var nojs = document.getElementById("tim_kiem_khong_js");
    var index = pageIndex();
    var sequence = 0;
    var timer = null;
    var current = null;

    form.hidden = false;
    if (nojs) nojs.hidden = true;

    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    Object.keys(selects).forEach(function (name) {
      var value = params.get(name);
      if (value && selects[name].querySelector('option[value="' + CSS.escape(value) + '"]')) {
        selects[name].value = value;
      }
    });

    function filters() {
      return {
        kind: selects.kind.value,
        province: selects.province.value,
        year: selects.year.value,
      };
    }

    function remember(query, chosen) {
      var next = new URLSearchParams();
      if (query) next.set("q", query);
      Object.keys(chosen).forEach(function (name) {
        if (chosen[name]) next.set(name, chosen[name]);
      });
      var search = next.toString();
      history.replaceState(null, "", search ? "?" + search : window.location.pathname);
    }

    function run() {
      var query = input.value;
      var chosen = filters();
      var mine = ++sequence;
      remember(query.trim(), chosen);
      if (!query.trim() && !chosen.kind && !chosen.province && !chosen.year) {
        list.textContent = "";
        status.textContent = "";
        more.hidden = true;
        list.setAttribute("data-query", "|||");
        return;
      }
      var started = performance.now();
      list.setAttribute("aria-busy", "true");
      index.search(query, chosen).then(function (result) {
        if (mine !== sequence) return;
        list.setAttribute("data-ms", String(Math.round(performance.now() - started)));
        /* What the list shows, for tests and tools that wait for it. */
        list.setAttribute("data-query", [query, chosen.kind, chosen.province, chosen.year].join("|"));
        current = { ids: result.ids, shown: 0, parsed: result.parsed, manifest: result.manifest };
        list.textContent = "";
        var label = query.trim() ? " cho «" + query.trim() + "»" : "";
        status.textContent = result.ids.length
          ? "Có " + formatCount(result.ids.length) + " bài" + label + "."
          : "Không tìm thấy bài nào" + label + ". Hãy thử bớt từ hoặc bỏ bộ lọc.";
        return showMore(mine);
      }).catch(function () {
        if (mine !== sequence) return;
        status.textContent = "Không tải được chỉ mục tìm kiếm. Hãy thử lại sau.";
      }).then(function () {
        if (mine === sequence) list.removeAttribute("aria-busy");
      });
    }

    function showMore(mine) {
      var page = current.ids.slice(current.shown, current.shown + PAGE_SIZE);
      current.shown += page.length;
      more.hidden = current.shown >= current.ids.length;
      return Promise.all(page.map(function (id) {
        return index.doc(current.manifest, id);
      })).then(function (docs) {
        if (mine !== sequence) return;
        docs.forEach(function (doc) {
          list.appendChild(resultItem(doc, current.parsed));
        });
      });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 120);
    });
    Object.keys(selects).forEach(function (name) {
      selects[name].addEventListener("change", run);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      run();
    });
    more.addEventListener("click", function () {
      showMore(sequence);
    });
    if (input.value || params.get("kind") || params.get("province") || params.get("year")) {
      run();
    }
  }

  /* For tests and for anyone measuring: the same folding and ranking the page uses. */
  window.loaSearch = {
    fold: fold,
    tokens: function (text) {
      return tokens(text).map(function (t) {
        return [t.key, t.joined];
      });
    },
    parse: parseQuery,
    query: function (query, filters) {
      return pageIndex().search(query, filters || {}).then(function (r) {
        return r.ids;
      });
    },
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
