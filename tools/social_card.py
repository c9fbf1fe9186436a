"""Draw the image a shared link shows (Open Graph / Twitter card): docs/images/social-card.png.

    .venv/bin/python -m tools.social_card            # writes docs/images/social-card.png
    .venv/bin/python -m tools.social_card --check    # exits 1 if the committed card is missing or the wrong size

The card is drawn once, from the HTML below, by headless Chromium (the browser the tests use),
with the fonts the machine has: nothing is downloaded, and the build does not draw it, so a
build needs no browser. Run it again only when the wording or the colours change, and commit
the PNG. The hooks name it in every page's og:image (hooks/structured_data.py).
"""

from __future__ import annotations

import argparse
import html
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CARD = ROOT / "docs" / "images" / "social-card.png"
WIDTH, HEIGHT = 1200, 630  # what Open Graph consumers crop and scale best
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]

TITLE = "Backend Developer Guide"
LINE = "What backend developers do, the specialisations inside the role, the skills and tools each needs, levels and pay."
FOOT = "Open data · every figure sourced · CC BY 4.0"

# Material's indigo (the site's primary colour) and its light text.
PAGE = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><style>
  html, body {{ margin: 0; width: {WIDTH}px; height: {HEIGHT}px; }}
  body {{ background: #3f51b5; color: #fff; font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
         display: flex; flex-direction: column; justify-content: space-between; box-sizing: border-box;
         padding: 80px 90px 70px; }}
  .mark {{ font-family: "DejaVu Sans Mono", monospace; font-size: 34px; opacity: .8; letter-spacing: .02em; }}
  h1 {{ font-size: 84px; line-height: 1.05; margin: 0 0 28px; font-weight: 700; }}
  p {{ font-size: 34px; line-height: 1.35; margin: 0; max-width: 980px; opacity: .92; }}
  .foot {{ font-size: 26px; opacity: .75; border-top: 3px solid rgba(255,255,255,.35); padding-top: 22px; }}
</style></head><body>
  <div class="mark">GET /roles/backend-developer/ · 200 OK</div>
  <div><h1>{html.escape(TITLE)}</h1><p>{html.escape(LINE)}</p></div>
  <div class="foot">{html.escape(FOOT)}</div>
</body></html>"""


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's header."""
    header = path.read_bytes()[:24]
    if header[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path} is not a PNG")
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def draw(out: Path = CARD) -> None:
    from playwright.sync_api import sync_playwright

    out.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        executable = CHROMIUM if Path(CHROMIUM).exists() else None
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT}, device_scale_factor=1)
        page.set_content(PAGE)
        page.screenshot(path=str(out), full_page=False)
        browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only check the committed card")
    args = parser.parse_args(argv)
    if args.check:
        if not CARD.exists() or png_size(CARD) != (WIDTH, HEIGHT):
            print(f"{CARD.relative_to(ROOT)}: missing or not {WIDTH}x{HEIGHT}; run python -m tools.social_card", file=sys.stderr)
            return 1
        return 0
    draw()
    print(f"wrote {CARD.relative_to(ROOT)} ({CARD.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
