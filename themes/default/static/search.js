/* loa: the search page's script. No dependencies, no build step.
 *
 * Reads the index that `loa build` writes under /tim-kiem/ (src/search/mod.rs describes
 * its files) and fetches only what a query needs: the manifest once, the postings chunk
 * of each key, and the records of the results shown. Matching ignores case and
 * tone marks and reads đ as d, with the same rules as src/search/tokens.rs: change
 * `fold` and `tokens` only together with `scan` there. A query is read for what it
 * names (provinces, sections, kinds from the manifest's `names`; dates) before its
 * letters: see `parseQuery` and `weight`.
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

  /* Dates written the Vietnamese way, most precise first: 1/7/2024, 7/2024 (or
   * "tháng 7 năm 2024"), 2024 (or "năm 2024"). Each becomes the filter key of its day,
   * month or year; the words "ngày", "tháng", "năm" before it go with it. */
  var EDGE_BEFORE = "(?<![\\p{L}\\p{N}])";
  var EDGE_AFTER = "(?![\\p{L}\\p{N}])";
  var DATES = [
    [new RegExp(EDGE_BEFORE + "(?:ngày\\s+|ngay\\s+)?(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*((?:19|20)\\d\\d)" + EDGE_AFTER, "giu"), "d"],
    [new RegExp(EDGE_BEFORE + "(?:tháng\\s+|thang\\s+)?(\\d{1,2})\\s*(?:[/.-]|\\s+năm\\s+|\\s+nam\\s+)\\s*((?:19|20)\\d\\d)" + EDGE_AFTER, "giu"), "m"],
    [new RegExp(EDGE_BEFORE + "(?:năm\\s+|nam\\s+)?((?:19|20)\\d\\d)" + EDGE_AFTER, "giu"), "y"],
  ];

  function two(n) {
    return (n < 10 ? "0" : "") + n;
  }

  /* The dates of `text` as {key, year}, and the text without them. A day or month that
   * cannot be is left as text. */
  function takeDates(text, found) {
    DATES.forEach(function (rule) {
      text = text.replace(rule[0], function (whole, a, b, c) {
        var key = null;
        if (rule[1] === "d" && +b >= 1 && +b <= 12 && +a >= 1 && +a <= 31) {
          key = "#d:" + c + "-" + two(+b) + "-" + two(+a);
        } else if (rule[1] === "m" && +a >= 1 && +a <= 12) {
          key = "#m:" + b + "-" + two(+a);
        } else if (rule[1] === "y") {
          key = "#y:" + a;
          found.push({ key: key, words: [a], kind: "time" });
          return "\n";
        }
        if (!key) {
          return whole;
        }
        found.push({ key: key, words: [], kind: "time" });
        return "\n";
      });
    });
    return text;
  }

  /* Words that only say what kind of place a province name is. */
  var PLACE_WORDS = ["tinh", "tp", "thanh pho"];

  /* A query, read with the `names` of the index (folded name -> filter key):
   * - `concepts`: what it names: {key, words, kind ("place", "time", "section"), fuzzy};
   *   an article with the key is favoured; one with all `words` matches too;
   * - `words`: syllables every result has; `pairs`: two of them side by side in the
   *   query, which raise a result that has them side by side too;
   * - `phrases`: quoted phrases, as lists of syllables, matched side by side and in order;
   * - `prefix`: the last syllable while it is being typed. */
  function parseQuery(query, names) {
    var parsed = { concepts: [], words: [], pairs: [], phrases: [], prefix: null,
      prefixPair: null, expanded: false, fuzzy: [] };
    var parts = query.normalize("NFC").replace(/[“”„]/g, '"').split('"');
    var free = [];
    parts.forEach(function (part, index) {
      if (index % 2 === 1) {
        var phrase = tokens(part).map(function (t) { return t.key; });
        if (phrase.length > 1) {
          parsed.phrases.push(phrase);
        } else if (phrase.length) {
          parsed.words.push({ key: phrase[0], exact: true });
        }
        free.push(null);
        return;
      }
      var rest = takeDates(part, parsed.concepts);
      tokens(rest).forEach(function (token) {
        free.push(token);
      });
      free.push(null);
    });
    /* Still typing the last syllable: no space or closing quote after it. */
    var typing = parts.length % 2 === 1 && /[\p{L}\p{N}\p{M}]$/u.test(query);
    var longest = 1;
    (names || new Map()).forEach(function (_, name) {
      longest = Math.max(longest, name.split(" ").length);
    });
    var previousWord = null;
    for (var i = 0; i < free.length;) {
      if (!free[i]) {
        previousWord = null;
        i += 1;
        continue;
      }
      var concept = names ? nameAt(free, i, longest, names) : null;
      if (concept) {
        if (concept.key.startsWith("#p:")) {
          dropPlaceWords(parsed, concept.start);
        }
        parsed.concepts.push(concept);
        previousWord = null;
        i += concept.words.length;
        continue;
      }
      var token = free[i];
      var isLast = i === free.length - 2 && free[free.length - 1] === null;
      if (typing && isLast) {
        parsed.prefix = token.key;
        if (previousWord && token.joined) {
          parsed.prefixPair = previousWord.key + " " + token.key;
        }
      } else {
        parsed.words.push({ key: token.key, exact: false, at: i });
        if (previousWord && token.joined) {
          parsed.pairs.push(previousWord.key + " " + token.key);
        }
      }
      previousWord = token;
      i += 1;
    }
    parsed.words = uniqueBy(parsed.words);
    parsed.pairs = unique(parsed.pairs);
    return parsed;
  }

  /* The name that starts at free[i], the longest first; else one a letter away
   * (two syllables or more, six letters or more: "dak lac" for "dak lak"). */
  function nameAt(free, i, longest, names) {
    var fuzzy = null;
    for (var length = Math.min(longest, free.length - i); length >= 1; length--) {
      var span = free.slice(i, i + length);
      if (span.some(function (t) { return !t; })) {
        continue;
      }
      var words = span.map(function (t) { return t.key; });
      var name = words.join(" ");
      if (names.has(name)) {
        return { key: names.get(name), words: words, kind: kindOf(names.get(name)), fuzzy: false, start: i };
      }
      if (!fuzzy && length > 1 && name.length >= 6) {
        names.forEach(function (key, known) {
          if (!fuzzy && known.split(" ").length === length && near(known, name)) {
            fuzzy = { key: key, words: known.split(" "), typed: words, kind: kindOf(key), fuzzy: true, start: i };
          }
        });
      }
    }
    return fuzzy;
  }

  function kindOf(key) {
    return key.startsWith("#p:") ? "place" : "section";
  }

  /* "tỉnh", "TP" or "thành phố" typed just before a province's name. */
  function dropPlaceWords(parsed, start) {
    PLACE_WORDS.forEach(function (place) {
      var words = place.split(" ");
      var from = start - words.length;
      var typed = parsed.words.slice(-words.length);
      if (typed.length === words.length && typed.every(function (w, n) {
        return w.key === words[n] && w.at === from + n;
      })) {
        parsed.words.splice(parsed.words.length - words.length, words.length);
        parsed.pairs = parsed.pairs.filter(function (pair) {
          return pair !== place;
        });
      }
    });
  }

  /* Whether `a` and `b` differ by one letter at most: one changed, added, dropped, or
   * two side by side swapped. */
  function near(a, b) {
    if (Math.abs(a.length - b.length) > 1) {
      return false;
    }
    var i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (i === a.length && i === b.length) return true;
    var ra = a.slice(i + 1);
    var rb = b.slice(i + 1);
    return ra === rb || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i) ||
      (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }

  function unique(list) {
    return list.filter(function (item, i) {
      return list.indexOf(item) === i;
    });
  }

  function uniqueBy(words) {
    var seen = new Set();
    return words.filter(function (word) {
      if (seen.has(word.key)) return false;
      seen.add(word.key);
      return true;
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
    this.wholes = new Map();
    this.probing = new Map();
    this.answered = new Set();
  }

  Index.prototype.load = function () {
    var self = this;
    if (!self.manifest) {
      self.manifest = fetchJson(self.url, { cache: "no-cache" }).then(function (manifest) {
        if (manifest.format !== 4) {
          throw new Error("unknown index format " + manifest.format);
        }
        manifest.names = new Map(manifest.names);
        self.count = manifest.docs;
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
    if (text.charAt(0) === "~") {
      this.lists.set(key, dense(text));
      return this.lists.get(key);
    }
    if (text.charAt(0) === "^") {
      this.lists.set(key, common(text, this.count));
      return this.lists.get(key);
    }
    var map = text.charAt(0) === "!" ? present(text) : new Map();
    var from = text.charAt(0) === "!" ? text.indexOf("!", 1) + 1 : 0;
    var id = 0;
    var value = 0;
    var scale = 1;
    for (var n = from; n < text.length; n++) {
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

  /* The dense form: two bits a document, three documents a digit: 0 absent, 1 in the
   * body, 2 in the province or place, 3 in the title; as bits: 0, 2 and 1. */
  var LEVEL_BITS = [0, 0, 2, 1];

  function dense(text) {
    var map = new Map();
    for (var n = 1; n < text.length; n++) {
      var digit = VALUE[text.charCodeAt(n) & 127];
      for (var k = 0; k < 3; k++) {
        var level = (digit >> (2 * k)) & 3;
        if (level) {
          map.set((n - 1) * 3 + k, LEVEL_BITS[level]);
        }
      }
    }
    return map;
  }

  /* The common form: the level of most of the `count` documents, then each other
   * document as its distance from the previous one, times 4, plus its level. */
  function common(text, count) {
    var levels = new Uint8Array(count).fill(VALUE[text.charCodeAt(1) & 127]);
    var id = 0;
    var value = 0;
    var scale = 1;
    for (var n = 2; n < text.length; n++) {
      var digit = VALUE[text.charCodeAt(n) & 127];
      value += (digit & 31) * scale;
      if (digit >= 32) {
        scale *= 32;
        continue;
      }
      id += Math.floor(value / 4);
      levels[id] = value % 4;
      value = 0;
      scale = 1;
    }
    var map = new Map();
    for (var at = 0; at < count; at++) {
      if (levels[at]) {
        map.set(at, LEVEL_BITS[levels[at]]);
      }
    }
    return map;
  }

  /* The present form: one bit a document, six documents a digit, up to the second
   * `!`; after it, the sparse form of those with the key in the title or place. */
  function present(text) {
    var map = new Map();
    var end = text.indexOf("!", 1);
    for (var n = 1; n < end; n++) {
      var digit = VALUE[text.charCodeAt(n) & 127];
      for (var k = 0; k < 6; k++) {
        if ((digit >> k) & 1) {
          map.set((n - 1) * 6 + k, 0);
        }
      }
    }
    return map;
  }

  /* A document's record, read alone out of its pack (src/search/mod.rs, `pack`): from
   * the pack's header only the ends of the record before it and of its own, then the
   * record's bytes. */
  Index.prototype.doc = function (manifest, id) {
    var self = this;
    if (!self.docs.has(id)) {
      var pack = Math.floor(id / manifest.pack);
      var slot = id % manifest.pack;
      var header = manifest.pack * END_DIGITS + 1;
      var from = Math.max(0, slot - 1) * END_DIGITS;
      var ends = self.bytes(manifest, pack, from, (slot + 1) * END_DIGITS).then(function (bytes) {
        var read = [];
        for (var at = 0; at < bytes.length; at += END_DIGITS) {
          var end = 0;
          for (var k = 0; k < END_DIGITS; k++) {
            end = end * 64 + VALUE[bytes[at + k] & 127];
          }
          read.push(end);
        }
        return slot === 0 ? [0, read[0]] : read;
      });
      self.docs.set(id, ends.then(function (ends) {
        return self.bytes(manifest, pack, header + ends[0], header + ends[1]);
      }).then(function (bytes) {
        return JSON.parse(DECODER.decode(bytes));
      }));
    }
    return self.docs.get(id);
  };

  /* Digits of a record's end in a pack's header, six bits each, most significant first. */
  var END_DIGITS = 5;
  var DECODER = new TextDecoder();

  /* Bytes `from` to `to` (exclusive) of a pack, with a Range request. A server that
   * answers with the whole file instead is taken at its word: the whole pack is kept
   * and read from. Until the first request to a pack is answered, the others wait for
   * it, so that such a server sends each pack once. */
  Index.prototype.bytes = function (manifest, pack, from, to) {
    var self = this;
    if (self.wholes.has(pack)) {
      return self.wholes.get(pack).then(function (whole) {
        return whole.subarray(from, to);
      });
    }
    if (self.probing.has(pack)) {
      return self.probing.get(pack).then(function () {
        return self.bytes(manifest, pack, from, to);
      });
    }
    var url = self.base + "d/" + pack + ".txt?v=" + manifest.version;
    var request = fetch(url, { headers: { Range: "bytes=" + from + "-" + (to - 1) } }).then(function (response) {
      if (!response.ok) {
        throw new Error(url + ": " + response.status);
      }
      var body = response.arrayBuffer().then(function (buffer) {
        return new Uint8Array(buffer);
      });
      if (response.status === 206) {
        return body;
      }
      if (!self.wholes.has(pack)) {
        self.wholes.set(pack, body);
      }
      return self.wholes.get(pack).then(function (whole) {
        return whole.subarray(from, to);
      });
    });
    if (!self.answered.has(pack)) {
      self.probing.set(pack, request.catch(function () {}).then(function () {
        self.probing.delete(pack);
        self.answered.add(pack);
      }));
    }
    return request;
  };

  function fetchJson(url, options) {
    return fetch(url, options).then(function (response) {
      if (!response.ok) {
        throw new Error(url + ": " + response.status);
      }
      return response.json();
    });
  }

  /* A syllable's worth to a result: in the title 1000, in the province or place 600,
   * in the body 1 to 4 by how often. Two syllables of the query side by side in the
   * result add 50 (500 in the title): more than any difference of how often, so that
   * words side by side outrank the same words scattered. What the query names
   * outweighs all words: its province or date 100,000, its section or kind 20,000. */
  function weight(bits) {
    return (bits & 1 ? 1000 : 0) + (bits & 2 ? 600 : 0) + 1 + (bits >> 2);
  }

  function pairWeight(bits) {
    return (bits & 1 ? 500 : 0) + (bits & 2 ? 300 : 0) + 50;
  }

  var NAMED = { place: 100000, time: 100000, section: 20000 };

  /* The keys a parsed query needs. */
  function keysOf(parsed, filterKeys) {
    var keys = filterKeys.slice();
    parsed.words.forEach(function (w) { keys.push(w.key); });
    parsed.concepts.forEach(function (c) {
      keys.push(c.key);
      keys = keys.concat(c.words, c.typed || []);
      if (c.words.length > 1) keys.push(c.words.join(" "));
    });
    parsed.phrases.forEach(function (phrase) {
      for (var n = 1; n < phrase.length; n++) keys.push(phrase[n - 1] + " " + phrase[n]);
    });
    if (parsed.prefixPair) keys.push(parsed.prefixPair);
    return unique(keys.concat(parsed.pairs));
  }

  /* Ranks the documents for `query` and `filters` ({kind, province, year, section}): a
   * list of ids, best first, and the query as parsed. */
  Index.prototype.search = function (query, filters) {
    var self = this;
    var filterKeys = [];
    if (filters.kind) filterKeys.push("#k:" + filters.kind);
    if (filters.province) filterKeys.push("#p:" + filters.province);
    if (filters.year) filterKeys.push("#y:" + filters.year);
    if (filters.section) filterKeys.push("#s:" + filters.section);
    return self.load().then(function (manifest) {
      var parsed = parseQuery(query, manifest.names);
      var keys = keysOf(parsed, filterKeys);
      return self.fetchFor(manifest, keys, parsed.prefix).then(function (chunks) {
        function lookup(key) {
          return self.list(chunks.get(chunkOf(manifest, key)), key);
        }
        var needs = [];
        if (parsed.prefix !== null) {
          /* A syllable the index has is taken as typed; else as the start of one. */
          var chunk = chunks.get(chunkOf(manifest, parsed.prefix));
          if (Object.prototype.hasOwnProperty.call(chunk, parsed.prefix)) {
            parsed.words.push({ key: parsed.prefix, exact: false });
            if (parsed.prefixPair) parsed.pairs.push(parsed.prefixPair);
          } else {
            parsed.expanded = true;
            needs.push(scoreWords(self.prefixList(manifest, chunks, parsed.prefix), 1));
          }
        }
        parsed.words.forEach(function (word) {
          var list = lookup(word.key);
          if (!list.size && !word.exact && word.key.length >= 4) {
            list = self.nearList(chunks.get(chunkOf(manifest, word.key)), word.key, parsed);
            needs.push(scoreWords(list, 0.25));
          } else {
            needs.push(scoreWords(list, 1));
          }
        });
        parsed.concepts.forEach(function (concept) {
          needs.push(conceptScores(concept, lookup));
        });
        parsed.phrases.forEach(function (phrase) {
          var lists = [];
          for (var n = 1; n < phrase.length; n++) lists.push(lookup(phrase[n - 1] + " " + phrase[n]));
          needs.push(allOf(lists, pairWeight));
        });
        filterKeys.forEach(function (key) {
          needs.push(scoreWords(lookup(key), 0));
        });
        var boosts = parsed.pairs.map(lookup);
        return { ids: rank(needs, boosts), parsed: parsed, manifest: manifest };
      });
    });
  };

  /* Each document of `list` with its words' worth, times `factor`. */
  function scoreWords(list, factor) {
    var scores = new Map();
    list.forEach(function (bits, id) {
      scores.set(id, weight(bits) * factor);
    });
    return scores;
  }

  /* The documents in every one of `lists`, each with the sum of `worth` over them. */
  function allOf(lists, worth) {
    var scores = new Map();
    if (!lists.length) return scores;
    var smallest = lists.reduce(function (a, b) { return a.size <= b.size ? a : b; });
    smallest.forEach(function (_, id) {
      var total = 0;
      for (var n = 0; n < lists.length; n++) {
        var bits = lists[n].get(id);
        if (bits === undefined) return;
        total += worth(bits);
      }
      scores.set(id, total);
    });
    return scores;
  }

  /* What a query names: the articles with its key, favoured, and those with all its
   * words in their text. A name a letter away counts half, and the words as typed
   * still find what holds them: "ninh thuan" is a letter from "binh thuan". */
  function conceptScores(concept, lookup) {
    var scores = allOf(concept.words.map(lookup), weight);
    if (concept.typed) {
      allOf(concept.typed.map(lookup), weight).forEach(function (score, id) {
        scores.set(id, Math.max(score, scores.get(id) || 0));
      });
    }
    if (concept.words.length > 1) {
      lookup(concept.words.join(" ")).forEach(function (bits, id) {
        if (scores.has(id)) scores.set(id, scores.get(id) + pairWeight(bits));
      });
    }
    var bonus = NAMED[concept.kind] / (concept.fuzzy ? 2 : 1);
    lookup(concept.key).forEach(function (_, id) {
      scores.set(id, (scores.get(id) || 0) + bonus);
    });
    return scores;
  }

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

  /* For a syllable the index lacks: the union of those a letter away from it in its
   * chunk (a mistyped first letter is not looked for). */
  Index.prototype.nearList = function (chunk, typed, parsed) {
    var union = new Map();
    var self = this;
    Object.keys(chunk).forEach(function (key) {
      if (key.indexOf(" ") >= 0 || key.charAt(0) === "#" || !near(key, typed)) {
        return;
      }
      parsed.fuzzy.push(key);
      self.list(chunk, key).forEach(function (bits, id) {
        var before = union.get(id);
        if (before === undefined || weight(bits) > weight(before)) {
          union.set(id, bits);
        }
      });
    });
    return union;
  };

  /* The documents every need has, by the sum of their scores and the pairs they hold
   * side by side, best first; equal scores in the site's order, newest first. */
  function rank(needs, boosts) {
    if (!needs.length) {
      return [];
    }
    var smallest = needs.reduce(function (a, b) {
      return a.size <= b.size ? a : b;
    });
    var scored = [];
    smallest.forEach(function (_, id) {
      var score = 0;
      for (var n = 0; n < needs.length; n++) {
        var worth = needs[n].get(id);
        if (worth === undefined) {
          return;
        }
        score += worth;
      }
      boosts.forEach(function (list) {
        var bits = list.get(id);
        if (bits !== undefined) {
          score += pairWeight(bits);
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

  /* Whether `doc` holds each quoted phrase, its syllables side by side and in order:
   * the index's pairs cannot tell "a b c" from "a b" and "b c" apart. */
  function holdsPhrases(doc, phrases) {
    if (!phrases.some(function (p) { return p.length > 2; })) {
      return true;
    }
    var texts = [doc.title, doc.text || "", doc.province || ""].map(tokens);
    return phrases.every(function (phrase) {
      return texts.some(function (found) {
        for (var start = 0; start + phrase.length <= found.length; start++) {
          var n = 0;
          while (n < phrase.length && found[start + n].key === phrase[n] &&
            (n === 0 || found[start + n].joined)) {
            n++;
          }
          if (n === phrase.length) return true;
        }
        return false;
      });
    });
  }

  /* ---- Showing results. ---- */

  /* Which syllables of `found` the query matched: its words and the names it holds,
   * the syllables it is still typing, and the syllables of its phrases side by side. */
  function matched(found, parsed) {
    var words = new Set(parsed.fuzzy);
    parsed.words.forEach(function (word) {
      words.add(word.key);
    });
    parsed.concepts.forEach(function (concept) {
      concept.words.concat(concept.typed || []).forEach(function (word) {
        words.add(word);
      });
    });
    var pairs = new Set();
    parsed.phrases.forEach(function (phrase) {
      for (var n = 1; n < phrase.length; n++) pairs.add(phrase[n - 1] + " " + phrase[n]);
    });
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
      section: document.getElementById("tim_kiem_muc"),
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
        section: selects.section.value,
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
      var shown = [query, chosen.kind, chosen.province, chosen.year, chosen.section].join("|");
      if (!query.trim() && !chosen.kind && !chosen.province && !chosen.year && !chosen.section) {
        list.textContent = "";
        status.textContent = "";
        more.hidden = true;
        list.setAttribute("data-query", shown);
        return;
      }
      var started = performance.now();
      list.setAttribute("aria-busy", "true");
      index.search(query, chosen).then(function (result) {
        if (mine !== sequence) return;
        list.setAttribute("data-ms", String(Math.round(performance.now() - started)));
        /* What the list shows, for tests and tools that wait for it. */
        current = { ids: result.ids, next: 0, dropped: 0, parsed: result.parsed,
          manifest: result.manifest, shown: shown,
          label: query.trim() ? say("forQuery", { query: query.trim() }) : "" };
        list.textContent = "";
        list.removeAttribute("data-first");
        return showMore(mine).then(function () {
          if (mine === sequence) list.setAttribute("data-query", shown);
        });
      }).catch(function (error) {
        if (mine !== sequence) return;
        status.textContent = say("failed", {});
        list.setAttribute("data-query", shown);
        /* For whoever looks at the console: what went wrong. */
        console.error(error);
      }).then(function () {
        if (mine === sequence) list.removeAttribute("aria-busy");
      });
    }

    /* How many results, said once a page of them is shown: "up to" while a quoted
     * phrase of three syllables or more is not yet checked in every result. */
    function tell() {
      var count = current.ids.length - current.dropped;
      var unsure = current.next < current.ids.length &&
        current.parsed.phrases.some(function (p) { return p.length > 2; });
      var values = { count: formatCount(count), query: current.label };
      status.textContent = say(count ? (unsure ? "foundUpTo" : "found") : "none", values);
    }

    /* A sentence of the status line, as the template wrote it in its data-* attribute,
     * with {count} and {query} filled in. */
    function say(name, values) {
      return (status.dataset[name] || "").replace(/\{(count|query)\}/g, function (_, key) {
        return values[key] || "";
      });
    }

    /* The next page of results: the next PAGE_SIZE documents that hold the query's
     * phrases, fetched a page at a time. */
    function showMore(mine) {
      var added = 0;
      function step() {
        var left = PAGE_SIZE - added;
        if (left <= 0 || current.next >= current.ids.length) {
          more.hidden = current.next >= current.ids.length;
          tell();
          return Promise.resolve();
        }
        var page = current.ids.slice(current.next, current.next + left);
        current.next += page.length;
        return Promise.all(page.map(function (id) {
          return index.doc(current.manifest, id);
        })).then(function (docs) {
          if (mine !== sequence) return;
          docs.forEach(function (doc) {
            if (holdsPhrases(doc, current.parsed.phrases)) {
              list.appendChild(resultItem(doc, current.parsed));
              added += 1;
            } else {
              current.dropped += 1;
            }
          });
          if (added) {
            /* For tests and tools: the list shows its query's first results. */
            list.setAttribute("data-first", current.shown);
          }
          return step();
        });
      }
      return step();
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
    if (input.value || Object.keys(selects).some(function (name) { return params.get(name); })) {
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
