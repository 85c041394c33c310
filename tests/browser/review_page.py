#!/usr/bin/env python3
"""The HTML review page in a real browser: headless Chromium driven through WebDriver.

On the page rendered from examples/, it applies each filter and counts the visible cards
against the JSON contract, moves between findings with the keyboard, marks two findings
(one with the mouse and a note, one with a key), reloads (verdicts are kept), exports the
verdicts file, and checks that `crosscheck check --baseline` with that file knows the two
findings, that `crosscheck review` lists them, and that `--verdicts` shows them on the page.

    python3 tests/browser/review_page.py target/release/crosscheck
    python3 tests/browser/review_page.py BIN --time PAGE.html      # load times, 5 runs
    python3 tests/browser/review_page.py BIN --screens DIR         # seeds and ECB+ screenshots

Uses Debian's chromium and chromium-driver and Python's selenium (the W3C WebDriver client
kept by the Selenium project). When they are not installed it says so and exits 0 ("SKIPPED"),
so a machine without a browser can still run the rest of CI; .ci/run installs them first.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


def skip(why):
    print(f"SKIPPED browser test: {why}")
    sys.exit(0)


try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:
    skip("Python's selenium is not installed (python3 -m pip install selenium)")

if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
    skip("chromium or chromedriver not found (apt-get install chromium chromium-driver)")


def browser(downloads, width=1366, height=900, mobile=False):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="crosscheck-chromium-")
    for arg in [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        f"--window-size={width},{height}",
    ]:
        options.add_argument(arg)
    options.add_experimental_option(
        "prefs",
        {
            "download.default_directory": downloads,
            "download.prompt_for_download": False,
        },
    )
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads}
    )
    if mobile:
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 2, "mobile": True},
        )
    return driver


def crosscheck(binary, *args):
    return subprocess.run([binary, *args], cwd=ROOT, capture_output=True, text=True)


def wait_ready(driver):
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script("return document.documentElement.dataset.ready") == "true"
    )


def visible_cards(driver):
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('article.f'))"
        ".filter(c => c.checkVisibility()).map(c => c.id)"
    )


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def equal(self, what, got, expected):
        if got == expected:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAILED {what}: got {got!r}, expected {expected!r}")

    def true(self, what, ok):
        self.equal(what, bool(ok), True)


def choose(driver, select_id, value):
    Select(driver.find_element(By.ID, select_id)).select_by_value(value)


def options(driver, select_id):
    return [
        o.get_attribute("value")
        for o in driver.find_elements(By.CSS_SELECTOR, f"#{select_id} option")
    ]


def story_of(finding):
    folder = finding["claims"][0]["document"].rsplit("/", 1)[0]
    return folder.split("/", 1)[1] if "/" in folder else folder


def test_page(binary):
    checks = Checks()
    work = tempfile.mkdtemp(prefix="crosscheck-browser-")
    downloads = os.path.join(work, "downloads")
    os.makedirs(downloads)
    page = os.path.join(work, "page.html")
    rendered = crosscheck(binary, "check", "--format", "html", "examples")
    checks.equal("check --format html exits 1 (the examples conflict)", rendered.returncode, 1)
    with open(page, "w", encoding="utf-8") as f:
        f.write(rendered.stdout)
    contract = json.loads(crosscheck(binary, "check", "--format", "json", "examples").stdout)
    findings = contract["findings"]
    ids = [f"finding-{n + 1}" for n in range(len(findings))]

    driver = browser(downloads)
    try:
        driver.get("file://" + page)
        wait_ready(driver)
        all_cards = visible_cards(driver)
        checks.equal("every finding is a visible card", sorted(all_cards), sorted(ids))

        # Each filter, each of its values: the visible cards are the contract's findings.
        def expect(keep):
            return sorted(i for i, f in zip(ids, findings) if keep(f))

        for kind in options(driver, "filter-kind"):
            choose(driver, "filter-kind", kind)
            want = {
                "all": lambda f: True,
                "known": lambda f: False,
                "new": lambda f: True,
            }.get(kind, lambda f, k=kind: f["kind"] == k)
            checks.equal(f"kind filter {kind}", sorted(visible_cards(driver)), expect(want))
        choose(driver, "filter-kind", "all")
        for prop in options(driver, "filter-property")[1:]:
            choose(driver, "filter-property", prop)
            checks.equal(
                f"property filter {prop}",
                sorted(visible_cards(driver)),
                expect(lambda f: f["property"] == prop),
            )
        choose(driver, "filter-property", "all")
        for severity in options(driver, "filter-severity")[1:]:
            choose(driver, "filter-severity", severity)
            checks.equal(
                f"severity filter {severity}",
                sorted(visible_cards(driver)),
                expect(lambda f: f["severity"] == severity),
            )
        choose(driver, "filter-severity", "all")
        story_select = Select(driver.find_element(By.ID, "filter-story"))
        stories = [(o.get_attribute("value"), o.text) for o in story_select.options[1:]]
        folders = {story_of(f) for f in findings}
        checks.equal("the examples hold several stories", len(folders) > 1, True)
        checks.equal("a story option for each folder with findings", len(stories), len(folders))
        for value, name in stories:
            choose(driver, "filter-story", value)
            checks.equal(
                f"story filter {name}",
                sorted(visible_cards(driver)),
                expect(lambda f: story_of(f) == name),
            )
            hidden_sections = driver.execute_script(
                "return Array.from(document.querySelectorAll('section.story'))"
                ".filter(s => s.hidden).length"
            )
            checks.equal(
                f"story filter {name} hides the other stories", hidden_sections, len(folders) - 1
            )
        choose(driver, "filter-story", "all")
        # Search: in any card's text, case aside.
        search = driver.find_element(By.ID, "q")
        search.send_keys("okafor")
        found = visible_cards(driver)
        checks.equal("search finds the card that names the chief", found, ["finding-1"])
        search.clear()
        search.send_keys(" ")  # an input event on a blank query shows every card again
        checks.equal("a blank search shows every card", len(visible_cards(driver)), len(ids))
        shown = driver.find_element(By.ID, "shown").text
        checks.equal("the count of shown findings", shown, f"{len(ids)} of {len(ids)} findings shown")

        # Keyboard: j next, k previous, in page order (stories with conflicts first).
        body = driver.find_element(By.TAG_NAME, "body")
        body.click()
        order = all_cards

        def current():
            return driver.execute_script(
                "var c = document.querySelector('article.f.current'); return c && c.id"
            )

        body.send_keys("j")
        checks.equal("j goes to the first finding", current(), order[0])
        body.send_keys("j")
        body.send_keys("j")
        checks.equal("j again goes on", current(), order[2])
        body.send_keys("k")
        checks.equal("k goes back", current(), order[1])
        checks.equal(
            "the current finding has the focus",
            driver.execute_script("return document.activeElement.id"),
            order[1],
        )

        # Mark two findings: the title conflict a false alarm with a note (mouse), the
        # distance conflict accepted (keyboard, `a` on the current card).
        first = driver.find_element(By.ID, "finding-1")
        first.find_element(By.CSS_SELECTOR, ".vd input").send_keys("two people of one name")
        first.find_element(By.CSS_SELECTOR, ".vd button[data-v=false-alarm]").click()
        driver.execute_script("document.getElementById('finding-2').focus()")
        driver.switch_to.active_element.send_keys("a")
        pressed = driver.execute_script(
            "return Array.from(document.querySelectorAll('.vd button[aria-pressed=true]'))"
            ".map(b => b.closest('article').id + ':' + b.dataset.v)"
        )
        checks.equal(
            "two findings marked",
            sorted(pressed),
            ["finding-1:false-alarm", "finding-2:accepted"],
        )
        choose(driver, "filter-verdict", "false-alarm")
        checks.equal("verdict filter", visible_cards(driver), ["finding-1"])
        choose(driver, "filter-verdict", "all")

        # The verdicts are kept in the browser: a reload shows them again.
        driver.refresh()
        wait_ready(driver)
        kept = driver.execute_script(
            "return Array.from(document.querySelectorAll('article[data-verdict]'))"
            ".map(c => c.id + ':' + c.dataset.verdict)"
        )
        checks.equal("verdicts kept after a reload", sorted(kept), ["finding-1:false-alarm", "finding-2:accepted"])
        checks.equal(
            "the note is kept",
            driver.find_element(By.CSS_SELECTOR, "#finding-1 .vd input").get_attribute("value"),
            "two people of one name",
        )

        # Export: one file, downloaded.
        driver.find_element(By.ID, "export").click()
        exported = os.path.join(downloads, "verdicts.json")
        deadline = time.time() + 10
        while not os.path.exists(exported) and time.time() < deadline:
            time.sleep(0.1)
        checks.true("verdicts.json downloaded", os.path.exists(exported))
        if not os.path.exists(exported):
            # The same text is on the page; go on with it to test the rest of the loop.
            with open(exported, "w", encoding="utf-8") as f:
                f.write(driver.find_element(By.ID, "export-text").get_attribute("value"))
    finally:
        driver.quit()

    with open(exported, encoding="utf-8") as f:
        verdicts = json.load(f)
    checks.equal("two verdicts exported", len(verdicts["verdicts"]), 2)
    by_verdict = {v["verdict"]: v for v in verdicts["verdicts"]}
    checks.equal("the note is exported", by_verdict.get("false-alarm", {}).get("note"), "two people of one name")

    # The gate: the two findings are known now; the third conflict still fails.
    gated = crosscheck(binary, "check", "--format", "json", "--baseline", exported, "examples")
    result = json.loads(gated.stdout)
    checks.equal("check --baseline verdicts.json: two known", result["summary"].get("known"), 2)
    checks.equal("the real conflict still fails the gate", gated.returncode, 1)
    checks.equal("no stale verdicts", gated.stderr, "")
    human = crosscheck(binary, "check", "--baseline", exported, "examples")
    checks.true("the human report says two are known", "2 known (in the baseline)" in human.stdout)
    listed = crosscheck(binary, "review", exported)
    checks.equal("review exits 0", listed.returncode, 0)
    checks.true("review lists the false alarm and its note", "note: two people of one name" in listed.stdout)
    checks.true("review counts them", "2 verdicts (1 false alarm, 1 known, accept, 0 real)" in listed.stdout)
    again = crosscheck(binary, "check", "--format", "html", "--verdicts", exported, "examples")
    checks.equal("--verdicts shows both on the page", again.stdout.count('<p class="was">'), 2)

    print(f"browser: {checks.passed} passed, {checks.failed} failed")
    return checks.failed == 0


def time_page(page, runs=5):
    """Milliseconds from navigation to the script's end (`data-ready`) and to `load`."""
    downloads = tempfile.mkdtemp()
    for _ in range(runs):
        driver = browser(downloads)
        try:
            driver.get("file://" + os.path.abspath(page))
            wait_ready(driver)
            t = driver.execute_script(
                "var n = performance.getEntriesByType('navigation')[0];"
                "var p = performance.getEntriesByName('first-contentful-paint')[0];"
                "return [p ? p.startTime : -1, n.domContentLoadedEventEnd, n.loadEventEnd]"
            )
            print(f"first paint {t[0]:.0f} ms, ready (DOMContentLoaded) {t[1]:.0f} ms, load {t[2]:.0f} ms")
        finally:
            driver.quit()


