"""The `briefings` command: `briefings inspect [--json] PATH...` shows what ingest made of files;
`briefings guesses [--json]` groups every guessed or missing field by field and value, and
`briefings confirm PATH...` writes the sidecars that settle them;
`briefings programs [--json]` lists the campaign names briefings use that programs.yml does not,
`briefings programs add NAME --description TEXT` adds one; `briefings offline --output DIR`
writes the offline bundle (DIR and DIR.zip)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from briefings.ingest import VOCABULARY_FILE, archive_files, load_vocabulary, read_briefing
from briefings.ingest.extract.programs import Vocabulary, VocabularyError
from briefings.ingest.reading import is_briefing_file
from briefings.model import ArchiveError, Briefing

JSON_KEYS = ("path", "id", "slug", "title", "city", "province", "year", "date", "source", "url",
             "programs", "discovered", "text", "warnings")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="briefings", description="Archive of municipal party-building briefings.")
    commands = parser.add_subparsers(dest="command", required=True)
    inspect = commands.add_parser("inspect", help="print the record extracted from each briefing file")
    inspect.add_argument("paths", nargs="+", metavar="PATH", help="briefing files or folders of them")
    inspect.add_argument("--json", action="store_true", help="print a JSON array of records")
    inspect.add_argument("--programs", metavar="FILE", help=f"the program vocabulary (default: the nearest {VOCABULARY_FILE})")
    offline = commands.add_parser("offline", help="build the site for reading from disk: DIR and DIR.zip")
    offline.add_argument("--output", required=True, metavar="DIR", help="the bundle's folder (replaced)")
    offline.add_argument("--config-file", default="mkdocs.yml", metavar="FILE", help="default: ./mkdocs.yml")
    offline.add_argument("--archive", metavar="DIR", help="another archive folder (default: the config's)")
    offline.add_argument("--strict", action="store_true", help="fail on any warning, as mkdocs build --strict")
    programs = commands.add_parser("programs", help="campaign names briefings use that programs.yml does not list")
    programs.add_argument("--json", action="store_true", help="print a JSON array")
    programs.add_argument("--archive", default="archive", metavar="DIR", help="default: ./archive")
    program_commands = programs.add_subparsers(dest="programs_command")
    add = program_commands.add_parser("add", help=f"append a program to {VOCABULARY_FILE}, checked as the build checks it")
    add.add_argument("name")
    add.add_argument("--alias", action="append", default=[], metavar="A", help="another way briefings write it")
    add.add_argument("--description", required=True, metavar="TEXT", help="one line in Chinese")
    add.add_argument("--archive", default="archive", metavar="DIR", help="default: ./archive")
    guesses = commands.add_parser("guesses", help="every guessed or missing field, grouped by field and value")
    guesses.add_argument("--json", action="store_true", help="print a JSON array of groups")
    guesses.add_argument("--archive", default="archive", metavar="DIR", help="default: ./archive")
    confirm = commands.add_parser("confirm", help="write sidecars that confirm (or, with --set, correct) guesses")
    confirm.add_argument("paths", nargs="+", metavar="PATH", help="briefing files or folders of them")
    confirm.add_argument("--field", action="append", default=[], metavar="F", help="only these fields (repeatable)")
    confirm.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE", help="write this value instead")
    args = parser.parse_args(argv)
    if args.command == "inspect":
        return inspect_command(args)
    if args.command == "guesses":
        return guesses_command(args)
    if args.command == "confirm":
        return confirm_command(args)
    if args.command == "programs":
        return programs_add_command(args) if args.programs_command == "add" else programs_command(args)
    if args.command == "offline":
        return offline_command(args)
    return 2  # pragma: no cover - argparse rejects unknown commands first


def inspect_command(args: argparse.Namespace) -> int:
    targets = list(_expand(Path(p) for p in args.paths))
    if not targets:
        print("briefings: no briefing files found in the given paths", file=sys.stderr)
        return 2
    try:
        vocabulary = Vocabulary.load(Path(args.programs)) if args.programs else None
    except ArchiveError as error:
        print(f"briefings: {error}", file=sys.stderr)
        return 2
    records, failed = [], False
    for path in targets:
        try:
            # the id and slug come from the archive-relative path, as the site makes them
            briefing = read_briefing(path, _archive_relative(path), vocabulary or _nearest_vocabulary(path))
            records.append({**briefing_to_json(briefing), "path": _display_path(path)})
        except ArchiveError as error:
            failed = True
            records.append({"path": _display_path(path), "error": error.problem})
    if args.json:
        _print_json(records)
    else:
        for record in records:
            print(summarise(record))
    return 1 if failed else 0


def guesses_command(args: argparse.Namespace) -> int:
    from briefings.archivist.guesses import guess_groups
    from briefings.ingest import read_archive

    root = Path(args.archive)
    if not root.is_dir():
        return _no_archive(root)
    groups = guess_groups(read_archive(root).briefings)
    if args.json:
        records = [{"field": g.field, "kind": g.kind, "value": list(g.value) if isinstance(g.value, tuple) else g.value,
                    "reason": g.reason, "files": list(g.paths)} for g in groups]
        _print_json(records)
        return 0
    for g in groups:
        value = "、".join(g.value) if isinstance(g.value, tuple) else g.value
        shown = ", ".join(g.paths[:3]) + (f" and {len(g.paths) - 3} more" if len(g.paths) > 3 else "")
        print(f"{g.field} {value if value is not None else '-'} {g.kind}, {len(g.paths)} files: {g.reason}\n    {shown}")
    guessed = sum(len(g.paths) for g in groups if g.kind == "guessed")
    print(f"{guessed} guessed fields; confirm them with: briefings confirm PATH... [--field F] [--set F=VALUE]")
    return 0


def confirm_command(args: argparse.Namespace) -> int:
    """Sidecars that confirm what is guessed now (or set --set values): the catalog is unchanged
    and the build's guesses about those fields are settled."""
    from briefings.archivist.sidecars import write_sidecar

    settings = dict(item.split("=", 1) for item in args.set if "=" in item)
    if len(settings) != len(args.set):
        print("briefings: --set takes FIELD=VALUE", file=sys.stderr)
        return 2
    failed = False
    for path in _expand(Path(p) for p in args.paths):
        relative = _archive_relative(path)
        vocabulary = _nearest_vocabulary(path)
        try:
            briefing = read_briefing(path, relative, vocabulary)
            if settings:
                values = dict(settings)
                if "programs" in values:
                    values["programs"] = [name.strip() for name in values["programs"].split(",") if name.strip()]
            else:
                fields = [w.field for w in briefing.warnings if w.kind == "guessed"]
                fields = [f for f in dict.fromkeys(fields) if not args.field or f in args.field]
                values = {f: getattr(briefing, f) for f in fields if getattr(briefing, f, None) not in (None, "", ())}
                if "city" in values:
                    values.pop("province", None)  # a city gives its province
            if not values:
                print(f"{_display_path(path)}: nothing guessed to confirm")
                continue
            sidecar = write_sidecar(path, relative, values, vocabulary)
            print(f"{_display_path(path)}: {', '.join(values)} written to {sidecar.name}")
        except ArchiveError as error:
            failed = True
            print(f"briefings: {_display_path(path)}: not written: {error.problem}", file=sys.stderr)
    return 1 if failed else 0


