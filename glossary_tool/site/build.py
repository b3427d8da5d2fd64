"""``glossary-tool build`` and ``serve``: every locale is built in its own process, then the site is put in place.

The first locale's build also lints; the site folder is replaced only when every locale has built.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from glossary_tool.core import progress
from glossary_tool.core.config import RawConfig, Settings
from glossary_tool.core.fileio import confine, reason
from glossary_tool.core.loading import default_jobs, load_glossary
from glossary_tool.core.model import Glossary
from glossary_tool.core.problems import BuildFailed, FatalError
from glossary_tool.core.terminal import escape
from glossary_tool.core.trust import check
from glossary_tool.site import exports
from glossary_tool.site.build_cache import CACHE_DIR, CACHE_ENV, WARNINGS_FILE, ExportsCache
from glossary_tool.site.exports import EXPORTS_ENV
from glossary_tool.site.locale_builds import WRITE_FAILED, Scheduler, Wanted, max_parallel_builds, root_url

# Written into every site this command builds: the next build replaces only a folder that carries it (or is empty).
MARKER = ".glossary-tool-site"
# GitHub Pages refuses a published site of more than 1 GB; a site past this size is a warning, so that a glossary that
# grows towards the limit hears of it before a deployment fails (README: How large a site gets).
SIZE_WARNING = 900_000_000


def site_dir_of(raw: RawConfig, site_dir: Path | None) -> Path:
    """The output folder, its real path: ``--site-dir``, else ``site_dir`` of mkdocs.yml (relative to it)."""
    if site_dir is not None:
        return Path(os.path.realpath(site_dir))
    configured = raw.data.get("site_dir") or "site"
    if not isinstance(configured, str):
        line, column = raw.position(("site_dir",))
        raise FatalError(f"{raw.path.name}:{line}:{column}: site_dir must be a folder name, such as site")
    return Path(os.path.realpath(raw.path.parent / configured))


def check_site_dir(final: Path, raw: RawConfig, settings: Settings, *, outside_ok: bool = False, from_cli: bool = False) -> None:
    """Refuse an output folder whose replacement would delete anything but an earlier build of this site.

    Real paths throughout, so neither ``..`` nor a link can hide where the folder is."""
    project = Path(os.path.realpath(raw.path.parent))
    given = "--site-dir" if from_cli or "site_dir" not in raw.data else f"{raw.path.name}:{':'.join(map(str, raw.position(('site_dir',))))}: site_dir"
    shown = escape(str(final))
    overlap = _overlap(final, project, settings)
    if overlap:
        raise FatalError(f"{given}: {shown} {overlap}")
    if not outside_ok:
        try:
            confine(final, project, folder=True)
        except FatalError:
            raise FatalError(f"{given}: {shown} is outside the project ({escape(str(project))}); "
                             "pass --site-dir-outside-ok to build there") from None
    if final.is_symlink() or (final.exists() and not final.is_dir()):
        raise FatalError(f"{given}: {shown} is not a folder")
    if final.is_dir() and not _earlier_build(final) and any(final.iterdir()):
        raise FatalError(f"{given}: {shown} is not empty and was not written by 'glossary-tool build'; "
                         "nothing was deleted: empty it yourself or choose another folder")


def _overlap(final: Path, project: Path, settings: Settings) -> str:
    """What replacing ``final`` would destroy of the project (the project itself, its content or catalogs), if anything."""
    if final == project or final in project.parents:
        return "holds the project itself; the build would replace it. Choose a folder such as site/"
    for name, folder in (("the content folder", settings.content_dir), ("the locales folder", project / "locales")):
        real = Path(os.path.realpath(folder))
        if final == real or real in final.parents or final in real.parents:
            return f"overlaps {name}; choose a folder of its own, such as site/"
    return ""


def _earlier_build(folder: Path) -> bool:
    """Whether ``folder`` holds an earlier build: the marker, or the site's own stylesheet from before there was one."""
    return (folder / MARKER).is_file() or (folder / "assets" / "glossary.css").is_file()


