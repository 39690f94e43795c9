"""rasad's build: the metadata is in pyproject.toml; this file compiles the pipeline's hot modules
(``src/rasad/native_modules.txt``) to C with mypyc and records their sources' digests
(``rasad/native.py`` says why). ``RASAD_PURE_PYTHON=1`` installs the pure-Python code; so does a
machine without a C compiler, with a message. A listed module that does not type-check fails the
install with mypy's message: compiled code trusts its type hints."""

import json
import os
import runpy
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext
from setuptools.errors import CCompilerError, CompileError, ExecError, LinkError, PlatformError

PACKAGE_DIR = Path("src/rasad")
native = runpy.run_path(str(PACKAGE_DIR / "native.py"))
SOURCES = native["listed_sources"](PACKAGE_DIR)


def native_extensions() -> list:
    """The mypyc extensions, or none for a pure-Python install."""
    if os.environ.get(native["PURE_ENVIRONMENT"], "") not in ("", "0"):
        return []
    from mypyc.build import mypycify

    paths = [str(PACKAGE_DIR / source) for source in SOURCES]
    return mypycify(
        [
            "--ignore-missing-imports",
            "--follow-imports=silent",
            "--disable-error-code",
            "import-untyped",
            *paths,
        ],
        opt_level="3",
        group_name="rasad",
    )


class BuildNative(build_ext):
    """Builds the compiled modules and writes the digests of the sources they were built from; on a
    compiler failure, removes what was built so that the sources run, and says so."""

    def run(self) -> None:
        if not self.extensions:
            return
        try:
            super().run()
        except (CCompilerError, CompileError, ExecError, LinkError, PlatformError) as error:
            for extension in self.extensions:
                Path(self.get_ext_fullpath(extension.name)).unlink(missing_ok=True)
            print(f"rasad: compiling failed ({error}); installing the pure-Python code", file=sys.stderr)
            return
        package = Path(self.get_ext_fullpath("rasad.native")).parent
        digests = native["source_digests"](PACKAGE_DIR, SOURCES)
        (package / native["DIGESTS_FILE"]).write_text(json.dumps(digests, indent=1) + "\n", encoding="utf-8")


setup(ext_modules=native_extensions(), cmdclass={"build_ext": BuildNative})
