/* The archive's search, in the header's search panel (overrides/partials/briefings-search.html).
 *
 * The index (built by briefings/search_index.py) is a set of small scripts under search/, each
 * calling window.__briefingsSearch.add(kind, id, data). They are loaded with <script> tags, not
 * fetch(): that works on http:// and from a folder opened with file:// alike. A query loads the
 * metadata once, then only the shards holding its keys and the documents it shows.
 *
 * Query splitting mirrors the index: Han text is cut greedily into the known names shipped in
 * meta (longest first); what is left is searched as its character pairs (all must be present);
 * Latin words and digits are searched whole. Units are ANDed, filters (city/year/program) are
 * index keys too.
 */
(function () {
  "use strict";
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g;
  var IS_HAN = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var PAGE = 10;
  var script = document.currentScript;
  // The site root: this file is <root>/assets/briefings/search.js (any host, any base path, file://).
  var root = script ? script.src.replace(/assets\/briefings\/search\.js(\?.*)?$/, "") : "./";
  // Maps without a prototype: a query or key such as "constructor" must find nothing, not Object's own.
  var store = Object.create(null);
  var loading = Object.create(null);
  function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined; }

  window.__briefingsSearch = {
    add: function (kind, id, data) { store[kind + ":" + id] = data; },
  };

  function load(kind, id, path) {
    var key = kind + ":" + id;
    if (store[key]) return Promise.resolve(store[key]);
    if (!loading[key]) {
      loading[key] = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = root + path;
        tag.async = true;
        tag.onload = function () { store[key] ? resolve(store[key]) : reject(new Error(path)); };
        tag.onerror = function () { delete loading[key]; reject(new Error(path)); };
        document.head.appendChild(tag);
      });
    }
    return loading[key];
  }

  function loadMeta() { return load("meta", 0, "search/meta.js"); }

  // Same hash as search_index.key_hash: FNV-1a over UTF-16 code units.
  function hash(text) {
    var value = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      value ^= text.charCodeAt(i);
      value = Math.imul(value, 0x01000193) >>> 0;
    }
    return value >>> 0;
  }

  function shardOf(meta, key) {
    var n = hash(key) % meta.shards;
    var name = n.toString(16);
    while (name.length < meta.width) name = "0" + name;
    return load("shard", n, "search/shard-" + name + ".js").then(function (shard) {
      return decode(own(shard, key));
    });
  }

  // "delta<<5|weight" in base 36, comma separated -> Map(doc number -> weight)
  function decode(encoded) {
    var postings = new Map();
    if (typeof encoded !== "string" || !encoded) return postings;
    var doc = 0;
    encoded.split(",").forEach(function (part) {
      var value = parseInt(part, 36);
      doc += Math.floor(value / 32);
      postings.set(doc, value % 32);
    });
    return postings;
  }

  function normalise(text) { return text.normalize("NFKC").toLowerCase(); }

  function nameIndex(meta) {
    if (!meta.byHead) {
      meta.byHead = Object.create(null);
      meta.names.slice().sort(function (a, b) { return b.length - a.length; }).forEach(function (name) {
        (meta.byHead[name.slice(0, 2)] = meta.byHead[name.slice(0, 2)] || []).push(name);
      });
    }
    return meta.byHead;
  }

  function pairs(word) {
    var out = [];
    for (var i = 0; i + 1 < word.length; i++) out.push(word.slice(i, i + 2));
    return out;
  }

  /* The query as units: {word, keys}. A name or a two-character word is one key; a longer
     stretch is all of its pairs. A lone Han character next to other units is dropped. */
  function parse(meta, query) {
    var units = [];
    var byHead = nameIndex(meta);
    function stretch(text) {
      if (text.length >= 2) units.push({ word: text, keys: pairs(text) });
      else if (text.length === 1) units.push({ word: text, keys: [], single: true });
    }
    (normalise(query).match(HAN) || []).forEach(function (run) {
      if (!IS_HAN.test(run)) return units.push({ word: run, keys: [run] });
      var pending = "";
      for (var i = 0; i < run.length; ) {
        var name = (byHead[run.slice(i, i + 2)] || []).find(function (n) { return run.startsWith(n, i); });
        if (name) {
          stretch(pending);
          pending = "";
          units.push({ word: name, keys: [name] });
          i += name.length;
        } else {
          pending += run[i];
          i += 1;
        }
      }
      stretch(pending);
    });
    var real = units.filter(function (unit) { return !unit.single; });
    return real.length ? real : units;
  }

  /* Ranked doc numbers: every unit must match; a unit scores its weight times the rarity of its keys. */
  function rank(meta, units, filters) {
    var keys = [];
    units.forEach(function (unit) { keys = keys.concat(unit.keys); });
    keys = keys.concat(filters);
    return Promise.all(keys.map(function (key) { return shardOf(meta, key); })).then(function (lists) {
      var postings = new Map();
      keys.forEach(function (key, i) { postings.set(key, lists[i]); });
      var scores = null;
      function narrow(unitScores) {
        if (scores === null) { scores = unitScores; return; }
        var next = new Map();
        scores.forEach(function (score, doc) {
          if (unitScores.has(doc)) next.set(doc, score + unitScores.get(doc));
        });
        scores = next;
      }
      units.forEach(function (unit) {
        var lists = unit.keys.map(function (key) { return postings.get(key); });
        var unitScores = new Map();
        var idf = lists.reduce(function (sum, list) { return sum + Math.log(1 + meta.docs / (list.size || 1)); }, 0) / lists.length;
        lists[0].forEach(function (weight, doc) {
          var least = weight;
          for (var i = 1; i < lists.length; i++) {
            if (!lists[i].has(doc)) return;
            least = Math.min(least, lists[i].get(doc));
          }
          unitScores.set(doc, least * idf);
        });
        narrow(unitScores);
      });
      filters.forEach(function (key) {
        var only = new Map();
        postings.get(key).forEach(function (w, doc) { only.set(doc, 0); });
        narrow(only);
      });
      // ties newest first: documents are numbered by archive path, meta.newest has each one's
      // place in the catalog's newest-first order (search/scripts.py)
      var newest = meta.newest || [];
      return Array.from(scores || new Map()).sort(function (a, b) {
        return b[1] - a[1] || (newest[a[0]] || 0) - (newest[b[0]] || 0) || a[0] - b[0];
      })
        .map(function (pair) { return pair[0]; });
    });
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function highlighter(units) {
    var words = units.map(function (unit) { return unit.word; })
      .sort(function (a, b) { return b.length - a.length; })
      .map(function (word) { return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    var pattern = words.length ? new RegExp("(" + words.join("|") + ")", "gi") : null;
    return {
      pattern: pattern,
      words: units.map(function (unit) { return unit.word; }),
      mark: function (text) {
        if (!pattern) return escapeHtml(text);
        return text.split(pattern).map(function (part, i) {
          return i % 2 ? "<mark>" + escapeHtml(part) + "</mark>" : escapeHtml(part);
        }).join("");
      },
    };
  }

  function excerpt(text, pattern) {
    var start = 0;
    if (pattern) {
      pattern.lastIndex = 0;
      var found = normalise(text).search(pattern);
      if (found > 30) start = found - 30;
    }
    return (start ? "…" : "") + text.slice(start, start + 120) + (text.length > start + 120 ? "…" : "");
  }

  function setup(panel) {
    var form = panel.querySelector("form");
    var input = form.querySelector("input[name=query]");
    var toggle = document.getElementById("__search");
    var meta_ = panel.querySelector(".md-search-result__meta");
    var list = panel.querySelector(".md-search-result__list");
    var more = panel.querySelector(".briefings-search__more");
    var selects = Array.prototype.slice.call(panel.querySelectorAll(".briefings-search__filters select"));
    var state = { run: 0, ranked: [], shown: 0, hl: null };

    function open() { if (toggle && !toggle.checked) toggle.checked = true; }

    function fillFilters(meta) {
      if (selects[0].options.length > 1) return;
      var labels = { city: "未知城市", year: "年份不详" };
      selects.forEach(function (select) {
        (meta[select.name === "city" ? "cities" : select.name + "s"] || []).forEach(function (pair) {
          var option = document.createElement("option");
          option.value = select.name + ":" + pair[0];
          option.textContent = (pair[0] === "" ? labels[select.name] : pair[0] + (select.name === "year" ? " 年" : "")) + "（" + pair[1] + "）";
          select.appendChild(option);
        });
      });
    }

    function showMore(run) {
      var slice = state.ranked.slice(state.shown, state.shown + PAGE);
      state.shown += slice.length;
      more.hidden = state.shown >= state.ranked.length;
      return loadMeta().then(function (meta) {
        var per = meta.docs_per_file;
        return Promise.all(slice.map(function (n) {
          var file = Math.floor(n / per);
          return load("docs", file, "search/docs/" + file + ".js").then(function (docs) { return docs[n % per]; });
        }));
      }).then(function (docs) {
        if (run !== state.run) return;
        docs.forEach(function (doc) {
          var item = document.createElement("li");
          item.className = "md-search-result__item";
          var where = [doc.c || "未知城市", doc.d || (doc.y ? doc.y + " 年" : "日期不详")].concat(doc.g).join(" · ");
          item.innerHTML =
            '<a class="md-search-result__link" tabindex="-1"><article class="md-search-result__article md-typeset">' +
            '<h2 class="briefings-search__title">' + state.hl.mark(doc.t) + "</h2>" +
            '<p class="briefings-search__where">' + state.hl.mark(where) + "</p>" +
            "<p>" + state.hl.mark(excerpt(doc.x, state.hl.pattern)) + "</p></article></a>";
          // ?h= carries the query's words to the page, which marks them (as Material's search.highlight does)
          item.firstChild.href = root + doc.u + (state.hl.words.length ? "?h=" + encodeURIComponent(state.hl.words.join(" ")) : "");
          list.appendChild(item);
        });
      });
    }

    function search() {
      var run = ++state.run;
      var query = input.value.trim();
      var filters = selects.map(function (s) { return s.value; }).filter(Boolean);
      var done = function () {  // tells tests and the benchmark which query the panel shows
        if (run === state.run) panel.setAttribute("data-searched", [query].concat(filters).join("|"));
      };
      panel.removeAttribute("data-searched");
      return loadMeta().then(function (meta) {
        fillFilters(meta);
        var units = query ? parse(meta, query) : [];
        if (!units.length && !filters.length) {
          list.innerHTML = "";
          more.hidden = true;
          meta_.textContent = query ? "请输入至少两个字" : "输入关键词搜索简报";
          return;
        }
        if (units.some(function (unit) { return unit.single; })) {
          list.innerHTML = "";
          more.hidden = true;
          meta_.textContent = "请输入至少两个字";
          return;
        }
        return rank(meta, units, filters).then(function (ranked) {
          if (run !== state.run) return;
          state.ranked = ranked;
          state.shown = 0;
          state.hl = highlighter(units);
          list.innerHTML = "";
          meta_.textContent = ranked.length ? "找到 " + ranked.length + " 篇简报" : "没有找到符合条件的简报";
          return showMore(run);
        });
      }).catch(function (error) {
        meta_.textContent = "搜索索引无法加载：" + error.message;
      }).then(done);
    }

    var timer = 0;
    input.addEventListener("input", function () {
      open();
      clearTimeout(timer);
      timer = setTimeout(search, 120);
    });
    input.addEventListener("focus", function () { open(); loadMeta().then(fillFilters, function () {}); });
    selects.forEach(function (select) { select.addEventListener("change", search); });
    more.addEventListener("click", function () { showMore(state.run); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      search().then(function () {
        var first = list.querySelector("a");
        if (first) window.location.href = first.href;
      });
    });
    form.addEventListener("reset", function () { setTimeout(search, 0); });
    if (toggle) {
      toggle.addEventListener("change", function () { if (toggle.checked) input.focus(); });
    }
    document.addEventListener("keydown", function (event) {
      var typing = /input|select|textarea/i.test(event.target.tagName) || event.target.isContentEditable;
      if (event.key === "Escape" && toggle && toggle.checked) {
        toggle.checked = false;
        input.blur();
      } else if (!typing && (event.key === "/" || event.key === "s") && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        open();
        input.focus();
      }
    });
    panel.briefingsSearch = search;  // for tests and the benchmark
  }

  /* A page opened from a search result (?h=words): mark the words in its text and scroll to the first. */
  function markPage() {
    var words = (new URLSearchParams(window.location.search).get("h") || "").split(/\s+/).filter(Boolean);
    var content = document.querySelector("article.md-content__inner");
    if (!words.length || !content) return;
    var pattern = highlighter(words.map(function (word) { return { word: word }; })).pattern;
    var walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentNode.closest("script, style, mark, .headerlink") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      },
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      var parts = node.nodeValue.split(pattern);
      if (parts.length < 2) return;
      var fragment = document.createDocumentFragment();
      parts.forEach(function (part, i) {
        if (!part) return;
        if (i % 2) {
          var mark = document.createElement("mark");
          mark.className = "briefings-search__hit";
          mark.textContent = part;
          fragment.appendChild(mark);
        } else {
          fragment.appendChild(document.createTextNode(part));
        }
      });
      node.parentNode.replaceChild(fragment, node);
    });
    var first = content.querySelector("mark.briefings-search__hit");
    if (first && !window.location.hash) first.scrollIntoView({ block: "center" });
  }

  function start() {
    var panel = document.querySelector(".briefings-search");
    if (panel) setup(panel);
    markPage();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