def programs_command(args: argparse.Namespace) -> int:
    """Discovered campaign names by the number of briefings that name them, with example files."""
    from briefings.ingest import read_archive

    root = Path(args.archive)
    if not root.is_dir():
        return _no_archive(root)
    named: dict[str, list[str]] = {}
    for briefing in read_archive(root).briefings:
        for name in briefing.discovered:
            named.setdefault(name, []).append(briefing.path)
    ranked = sorted(named.items(), key=lambda item: (-len(item[1]), item[0]))
    records = [{"name": name, "briefings": len(paths), "examples": sorted(paths)[:3]} for name, paths in ranked]
    if args.json:
        _print_json(records)
    else:
        for record in records:
            print(f"{record['briefings']:5d}  {record['name']}    e.g. {', '.join(record['examples'])}")
        print(f"{len(records)} names not in {root / VOCABULARY_FILE}; add one with: briefings programs add NAME "
              "--description TEXT")
    return 0


def programs_add_command(args: argparse.Namespace) -> int:
    """Append an entry to programs.yml after checking the whole vocabulary with it, as the build would."""
    import tempfile

    import yaml

    path = Path(args.archive) / VOCABULARY_FILE
    current = path.read_text(encoding="utf-8") if path.is_file() else ""
    entry = {"name": args.name, **({"aliases": list(args.alias)} if args.alias else {}), "description": args.description}
    block = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=1000)
    text = current + ("" if current.endswith("\n") or not current else "\n") + ("\n" if current else "") + block
    with tempfile.TemporaryDirectory() as folder:
        trial = Path(folder) / VOCABULARY_FILE
        trial.write_text(text, encoding="utf-8")
        try:
            vocabulary = Vocabulary.load(trial)
        except VocabularyError as error:  # a duplicate name, an alias another entry has ...: nothing written
            print(f"briefings: not added: {str(error).replace(str(trial), str(path))}", file=sys.stderr)
            return 1
    path.write_text(text, encoding="utf-8")
    print(f"{path}: added {args.name} ({len(vocabulary.programs)} programs)")
    return 0


