"""Each locale is its own MkDocs build in its own process: starting them, staging folders, and moving results in.

A build process learns its locale from ``GLOSSARY_TOOL_LOCALE``; ``python -m glossary_tool.site.locale_builds`` runs one.
"""

from __future__ import annotations

import argparse
import contextvars
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from glossary_tool.core.config import Locale, Settings
from glossary_tool.core.progress import FD_ENV
from glossary_tool.site.build_cache import CACHE_ENV
from glossary_tool.site.exports import EXPORTS_ENV
from glossary_tool.site.run_mode import RunMode

if TYPE_CHECKING:
    from glossary_tool.site.state import LocaleState

LOCALE_ENV = "GLOSSARY_TOOL_LOCALE"
# What `glossary-tool build` hands its locale builds, and nothing else may: the build cache, the downloads made once.
HANDED = (CACHE_ENV, EXPORTS_ENV)
WRITE_FAILED = 3  # a build's exit status when the file system refused a write; its last line of output says why


@dataclass
class BuildRequest:
    """A build of one locale asked for in this process (by ``serve``); the plugin hands back its state."""

    locale: str
    state: LocaleState | None = None


# The build asked for in the current context: serve builds every locale in one process, one after the other.
REQUEST: contextvars.ContextVar[BuildRequest | None] = contextvars.ContextVar("glossary_build_request", default=None)


def build_locale_of(settings: Settings, environ: dict[str, str] | None = None) -> tuple[str, RunMode]:
    """This build's locale and how it was started: by ``serve`` in this process, by ``build`` in another, or as a
    plain ``mkdocs build``, which builds the first locale and starts the others."""
    request = REQUEST.get()
    if request is not None and request.locale in settings.locale_codes:
        return request.locale, RunMode.SERVE
    env = os.environ if environ is None else environ
    code = env.get(LOCALE_ENV)
    if code and code in settings.locale_codes:
        return code, RunMode.BUILD
    return settings.locales[0].code, RunMode.MKDOCS


def root_url(site_url: str | None) -> str:
    """The site's root URL, ending in one slash; each locale's site is this plus its prefix."""
    return (site_url or "/").rstrip("/") + "/"


@dataclass
class LocaleBuild:
    """Another locale's build under way: its process, the folder it writes, and where that goes when it succeeds.

    Its output goes to an unnamed temporary file, never a pipe: a pipe that nobody reads while the parent polls
    fills (64 KB on Linux) and the build then waits on it for ever, however much lint has to say."""

    code: str
    process: subprocess.Popen[bytes]
    staging: Path
    final: Path
    output: IO[bytes] | None = None  # None: the process's own pipes, read by communicate()

    def stop(self) -> None:
        """Kill the build and delete what it wrote."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.communicate()
        if self.output is not None:
            self.output.close()
        shutil.rmtree(self.staging, ignore_errors=True)

    def wait(self) -> str | None:
        """Wait for the build; None when it succeeded, else its output (errors and warnings, in order)."""
        _, err = self.process.communicate()
        if self.output is not None:
            with self.output:
                if self.process.returncode != 0:  # only a failure's output is read back
                    self.output.seek(0)
                    err = self.output.read()
        if self.process.returncode == 0:
            return None
        text = (err or b"").decode("utf-8", "replace").strip()
        return text or f"exit status {self.process.returncode}"


# What an untrusted locale build keeps of the environment: where programs, Python's modules and the temporary folder
# are, the language and time zone, and the date a reproducible build asks for. Nothing else (tokens, keys) is there.
UNTRUSTED_ENV_KEEP = ("PATH", "HOME", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR", "TEMP", "TMP",
                      "SOURCE_DATE_EPOCH", "SYSTEMROOT", "VIRTUAL_ENV", "PYTHONPATH")


def start(config_file: Path, locale: str, staging: Path, site_url: str, final: Path, *, untrusted: bool = False,
          progress_fd: int | None = None, handed: Mapping[str, str] | None = None) -> LocaleBuild:
    """Start one locale's build into ``staging``; its output is collected by whoever waits for it.
    With ``progress_fd`` it reports its steps there (``progress.report_step``). ``handed`` are the variables
    ``glossary-tool build`` hands every build (HANDED: the build cache, the downloads made once); a build never
    inherits them from elsewhere."""
    # -P: the working folder (often the project, which a pull request can add files to) is not put on the module path,
    # so a repository's yaml.py or markdown.py can never stand in for the library the build imports.
    cmd = [sys.executable, "-P", "-m", "glossary_tool.site.locale_builds", "--config", str(config_file),
           "--site-dir", str(staging), "--site-url", site_url, *(["--untrusted"] if untrusted else [])]
    kept = {k: v for k, v in os.environ.items() if k in UNTRUSTED_ENV_KEEP} if untrusted else dict(os.environ)
    env = {**{k: v for k, v in kept.items() if k not in HANDED}, LOCALE_ENV: locale, "NO_MKDOCS_2_WARNING": "1"}
    env.update({k: v for k, v in (handed or {}).items() if k in HANDED})
    fds: tuple[int, ...] = ()
    if progress_fd is not None:
        env[FD_ENV], fds = str(progress_fd), (progress_fd,)
    output = tempfile.TemporaryFile()  # noqa: SIM115 - closed by stop(), which every caller reaches
    process = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT, env=env, pass_fds=fds)
    return LocaleBuild(locale, process, staging, final, output)


def staging_dirs(site_dir: Path, locale: Locale) -> tuple[Path, Path]:
    """Where another locale's build writes (a hidden folder, which MkDocs' cleaning of ``site_dir`` skips)
    and where it is moved once the whole build has succeeded."""
    return site_dir / f".building-{locale.code}", site_dir / locale.prefix


def max_parallel_builds() -> int:
    """Locale builds running at once: one per core this process may use (each build is one busy process)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True, slots=True)
