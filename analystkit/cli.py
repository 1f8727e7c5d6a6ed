"""Command line: ``analystkit parse PATH... --out DIR [--format parquet|csv]``."""
from __future__ import annotations

import argparse
import logging
import sys
import warnings
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from . import __version__
from .corpus import BATCH_SIZE
from .ingest import MAX_BYTES
from .tables import TABLE_NAMES


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return number


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="analystkit",
        description="Turn news articles into tables of sources, claims and dates.",
    )
    parser.add_argument("--version", action="version", version=f"analystkit {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    parse = commands.add_parser(
        "parse",
        help="parse articles and write the tables",
        description="Parse articles (.txt .md .html .json .jsonl .csv files, or folders of them), print a "
                    "summary, and write the tables articles, sources, mentions, claims, quotes, dates, events and "
                    "errors to a folder. Inputs that cannot be read are listed in errors; the rest are parsed.",
    )
    parse.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parse.add_argument("--out", "-o", required=True, type=Path, metavar="DIR", help="folder to write the tables to")
    parse.add_argument("--format", "-f", choices=["parquet", "csv"], default="parquet", help="table file format (default: parquet)")
    parse.add_argument("--published", metavar="YYYY-MM-DD",
                       help="publication date for articles that carry none (relative dates resolve against it)")
    parse.add_argument("--max-bytes", type=int, default=MAX_BYTES, metavar="N",
                       help=f"largest article to read, in bytes: a file holding one, or one record of a JSONL, "
                            f"CSV or JSON file (default: {MAX_BYTES:,})")
    parse.add_argument("--jobs", "-j", type=_positive, default=None, metavar="N",
                       help="worker processes (default: all cores for a corpus, 1 for a handful of articles); "
                            "the tables are the same whatever N is")
    parse.add_argument("--resume", action="store_true",
                       help="finish an interrupted run into the same --out, parsing only what it had not written")
    parse.add_argument("--overwrite", action="store_true", help="replace the tables --out already holds")
    parse.add_argument("--batch-size", type=_positive, default=BATCH_SIZE, metavar="N",
                       help=f"inputs per batch, the unit written and resumed (default: {BATCH_SIZE})")
    parse.add_argument("--raw-csv", action="store_true",
                       help="with --format csv, write text cells as they are: by default a cell that a spreadsheet "
                            "would run as a formula (=, +, -, @ first) gets a leading ' (Parquet is never altered)")
    parse.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors (no progress bar)")
    report = commands.add_parser(
        "report",
        help="write a self-contained HTML report on articles",
        description="Run the report notebook (charts of who is quoted and when things happened, and the tables) "
                    "on a folder or files of articles, and write it as one HTML file that opens offline.",
    )
    report.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    report.add_argument("--out", "-o", required=True, type=Path, metavar="FILE", help="the HTML file to write")
    report.add_argument("--title", default=None, help="the report's title")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    if args.command == "report":
        return _report(args)
    from .corpus import parse_corpus, written_batches

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            # On the command line every argument is a path (a mistyped one is an error, never an article).
            run = parse_corpus([Path(p) for p in args.paths], args.out, format=args.format, published=args.published,
                               jobs=args.jobs, resume=args.resume, overwrite=args.overwrite,
                               progress=False if args.quiet else None, max_bytes=args.max_bytes,
                               batch_size=args.batch_size, safe_csv=not args.raw_csv)
        except ValueError as exc:  # a CorpusError too (an --out that holds another run, a resume that differs)
            print(f"analystkit: error: {exc}", file=sys.stderr)
            return 2
        except OSError as exc:
            print(f"analystkit: error: cannot write tables to {args.out}: {exc.strerror or exc}", file=sys.stderr)
            return 1
        except BrokenProcessPool:
            written = written_batches(args.out)
            print(f"analystkit: error: a worker process died (out of memory?); {args.out} holds the {written} "
                  "complete batch(es) written so far. Run the same command with --resume (and fewer --jobs) to "
                  "parse the rest.", file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            written = written_batches(args.out)
            print(f"\nanalystkit: interrupted; {args.out} holds the {written} complete batch(es) written so far. "
                  "Run the same command with --resume to parse the rest.", file=sys.stderr)
            return 130
    for w in caught:
        print(f"warning: {w.message}", file=sys.stderr)
    if not args.quiet:
        print(run.summary())
        print(f"tables written to {args.out}/ ({args.format}): " + ", ".join([*TABLE_NAMES, "entities"]))
    elif run.counts.get("errors"):
        for input_name, message in run.listed_errors[:20]:
            print(f"error  {input_name}: {message}", file=sys.stderr)
        if run.counts["errors"] > 20:
            print(f"error  ... and {run.counts['errors'] - 20:,} more: see the errors table", file=sys.stderr)
    # Some inputs failed: say so in the exit status, but only when nothing at all could be parsed
    # is it a failure of the run.
    return 1 if run.counts.get("articles", 0) == 0 else 0


def _report(args: argparse.Namespace) -> int:
    from . import report

    try:
        out = report.build(args.paths, args.out, title=args.title)
    except (ImportError, FileNotFoundError) as exc:
        print(f"analystkit: error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # the notebook failed: papermill says which cell and why
        print(f"analystkit: error: the report could not be built: {exc}", file=sys.stderr)
        return 1
    print(f"report written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
