"""A running platform driven by real headless Chromium (Debian's /usr/bin/chromium).

One site per test session, production-like: gunicorn serving the app, an RQ worker indexing
through Redis (a private redis-server), a SQLite file filled with a small demo. Pages are
checked with axe-core (no serious or critical violations) and screenshotted into
``test-artifacts/screenshots/`` for people to look at.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, sync_playwright

from tests.integration.test_rq_worker import OwnRedis


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
BIN = Path(sys.executable).parent
PASSWORD = "demo-password"
BLOCKING = {"serious", "critical"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Site:
    url: str
    env: dict[str, str]

    def zhumys(self, *args: str) -> str:
        done = subprocess.run(
            [str(BIN / "zhumys"), *args], env=self.env, capture_output=True, text=True, check=True
        )
        return done.stdout


def _wait_for(url: str, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is not installed: scripts/ensure-services.sh installs it")
    home = tmp_path_factory.mktemp("site")
    redis = OwnRedis(home)
    redis.start()
    port = _free_port()
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"sqlite:///{home / 'site.sqlite'}",
        INSTANCE_PATH=str(home / "instance"),
        REDIS_URL=redis.url,
        EMBEDDING_MODEL="none",
        SECURE_COOKIES="false",
        SECRET_KEY="browser-tests",
    )
    processes: list[subprocess.Popen[bytes]] = []
    log = (home / "site.log").open("wb")
    try:
        made = Site(f"http://127.0.0.1:{port}", env)
        made.zhumys("init")
        made.zhumys("demo", "--vacancies", "150", "--seekers", "60")
        made.zhumys("reindex")
        processes.append(
            subprocess.Popen([str(BIN / "zhumys"), "worker"], env=env, stdout=log, stderr=log)
        )
        server = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "--workers",
                "1",
                "--threads",
                "8",
                "--bind",
                f"127.0.0.1:{port}",
                "app:create_app()",
            ],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=log,
        )
        processes.append(server)
        _wait_for(f"{made.url}/healthz", server)
        yield made
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
        redis.stop()
        log.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage"]
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, site: Site) -> Iterator[Page]:
    context = browser.new_context(base_url=site.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on(
        "console",
        lambda message: errors.append(message.text) if message.type == "error" else None,
    )
    yield opened
    context.close()
    assert not errors, f"errors in the browser console: {errors}"


_axe = Axe()


def check_page(page: Page, name: str) -> None:
    """Screenshot the page and fail on serious or critical accessibility violations."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    results = _axe.run(page)
    blocking = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v.get("impact") in BLOCKING
    ]
    assert not blocking, f"{name}: accessibility violations:\n" + "\n".join(blocking)


def sign_in(page: Page, email: str, password: str = PASSWORD) -> None:
    page.goto("/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("main button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "/login" not in page.url, "sign-in failed"
