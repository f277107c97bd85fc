"""Validate every RSS and Atom feed of a built site with the W3C feed validator.

The validator is not a package: bring its public source (https://github.com/w3c/feedvalidator,
Python 3; it needs lxml, html5lib and rdflib) and point --validator at its src/ folder:

    git clone https://github.com/w3c/feedvalidator /tmp/feedvalidator
    pip install html5lib rdflib
    python tests/tools/w3c_feeds.py --validator /tmp/feedvalidator/src site/

Each feed is validated as if served from its public address (its rel="self" link), at the
validator's "AA" level (what the online validator reports). Prints each problem and a tally;
exits 1 when any feed has an error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lxml import etree

ATOM = "{http://www.w3.org/2005/Atom}"


def self_link(path: Path) -> str:
    root = etree.parse(str(path)).getroot()
    for link in root.iter(f"{ATOM}link"):
        if link.get("rel") == "self":
            return link.get("href")
    raise SystemExit(f"{path}: no rel=self link")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--validator", required=True, type=Path, help="the feedvalidator checkout's src/ folder")
    parser.add_argument("site", type=Path)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(args.validator))
    import feedvalidator
    from feedvalidator import compatibility
    from feedvalidator.formatter.text_plain import Formatter

    feeds = sorted(p for p in args.site.rglob("*.xml") if p.name in ("feed.xml", "atom.xml"))
    failed, counts = 0, {"feeds": len(feeds), "errors": 0, "warnings": 0}
    for path in feeds:
        with path.open("rb") as stream:
            events = feedvalidator.validateStream(stream, firstOccurrenceOnly=1, base=self_link(path))["loggedEvents"]
        errors = compatibility.AA(events)
        warnings = [e for e in events if e not in errors and isinstance(e, feedvalidator.logging.Warning)]
        counts["errors"] += len(errors)
        counts["warnings"] += len(warnings)
        if errors:
            failed += 1
        for line in Formatter(errors + warnings):
            print(f"{path.relative_to(args.site)}: {line}")
    print(f"{counts['feeds']} feeds: {failed} with errors; {counts['errors']} errors, {counts['warnings']} warnings")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
