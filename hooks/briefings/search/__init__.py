"""The archive's own search index: small script files a page loads on demand (http:// and file://).

Why not Material's search: its one search_index.json is ~33 KB a briefing (33 MB at 1,000, all
loaded on the first query) and its query splitter mangles Chinese queries of three characters
or more. Why not jieba here: it cuts ~300,000 characters a second, 10 s per 1,000 briefings
(more than the whole rendering); character bigrams plus a scan for known names cost a tenth.

What a document is indexed under (its keys):
- every pair of adjacent Han characters (bigrams): a word of two characters is one key, a longer
  word is found as all of its bigrams;
- every known name of three characters or more found in it (places of the gazetteer, programs
  and their aliases): names stay whole, so 星级党支部 or 驻马店市 are exact keys;
- lowercased Latin/digit words;
- its facets: "city:驻马店市", "year:2021", "program:星级党支部创建" (the filters are keys too).
Each posting has a weight: occurrences in the body (1-3) plus boosts for the title and for the
city/province/program names, so a briefing about 菏泽 outranks one that mentions it.

Files (POSIX paths under the site root), each calling window.__briefingsSearch.add(kind, id, data):
- search/meta.js        doc count, shard count, the known names (the query splitter's
                        dictionary), the filter values with counts;
- search/shard-XXX.js   the postings of the keys whose FNV-1a hash falls in that shard;
- search/docs/N.js      documents 8N to 8N+7: url, title, city, year, date, programs, text head.
A query loads meta once, the shards of its keys and the documents it shows.

Speed. A document's keys (~0.6 ms: pairs counted as ints read from its UTF-32 encoding, names
counted where their first two characters occur) depend only on its title, text and boosted
names, the known names and this module; a SearchKeyCache keeps them by content across builds
(files under the cache folder, and memory under `mkdocs serve`), and when many are missing (a
first build) worker processes compute them, one a CPU. Postings are delta-encoded in base 36 as
they are collected (one pass, no list of ints). The files are the same, byte for byte, with or
without the cache, in parallel or not (tests/unit/test_search_index.py compares them with the
straightforward implementation). 10,000 briefings: ~8 s cold, ~4 s warm or +1 (was ~25 s).
Under `mkdocs serve` the last build's index is kept and patched where documents changed
(incremental.py: one briefing added at 10,000, 0.8 s instead of 2.3 s).
"""
