"""The install steps a new contributor meets: uv or pip, the Python check, a half-made .venv,
distclean, and the Chromium step that says what it installs. Run on copies, never on this .venv."""

from __future__ import annotations

import shutil
import stat
import subprocess
import sys
from pathlib import Path

from support.project import ROOT


def project(tmp_path: Path) -> Path:
    for name in ("Makefile", "requirements.txt", "requirements-test.txt"):
        shutil.copy(ROOT / name, tmp_path / name)
    (tmp_path / "tools").mkdir()
    shutil.copy(ROOT / "tools" / "install_chromium.sh", tmp_path / "tools")
    return tmp_path


def script(path: Path, body: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n" + body)
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return path


def make(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", *args], cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(cwd), **env})


def test_an_old_python_stops_with_a_one_line_hint(tmp_path):
    old = script(tmp_path / "bin" / "python3", 'case "$1" in --version) echo "Python 3.10.12";; *) exit 1;; esac\n')
    result = make(project(tmp_path), "serve", f"PYTHON={old}", "UV=")
    assert result.returncode != 0
    lines = [line for line in (result.stdout + result.stderr).splitlines() if "Python 3.11" in line]
    assert len(lines) == 1 and "Python 3.10.12" in lines[0] and "PYTHON=" in lines[0]
    assert not (tmp_path / ".venv").exists()


def test_a_half_made_venv_is_made_again(tmp_path):
    here = project(tmp_path)
    # What `python3 -m venv` leaves when Debian's python3-venv is missing: a Python, no pip.
    script(here / ".venv" / "bin" / "python", f'case "$*" in *pip*) exit 1;; *) exec {sys.executable} "$@";; esac\n')
    result = make(here, ".venv/.venv-complete", f"PYTHON={sys.executable}", "UV=")
    assert result.returncode == 0, result.stdout + result.stderr
    assert ".venv/ is half made" in result.stdout
    pip = subprocess.run([str(here / ".venv" / "bin" / "python"), "-m", "pip", "--version"], capture_output=True)
    assert pip.returncode == 0  # a real venv now
    again = make(here, ".venv/.venv-complete", f"PYTHON={sys.executable}", "UV=")
    assert again.returncode == 0 and "half made" not in again.stdout  # and it is left alone


def test_uv_syncs_the_hash_locked_files_when_present_and_pip_installs_them_otherwise(tmp_path):
    here = project(tmp_path)
    (here / ".venv").mkdir()
    (here / ".venv" / ".venv-complete").touch()
    uv = make(here, "-n", ".venv/.test-installed", "UV=/opt/uv")
    assert "/opt/uv pip sync --quiet --python .venv/bin/python --require-hashes requirements.txt requirements-test.txt" in uv.stdout
    pip = make(here, "-n", ".venv/.test-installed", "UV=")
    assert "-m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt -r requirements-test.txt" in pip.stdout
    (here / ".venv" / ".venv-complete").unlink()
    assert "/opt/uv venv" in make(here, "-n", ".venv/.venv-complete", "UV=/opt/uv").stdout


def test_distclean_removes_the_venv(tmp_path):
    here = project(tmp_path)
    (here / ".venv" / "bin").mkdir(parents=True)
    (here / "site").mkdir()
    assert make(here, "distclean").returncode == 0
    assert not (here / ".venv").exists() and not (here / "site").exists()


def chromium_step(tmp_path: Path, **env: str) -> str:
    python = script(tmp_path / "fake-python", 'echo "RAN: python $*"\n')
    result = subprocess.run(["sh", str(ROOT / "tools" / "install_chromium.sh")], capture_output=True, text=True, timeout=60,
                            env={"PATH": "/usr/bin:/bin", "PYTHON": str(python), **env})
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_on_ubuntu_the_chromium_step_says_why_it_installs_playwrights_build_before_it_does(tmp_path):
    release = tmp_path / "os-release"
    release.write_text("ID=ubuntu\nVERSION_ID=24.04\n")
    out = chromium_step(tmp_path, CHROMIUM=str(tmp_path / "none"), OS_RELEASE=str(release))
    said, ran = out.index("the snap"), out.index("RAN: python -m playwright install chromium")
    assert said < ran


def test_the_snap_wrapper_does_not_count_as_a_browser(tmp_path):
    wrapper = script(tmp_path / "chromium", "exec /snap/bin/chromium \"$@\"\n")
    release = tmp_path / "os-release"
    release.write_text("ID=ubuntu\n")
    out = chromium_step(tmp_path, CHROMIUM=str(wrapper), OS_RELEASE=str(release))
    assert "wrapper for the chromium snap" in out and "RAN: python -m playwright install chromium" in out


def test_a_real_chromium_is_left_alone(tmp_path):
    browser = script(tmp_path / "chromium", "echo Chromium 156\n")
    assert chromium_step(tmp_path, CHROMIUM=str(browser)) == ""
