"""The notebooks open in JupyterLab as a user opens them: a real server on 127.0.0.1, its REST
API for contents, kernelspecs and sessions, and headless Chromium rendering one notebook.

Chromium (Debian package `chromium`) is needed for the rendering check: without it the test
is skipped with the reason, except in CI (CI=true), where its absence is a failure."""
from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import nbformat
import pytest

from analysis.config import ROOT
from analysis.runner import discover_notebooks

NOTEBOOKS = discover_notebooks()
SERVER_START_TIMEOUT = 90  # seconds; a cold machine imports JupyterLab slowly
KERNEL_START_TIMEOUT = 60
CHROMIUM_TIMEOUT = 120
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=20000",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--disable-quic", "--hide-scrollbars", "--window-size=1280,900",
]
IN_CI = os.environ.get("CI", "").lower() == "true"
# JupyterLab settings that keep a check offline and its screen free of pop-ups.
NO_NEWS = {"fetchNews": "false", "checkForUpdates": False}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _chromium() -> str | None:
    return next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)


def _stop(process: subprocess.Popen) -> None:
    """Stop a process and everything it started (kernels, renderers), whatever happened."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=15)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait(timeout=15)


class Lab:
    """A running JupyterLab server and a small client for its REST API."""

    def __init__(self, base: str, token: str, root: Path):
        self.base, self.token, self.root = base, token, root

    def request(self, method: str, path: str, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.base + path, data=data, method=method,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            raw = response.read()
            return response.status, (json.loads(raw) if raw else None)

    def execute(self, kernel_id: str, code: str) -> str:
        """Run `code` in a kernel over its websocket channels; returns what it printed."""
        import websocket

        socket_url = self.base.replace("http", "ws", 1) + f"/api/kernels/{kernel_id}/channels?token={self.token}"
        connection = websocket.create_connection(socket_url, timeout=KERNEL_START_TIMEOUT)
        msg_id = secrets.token_hex(8)
        try:
            connection.send(json.dumps({
                "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": "labcheck",
                           "session": secrets.token_hex(8), "version": "5.3"},
                "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
                "content": {"code": code, "silent": False, "store_history": False, "allow_stdin": False},
            }))
            printed, status = [], None
            deadline = time.monotonic() + KERNEL_START_TIMEOUT
            while status is None or status == "pending":
                assert time.monotonic() < deadline, "no execute_reply from the kernel"
                message = json.loads(connection.recv())
                if message.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind = message["header"]["msg_type"]
                if kind == "stream":
                    printed.append(message["content"]["text"])
                elif kind == "error":
                    printed.append(f"{message['content']['ename']}: {message['content']['evalue']}")
                elif kind == "execute_reply":
                    status = message["content"]["status"]
            return "".join(printed).strip()
        finally:
            connection.close()

    def url(self, page: str) -> str:
        return f"{self.base}/{page}{'&' if '?' in page else '?'}token={self.token}"


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab on a free loopback port with a fresh token, serving a copy of notebooks/
    (so nothing the Lab writes, such as checkpoints, lands in the checkout)."""
    home = tmp_path_factory.mktemp("lab")
    root = home / "root"
    shutil.copytree(ROOT / "notebooks", root / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    settings = home / "config" / "lab" / "user-settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text(json.dumps(NO_NEWS))
    token, port = secrets.token_hex(16), _free_port()
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(home / "config"), JUPYTER_RUNTIME_DIR=str(home / "runtime"),
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
        "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
        "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log = (home / "server.log").open("w")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                               start_new_session=True)
    server = Lab(f"http://127.0.0.1:{port}", token, root)
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(f"JupyterLab exited with {process.returncode}:\n{(home / 'server.log').read_text()[-3000:]}")
            try:
                if server.request("GET", "/api/status")[0] == 200:
                    break
            except (urllib.error.URLError, ConnectionError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"JupyterLab did not answer within {SERVER_START_TIMEOUT} s")
            time.sleep(0.5)
        yield server
    finally:
        _stop(process)
        log.close()


def test_the_suite_has_notebooks():
    assert NOTEBOOKS, "no notebooks/NN-*.ipynb to check"


def test_python3_kernelspec_is_available(lab):
    status, specs = lab.request("GET", "/api/kernelspecs")
    assert status == 200
    assert "python3" in specs["kernelspecs"], sorted(specs["kernelspecs"])


def test_unauthenticated_requests_are_refused(lab):
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(lab.base + "/api/contents", timeout=30)
    assert refused.value.code == 403


def test_contents_lists_every_notebook(lab):
    status, listing = lab.request("GET", "/api/contents/notebooks")
    assert status == 200
    listed = {item["name"] for item in listing["content"] if item["type"] == "notebook"}
    assert {nb.name for nb in NOTEBOOKS} <= listed


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_opens_with_its_kernel(lab, notebook):
    status, model = lab.request("GET", f"/api/contents/notebooks/{notebook.name}?content=1")
    assert status == 200 and model["type"] == "notebook"
    kernelspec = model["content"]["metadata"].get("kernelspec", {})
    assert kernelspec.get("name") == "python3", f"{notebook.name} asks for kernel {kernelspec!r}"
    assert nbformat.from_dict(model["content"]).cells, f"{notebook.name} has no cells"

    status, session = lab.request("POST", "/api/sessions", {
        "path": f"notebooks/{notebook.name}", "type": "notebook", "name": notebook.name,
        "kernel": {"name": kernelspec["name"]},
    })
    assert status == 201, session
    kernel_id = session["kernel"]["id"]
    try:
        _, kernel = lab.request("GET", f"/api/kernels/{kernel_id}")
        assert kernel["name"] == "python3"
        reply = lab.execute(kernel_id, "import analysis, sys; print(sys.version_info[:2] >= (3, 11))")
        assert reply == "True", f"the kernel of {notebook.name} cannot import the suite's package: {reply!r}"
        _, sessions = lab.request("GET", "/api/sessions")
        assert any(s["id"] == session["id"] and s["path"] == f"notebooks/{notebook.name}" for s in sessions)
    finally:
        lab.request("DELETE", f"/api/sessions/{session['id']}")


def _ink(image_path: Path):
    """(share of pixels that are not near-white, the image as an array)."""
    try:
        from PIL import Image
        import numpy as np

        pixels = np.asarray(Image.open(image_path).convert("RGB"), dtype=float) / 255
    except ImportError:
        import matplotlib.image as mpimg

        pixels = mpimg.imread(image_path)[..., :3]
    return float((pixels.min(axis=2) < 0.9).mean()), pixels


def _render(chromium: str, pages: dict[str, str], folder: Path) -> dict[str, tuple[str, Path]]:
    """Screenshot each page (name -> url) and take its DOM once it has settled; the browsers
    run side by side, each with a fresh profile. name -> (DOM, screenshot path)."""
    processes = {}
    try:
        for name, url in pages.items():
            processes[name] = subprocess.Popen(
                [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={folder / ('profile-' + name)}",
                 f"--screenshot={folder / (name + '.png')}", "--dump-dom", url],
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                start_new_session=True, text=True,
            )
        rendered = {name: (process.communicate(timeout=CHROMIUM_TIMEOUT)[0], folder / f"{name}.png")
                    for name, process in processes.items()}
    finally:
        for process in processes.values():
            _stop(process)
    for name, (_, screenshot) in rendered.items():
        assert screenshot.is_file(), f"Chromium wrote no screenshot of the {name} page"
    return rendered


def _first_heading(notebook: Path) -> str:
    for cell in nbformat.read(notebook, as_version=4).cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    pytest.fail(f"{notebook.name} has no '# title' line in a markdown cell")


def test_chromium_renders_a_notebook_in_lab(lab, tmp_path):
    chromium = _chromium()
    if chromium is None:
        if IN_CI:
            pytest.fail("Chromium is not installed; CI must install the Debian package 'chromium' (see .ci/run)")
        pytest.skip("Chromium is not installed (apt-get install chromium); the rendering check needs it")
    if not NOTEBOOKS:
        pytest.fail("no notebooks/NN-*.ipynb to render")
    notebook = NOTEBOOKS[0]
    title = _first_heading(notebook)

    rendered = _render(chromium, {
        "shell": lab.url("lab?reset"),
        "notebook": lab.url(f"lab/tree/notebooks/{notebook.name}?reset"),
    }, tmp_path)
    (shell_dom, shell_png), (page_dom, page_png) = rendered["shell"], rendered["notebook"]

    assert "jp-LabShell" in shell_dom, "the Lab shell did not load"
    assert "jp-Notebook" in page_dom and title in page_dom, f"{notebook.name} was not rendered (title {title!r} missing)"
    shell_ink, shell = _ink(shell_png)
    page_ink, page = _ink(page_png)
    assert page_ink > 0.03, f"the notebook screenshot is nearly blank ({page_ink:.1%} non-white pixels)"
    assert shell.shape == page.shape
    changed = float((abs(page - shell).max(axis=2) > 0.1).mean())
    assert changed > 0.05, f"the notebook screenshot differs from the empty Lab shell in only {changed:.1%} of pixels"