def build_site(raw: RawConfig, settings: Settings, site_dir: Path | None = None, *, outside_ok: bool = False,
               untrusted: bool = False, use_cache: bool = True) -> Path:
    """Build every locale into ``site_dir``; all or nothing. Returns the folder written.

    Each locale builds into its own folder beside the site; when all have succeeded they are assembled
    and swapped in for the old site in one rename, so a failed build leaves the old site as it was.
    The configuration (at its trust level, trust.py) and the output folder are checked first: nothing is touched
    when either is refused. A trusted build keeps its pages in the build cache unless ``use_cache`` is False; an
    untrusted one neither reads nor writes it (SECURITY.md)."""
    check(raw, settings, untrusted=untrusted)
    final = site_dir_of(raw, site_dir)
    check_site_dir(final, raw, settings, outside_ok=outside_ok, from_cli=site_dir is not None)
    cache = cache_dir(raw) if use_cache and not untrusted else None
    report_interface(settings)
    report_site_url(raw, settings)
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        # A new private folder beside the site, made here: nothing in the project can have put a link in its place.
        work = Path(tempfile.mkdtemp(prefix=f".{final.name}.building-", dir=final.parent))
    except OSError as exc:
        raise FatalError(_cannot_write(final, exc)) from None
    new_cache = cache is not None and not cache.exists()
    try:
        return _build_into(work, final, raw, settings, untrusted=untrusted, cache=cache)
    except OSError as exc:
        raise FatalError(_cannot_write(final, exc)) from None
    except BaseException:
        # A failed build leaves the project as it found it: a cache it started is removed. (Pages it added to an
        # existing cache stay: each is keyed by what it was made from, and the next successful build prunes.)
        if new_cache and cache is not None:
            shutil.rmtree(cache, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _cannot_write(final: Path, exc: OSError | str) -> str:
    why = exc if isinstance(exc, str) else reason(exc)
    return f"{escape(str(final))}: cannot write the site: {why}; the site folder was not changed"


def cache_dir(raw: RawConfig) -> Path | None:
    """The build cache's folder in the project (build_cache.py), or None with a warning when it is a link or not a
    folder: a cache is never read or written outside the project."""
    import sys

    project = Path(os.path.realpath(raw.path.parent))
    folder = project / CACHE_DIR
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        print(f"warning: {escape(str(folder))}: the build cache is a link or not a folder; building without it", file=sys.stderr)
        return None
    return folder


def _build_into(work: Path, final: Path, raw: RawConfig, settings: Settings, *, untrusted: bool, cache: Path | None) -> Path:
    with progress.task("build", unit="step") as bar:
        steps = progress.StepReader(bar, len(settings.locales)) if progress.enabled() else None
        try:
            return _build_locales(work, final, raw, settings, untrusted=untrusted, steps=steps, cache=cache)
        finally:
            if steps is not None:
                steps.close()


def _build_locales(work: Path, final: Path, raw: RawConfig, settings: Settings, *, untrusted: bool,
                   steps: progress.StepReader | None, cache: Path | None = None) -> Path:
    """Every locale built in its own process, as many at once as there are cores; ``steps`` draws their progress."""
    base = root_url(settings.site_url)
    folders = [work / (loc.code if loc.prefix else "root") for loc in settings.locales]
    # With a bar, the builds report their steps through its pipe and the scheduler draws them while it waits.
    handed = {CACHE_ENV: str(cache)} if cache is not None else {}
    made, kept = _make_exports(work / ".downloads", raw, settings, base, cache)
    if made:
        handed[EXPORTS_ENV] = str(work / ".downloads")
    builds = Scheduler(raw.path, [Wanted(loc.code, base + loc.prefix, out, out) for loc, out in zip(settings.locales, folders, strict=True)],
                       untrusted=untrusted, progress_fd=steps.write_fd if steps is not None else None,
                       while_waiting=steps.poll if steps is not None else None, handed=handed)
    try:
        _wait_for(builds, final, many=len(settings.locales) > 1)
        _cache_warnings(folders)
        if kept is not None:
            kept.prune()
        root = _assemble(work, settings, builds)
        if untrusted:
            _scan(root)
        (root / MARKER).write_text("Written by glossary-tool build, which replaces this folder on the next build.\n", encoding="utf-8")
        report_size(root, final)
        _swap_in(root, final)
    finally:
        builds.stop()
    return final


def _wait_for(builds: Scheduler, final: Path, *, many: bool) -> None:
    """Wait for the locales' builds; the first that fails stops the build with its output (the rest are stopped by
    the caller). A full disk or a refused write is one line, as for every write."""
    for b, error in builds.results(max_parallel_builds()):
        if b.process.returncode == WRITE_FAILED and error:
            raise FatalError(_cannot_write(final, error.splitlines()[-1]))
        if error:
            raise BuildFailed("the site was not built:\n" + (f"[{b.code}] {error}" if many else error))


def _assemble(work: Path, settings: Settings, builds: Scheduler) -> Path:
    """Put each other locale's build under the first locale's, at its prefix; the assembled site's folder."""
    root = work / ("root" if settings.locales[0].prefix == "" else settings.locales[0].code)
    for loc, b in zip(settings.locales[1:], builds[1:], strict=False):
        target = root / loc.prefix
        target.parent.mkdir(parents=True, exist_ok=True)
        b.staging.rename(target)
    return root


def site_bytes(root: Path) -> int:
    """The size of every file below ``root``, as a host counts it (the bytes of each file; links are not followed)."""
    total = 0
    for folder, _, names in os.walk(root):
        for name in names:
            try:
                total += os.lstat(os.path.join(folder, name)).st_size
            except OSError:  # gone meanwhile: it is not published either
                continue
    return total


def report_size(root: Path, final: Path) -> None:
    """A warning when the built site passes ``SIZE_WARNING`` bytes (GitHub Pages publishes at most 1 GB)."""
    import sys

    size = site_bytes(root)
    if size > SIZE_WARNING:
        print(f"warning: {escape(str(final))}: the site is {size / 1e6:,.0f} MB; GitHub Pages refuses sites over 1 GB: "
              "publish fewer language pairs (pairs:) or languages, or use a host without that limit "
              "(README: How large a site gets)", file=sys.stderr)


def _make_exports(folder: Path, raw: RawConfig, settings: Settings, base: str, cache: Path | None) -> tuple[bool, ExportsCache | None]:
    """Lint the glossary, then make what every locale's build takes from ``folder`` (site/exports.py): the downloads,
    from the build cache when the glossary is the same as when they were made (build_cache.ExportsCache), and the
    glossary itself. The build stops here when lint finds an error, as the first locale's build would stop it (False
    when there is nothing to hand over). Also the downloads' cache, pruned once the build has succeeded."""
    import sys

    from glossary_tool.core.content_files import list_content

    kept = None
    if cache is not None:
        content = [Path(p) for p in list_content([settings.content_dir], settings).entries]
        if settings.schema_path.is_file():
            content.append(settings.schema_path)
        kept = ExportsCache(cache, raw.path.read_bytes(), base, content, settings.content_dir)
    made = kept.get() if kept is not None else None
    # Linted here, in as many processes as there are cores, before any build starts: the first locale's build then
    # neither loads the glossary with positions nor lints it, which took it longer than any other locale's build.
    # Every build takes the glossary from the folder instead of parsing every file again (each holds every language).
    glossary = _linted(settings)
    if glossary is None:
        return False, None
    if made is None:
        made = exports.make(glossary, settings, base, jobs=default_jobs(len(glossary.documents)))  # no build runs yet
        if kept is not None:
            kept.put(made)
    if kept is not None:
        for warning in kept.warnings:
            print(f"warning: {escape(warning)}", file=sys.stderr)
    exports.write(folder, made)
    exports.write_glossary(folder, glossary)
    return True, kept


def _linted(settings: Settings) -> Glossary | None:
    """The glossary, linted as the first locale's build lints it (site/plugin.py), with the same message when lint
    finds an error; None when the content folder holds what the site must not publish: the builds report that
    before anything else, each as it starts."""
    from glossary_tool.core.content_files import list_content
    from glossary_tool.lint import build_errors, content_problems
    from glossary_tool.lint.shards import jobs_for

    if content_problems(list_content([settings.content_dir], settings).others, settings):
        return None
    glossary, problems = load_glossary(settings)
    errors = build_errors(glossary, problems, settings, jobs=jobs_for(glossary))
    if errors is not None:
        first = f"[{settings.locales[0].code}] " if len(settings.locales) > 1 else ""
        raise BuildFailed(f"the site was not built:\n{first}{errors}".strip())
    return glossary


def _cache_warnings(folders: list[Path]) -> None:
    """Print what the locale builds said of the build cache (a damaged file ignored), and take it out of the site."""
    import sys

    for folder in folders:
        said = folder / WARNINGS_FILE
        if said.is_file():
            for line in said.read_text(encoding="utf-8").splitlines():
                print(f"warning: {escape(line)}", file=sys.stderr)
            said.unlink()


def report_interface(settings: Settings) -> None:
    """Before any locale builds: every language whose pages would show English interface text, one warning each,
    all at once (the locale builds do not repeat them, so MkDocs' strict mode does not fail on them); with
    ``missing_catalog: error`` the build stops here instead, naming them all."""
    import sys

    from glossary_tool.site.theme import report_interface as report

    report(settings, lambda warning: print(f"warning: {escape(warning)}", file=sys.stderr))


def loopback_site_url(site_url: str) -> bool:
    """Whether ``site_url`` names this machine (localhost, 127.0.0.0/8, ::1): no reader elsewhere can follow it."""
    import ipaddress
    from urllib.parse import urlsplit

    try:
        host = (urlsplit(site_url).hostname or "").rstrip(".").lower()
    except ValueError:
        return False
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def report_site_url(raw: RawConfig, settings: Settings) -> None:
    """One warning, by this command only (the locale builds do not repeat it), when the site's address is this
    machine's: it is written into canonical links, sitemaps, SKOS addresses and every "Cite this entry"."""
    import sys

    if not loopback_site_url(settings.site_url):
        return
    line, column = raw.position(("site_url",))
    print(f"warning: {escape(raw.path.name)}:{line}:{column}: site_url is {escape(settings.site_url)}, an address on this machine; "
          "canonical links, sitemaps, SKOS addresses and citations will point there: set site_url to the address the site "
          "is published at (README: Publish the site)", file=sys.stderr)


def _scan(root: Path) -> None:
    """An untrusted build scans its own pages before they are put in place (what ``scan-site`` does): the allow-list
    should leave nothing to find, and if something slips through, the old site stays and the build fails."""
    from glossary_tool.site.scan import scan_site

    findings = scan_site(root)
    if findings:
        shown = [f"{escape(f.path)}:{f.line}: {f.kind}: {escape(f.detail)}" for f in findings[:20]]
        more = [f"… and {len(findings) - 20} more"] if len(findings) > 20 else []
        raise BuildFailed("the site was not put in place: its pages hold live script or dangerous URLs (scan-site):\n" + "\n".join(shown + more))


def _swap_in(new: Path, final: Path) -> None:
    """Replace ``final`` by ``new``: two renames, so readers see the old site or the new one, never a half."""
    old = final.parent / f".{final.name}.old-{os.getpid()}-{time.monotonic_ns()}"
    if final.exists():
        final.rename(old)
    try:
        new.rename(final)
    except OSError:
        if old.exists():
            old.rename(final)
        raise
    shutil.rmtree(old, ignore_errors=True)


def serve_site(raw: RawConfig, settings: Settings, dev_addr: str, *, untrusted: bool = False) -> None:
    """Serve every locale with live reload (glossary_tool/site/serve.py), built into a temporary folder; the configuration
    is checked as ``build`` checks it, before anything is built."""
    import tempfile

    from glossary_tool.site.serve import serve

    check(raw, settings, untrusted=untrusted)
    report_interface(settings)
    with tempfile.TemporaryDirectory(prefix="glossary-serve-") as out:
        serve(raw, settings, dev_addr, Path(out), untrusted=untrusted)


def build_project(config_file: Path, site_dir: Path | None = None, *, outside_ok: bool = False, untrusted: bool = False,
                  use_cache: bool = True) -> Path:
    """Read ``mkdocs.yml`` and build its site (what ``glossary-tool build`` does)."""
    from glossary_tool.core.config import read_config, settings_from_raw

    raw = read_config(config_file)
    return build_site(raw, settings_from_raw(raw), site_dir, outside_ok=outside_ok, untrusted=untrusted, use_cache=use_cache)