def screens(binary, out):
    os.makedirs(out, exist_ok=True)
    work = tempfile.mkdtemp()
    corpora = [
        ("seeds", ["../shared/corpus/seeds"]),
        ("ecbplus", ["--group-by", "folder", "../shared/corpus/ecbplus"]),
    ]
    for name, args in corpora:
        page = os.path.join(work, f"{name}.html")
        with open(page, "w", encoding="utf-8") as f:
            f.write(crosscheck(binary, "check", "--format", "html", *args).stdout)
        for width, height, mobile, label in [(1366, 900, False, "desktop"), (390, 844, True, "phone")]:
            driver = browser(work, width, height, mobile)
            try:
                driver.get("file://" + page)
                wait_ready(driver)
                driver.save_screenshot(os.path.join(out, f"{name}-{label}.png"))
                driver.execute_script(
                    "var c = document.querySelector('article.conflict') || document.querySelector('article.f');"
                    "if (c) { c.scrollIntoView({block: 'start'}); }"
                )
                time.sleep(0.2)
                driver.save_screenshot(os.path.join(out, f"{name}-{label}-card.png"))
            finally:
                driver.quit()
        print(f"screenshots of {name} in {out}")


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    binary = os.path.abspath(sys.argv[1])
    if len(sys.argv) == 4 and sys.argv[2] == "--time":
        time_page(sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[2] == "--screens":
        screens(binary, sys.argv[3])
    else:
        sys.exit(0 if test_page(binary) else 1)


if __name__ == "__main__":
    main()