def offline_command(args: argparse.Namespace) -> int:
    from briefings.offline import build_bundle

    config = Path(args.config_file)
    if not config.is_file():
        print(f"briefings: no MkDocs config at {config}", file=sys.stderr)
        return 2
    try:
        bundle = build_bundle(Path(args.output), config, args.strict, Path(args.archive) if args.archive else None)
    except RuntimeError as error:
        print(f"briefings: {error}", file=sys.stderr)
        return 1
    print(
        f"{bundle.folder}: {bundle.files} files, {bundle.folder_bytes / 1e6:.1f} MB; "
        f"{bundle.zip_path}: {bundle.zip_bytes / 1e6:.1f} MB. Open {bundle.folder / 'index.html'}"
    )
    return 0


def briefing_to_json(briefing: Briefing) -> dict:
    record = {key: getattr(briefing, key) for key in JSON_KEYS if key not in ("warnings",)}
    record["programs"] = list(briefing.programs)
    record["discovered"] = list(briefing.discovered)
    record["warnings"] = [str(warning) for warning in briefing.warnings]
    return record


def summarise(record: dict) -> str:
    if "error" in record:
        return f"{record['path']}\n  ERROR {record['error']}\n"
    place = "/".join(filter(None, (record["province"], record["city"]))) or "-"
    lines = [
        record["path"],
        f"  title     {record['title']}",
        f"  place     {place}    year {record['year'] or '-'}    date {record['date'] or '-'}",
        f"  source    {record['source'] or '-'}    {record['url'] or ''}".rstrip(),
        f"  programs  {'、'.join(record['programs']) or '-'}",
        f"  slug      {record['slug']}    id {record['id']}",
        f"  text      {len(record['text'])} characters",
    ]
    if record["discovered"]:
        lines.append(f"  new?      {'、'.join(record['discovered'])}")
    lines += [f"  warning   {warning}" for warning in record["warnings"]]
    return "\n".join(lines) + "\n"


def _expand(paths):
    for path in paths:
        if path.is_dir():
            yield from (p for p in archive_files(path) if is_briefing_file(p))
        else:
            yield path


def _no_archive(root: Path) -> int:
    print(f"briefings: no archive folder {root}", file=sys.stderr)
    return 2


def _print_json(records: list) -> None:
    json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _archive_relative(path: Path) -> str:
    """The path as the site names it: relative to the archive (the folder with programs.yml)."""
    absolute = path.absolute()  # not resolved: a linked file keeps its own name, as in the archive
    root = next((parent for parent in absolute.parents if (parent / VOCABULARY_FILE).is_file()), None)
    return absolute.relative_to(root).as_posix() if root else _display_path(path)


def _display_path(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


_vocabularies: dict[Path, Vocabulary] = {}


def _nearest_vocabulary(path: Path) -> Vocabulary:
    """The programs.yml of the archive the file is in, else ./archive/programs.yml."""
    candidates = [parent for parent in path.resolve().parents if (parent / VOCABULARY_FILE).is_file()]
    folder = candidates[0] if candidates else Path("archive").resolve()
    if folder not in _vocabularies:
        _vocabularies[folder] = load_vocabulary(folder)
    return _vocabularies[folder]


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