class Wanted:
    """A locale's build to run: its code, its site's URL, the folder it writes, and where that goes once it succeeded."""

    code: str
    site_url: str
    staging: Path
    final: Path


class Scheduler(list[LocaleBuild]):
    """The one scheduler of locale builds, each a process: ``glossary-tool build`` runs every locale through it, a plain
    ``mkdocs build`` the locales after the one it builds itself. The builds started so far, in the order they were
    wanted; those still waiting for a core are ``pending``. No build starts after one has failed.

    With ``progress_fd`` each build reports its steps there (``progress.report_step``), and ``while_waiting`` is
    called each time the scheduler looks at its builds (to draw what they reported)."""

    def __init__(self, config_file: Path, wanted: Sequence[Wanted], *, untrusted: bool = False, progress_fd: int | None = None,
                 while_waiting: Callable[[], None] | None = None, handed: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self.config_file, self.untrusted, self.handed = config_file, untrusted, handed
        self.progress_fd, self.while_waiting = progress_fd, while_waiting
        self.pending = list(wanted)
        self._ended: set[int] = set()

    def fill(self, jobs: int) -> None:
        """Start pending builds until ``jobs`` run at once."""
        while self.pending and len(self) - len(self._ended) < jobs:
            w = self.pending.pop(0)
            # The progress pipe only when there is a bar: without one, a build starts exactly as it always has.
            piped = {"progress_fd": self.progress_fd} if self.progress_fd is not None else {}
            self.append(start(self.config_file, w.code, w.staging, w.site_url, w.final, untrusted=self.untrusted,
                              handed=self.handed, **piped))

    def results(self, jobs: int) -> Iterator[tuple[LocaleBuild, str | None]]:
        """Each build as it ends, with its error output (None when it succeeded); pending builds start as cores come
        free, at most ``jobs`` at once, and none after a failure."""
        failed = False
        while True:
            if not failed:
                self.fill(jobs)
            running = [b for b in self if id(b) not in self._ended]
            if not running:
                return
            if self.while_waiting is not None:
                self.while_waiting()
            done = [b for b in running if b.process.poll() is not None]
            if not done:
                time.sleep(0.02)  # polled: the first build to end frees a core, whichever it is
                continue
            for b in done:
                self._ended.add(id(b))
                error = b.wait()
                failed = failed or error is not None
                yield b, error

    def stop(self) -> None:
        """Start nothing more; kill what runs and delete what it wrote."""
        self.pending.clear()
        for b in self:
            b.stop()


def start_others(config_file: Path, site_dir: Path, base: str, locales: Sequence[Locale]) -> Scheduler:
    """Start the builds of ``locales`` into staging folders inside ``site_dir``: as many as there are cores besides
    the one this build uses; ``finish`` starts the rest as cores come free (100 locales never mean 99 processes)."""
    others = Scheduler(config_file, [Wanted(loc.code, base + loc.prefix, *staging_dirs(site_dir, loc)) for loc in locales])
    others.fill(max(1, max_parallel_builds() - 1))
    return others


def finish(builds: Scheduler | None) -> list[str]:
    """Wait for every build and move each successful one into place; the failures, one message each, in locale order."""
    if builds is None:
        return []
    failures: list[tuple[int, str]] = []
    for b, error in builds.results(max_parallel_builds()):  # this build is over: every core may run another locale's
        if error:
            failures.append((builds.index(b), f"[{b.code}] {error}"))
            shutil.rmtree(b.staging, ignore_errors=True)
            continue
        if b.final.exists():  # only after a dirty build: a clean one has removed it
            shutil.rmtree(b.final)
        b.final.parent.mkdir(parents=True, exist_ok=True)
        b.staging.rename(b.final)
    return [message for _, message in sorted(failures)]


def stop_all(builds: Scheduler | None) -> None:
    if builds is not None:
        builds.stop()


def main(argv: Sequence[str] | None = None) -> int:
    """One locale's build (its locale is in ``GLOSSARY_TOOL_LOCALE``)."""
    parser = argparse.ArgumentParser(prog="python -m glossary_tool.site.locale_builds", description="Build one locale of the site.")
    parser.add_argument("--config", required=True)
    parser.add_argument("--site-dir", required=True)
    parser.add_argument("--site-url", required=True)
    parser.add_argument("--untrusted", action="store_true", help="read mkdocs.yml by the allow-list (trust.py)")
    args = parser.parse_args(argv)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Plain())
    logging.basicConfig(level=logging.WARNING, handlers=[handler])
    from mkdocs.commands import build as mk_build
    from mkdocs.exceptions import Abort, MkDocsException

    from glossary_tool.core.problems import FatalError
    from glossary_tool.core.trust import mkdocs_config

    try:
        # Checked again here, in the process that builds: the data MkDocs gets is the data that was checked.
        cfg = mkdocs_config(args.config, untrusted=args.untrusted, site_dir=args.site_dir, site_url=args.site_url)
        # With the build cache, a dirty build: MkDocs then skips the pages the plugin wrote whole from the cache
        # (build_cache.write_unchanged). The folder it builds into is new and empty, so nothing stale is left in it.
        dirty = bool(os.environ.get(CACHE_ENV)) and not args.untrusted
        if dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(_not_dirty_warning)
        mk_build.build(cfg, dirty=dirty)
    except FatalError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except Abort as exc:  # MkDocs has logged why; its own summary line adds nothing
        if "strict mode" in str(exc):
            print(str(exc), file=sys.stderr)
        return 1
    except MkDocsException as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except OSError as exc:  # a full disk, a quota, a read-only folder: the parent reports it as one line
        from glossary_tool.core.fileio import reason

        print(reason(exc), file=sys.stderr)
        return WRITE_FAILED
    return 0


def _not_dirty_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns that a dirty build's navigation may be stale: it is not, the build writes into a new folder (and
    the warning would fail a strict build)."""
    return not str(record.msg).startswith("A 'dirty' build is being performed")


class _Plain(logging.Formatter):
    """Errors as their bare message (the parent prefixes the locale); warnings marked as such."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        return message if record.levelno >= logging.ERROR else f"warning: {message}"


if __name__ == "__main__":
    raise SystemExit(main())
