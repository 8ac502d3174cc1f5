/* kplan site search: MiniSearch (vendor/minisearch.js) over character bigrams of every place of the site.
 *
 * search-data.js holds one document per place (a section, a measure card, a glossary entry…). Japanese has no
 * spaces between words, so the text is indexed as overlapping pairs of characters (bigrams), as Groonga does by
 * default: a query of two or more characters must have all its bigrams in a place, and then appear there as written.
 * Text and query are folded alike: NFKC (full-width Ａ/１ to A/1), lower case, katakana to hiragana.
 * Everything is local: the page makes no request beyond the site's own files, from file:// as from a web server.
 */
(function () {
  'use strict';

  var SNIPPET_BEFORE = 30; // characters of context shown before the first match
  var SNIPPET_LENGTH = 110;

  var documents = window.KPLAN_SEARCH_DOCUMENTS || [];
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');

  function toHiragana(kana) {
    return String.fromCharCode(kana.charCodeAt(0) - 0x60);
  }

  /* The folded text, and for each of its UTF-16 units the index in the original text where it came from. */
  function fold(text) {
    var out = '';
    var origin = [];
    var index = 0;
    for (var ch of text) {
      var folded = ch.normalize('NFKC').toLowerCase().replace(/[\u30a1-\u30f6]/g, toHiragana);
      for (var k = 0; k < folded.length; k++) origin.push(index);
      out += folded;
      index += ch.length;
    }
    origin.push(index);
    return { text: out, origin: origin };
  }

  /* Bigrams of each whitespace-separated word of already folded text; a one-character word stays as it is. */
  function bigrams(text) {
    var terms = [];
    text.split(/\s+/).forEach(function (word) {
      var chars = Array.from(word);
      if (chars.length === 1) terms.push(chars[0]);
      for (var i = 0; i + 1 < chars.length; i++) terms.push(chars[i] + chars[i + 1]);
    });
    return terms;
  }

  function tokenize(text) {
    return bigrams(fold(text).text);
  }

  var started = performance.now();
  var folded = documents.map(function (doc) {
    return { all: fold(doc.label + '\n' + doc.text + '\n' + doc.keywords).text, text: fold(doc.text) };
  });
  var index = new MiniSearch({
    fields: ['label', 'text', 'keywords'],
    tokenize: tokenize,
    processTerm: function (term) { return term; },
    searchOptions: {
      boost: { label: 3, keywords: 2 },
      combineWith: 'AND',
      // a one-character query matches the bigrams that start with it
      prefix: function (term) { return Array.from(term).length < 2; }
    }
  });
  index.addAll(documents);
  window.KPLAN_SEARCH_STATS = { documents: documents.length, indexMs: performance.now() - started };

  /* The places holding every word of the query, best first. */
  function search(query) {
    var words = fold(query).text.split(/\s+/).filter(Boolean);
    if (!words.length) return { words: words, hits: [] };
    var hits = index.search(words.join(' '), {
      filter: function (hit) {
        return words.every(function (word) { return folded[hit.id].all.indexOf(word) >= 0; });
      }
    });
    return { words: words, hits: hits };
  }

  /* The part of a document's text around the first match, the matches marked. */
  function snippet(doc, words) {
    var text = folded[doc.id].text;
    var first = -1;
    words.forEach(function (word) {
      var at = text.text.indexOf(word);
      if (at >= 0 && (first < 0 || at < first)) first = at;
    });
    var from = Math.max(0, first - SNIPPET_BEFORE);
    var to = Math.min(text.text.length, from + SNIPPET_LENGTH);
    var ranges = [];
    words.forEach(function (word) {
      for (var at = text.text.indexOf(word, from); at >= 0 && at < to; at = text.text.indexOf(word, at + 1)) {
        ranges.push([at, Math.min(at + word.length, to)]);
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });

    var paragraph = document.createElement('p');
    paragraph.className = 'search-snippet';
    var original = doc.text;
    var cursor = text.origin[from];
    if (from > 0) paragraph.append('…');
    ranges.forEach(function (range) {
      var start = text.origin[range[0]];
      var end = text.origin[range[1]];
      if (start < cursor) return; // overlaps the previous match
      paragraph.append(original.slice(cursor, start));
      var mark = document.createElement('mark');
      mark.textContent = original.slice(start, end);
      paragraph.append(mark);
      cursor = end;
    });
    paragraph.append(original.slice(cursor, text.origin[to]));
    if (to < text.text.length) paragraph.append('…');
    return paragraph;
  }

  function show(query) {
    var result = search(query);
    list.replaceChildren();
    result.hits.forEach(function (hit) {
      var doc = documents[hit.id];
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = doc.href;
      link.textContent = doc.label;
      var heading = document.createElement('p');
      heading.className = 'search-title';
      heading.append(link);
      item.append(heading);
      if (doc.page && doc.label.indexOf(doc.page) !== 0) {
        var page = document.createElement('p');
        page.className = 'search-page';
        page.textContent = doc.page;
        item.append(page);
      }
      item.append(snippet(doc, result.words));
      list.append(item);
    });
    // the wording comes from the page (the plan's labels), with {query} and {count} filled in
    var wording = result.words.length === 0 ? status.dataset.empty
      : result.hits.length === 0 ? status.dataset.none : status.dataset.count;
    status.textContent = (wording || '').replace('{query}', function () { return query; })
      .replace('{count}', String(result.hits.length));
  }

  var query = (new URLSearchParams(window.location.search).get('q') || '').trim();
  if (query) {
    input.value = query;
    show(query);
  }
})();
