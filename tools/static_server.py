"""A static file server for the built site that compresses like a real host.

Text responses (HTML, CSS, JS, JSON, SVG, XML) are sent gzip-compressed at level 6 when
the client accepts gzip, with ``Cache-Control: max-age=600`` as GitHub Pages sends them.
Only for 127.0.0.1: the browser tests read the site through it, and `make bench` measures
page weight and Lighthouse through it.

Usage: python -m tools.static_server SITE_DIR [PORT]
"""

from __future__ import annotations

import functools
import gzip
import http.server
import sys
import threading
from pathlib import Path

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as browsers and hosts use it
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".js": "application/javascript",
                      ".json": "application/json", ".svg": "image/svg+xml", ".webmanifest": "application/manifest+json"}

    def log_message(self, format, *args):  # noqa: A002  (the base class's name)
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the folder URL
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not path.is_file() or not accepts_gzip or not ctype.startswith(COMPRESSED_TYPES):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()


class _Body:
    """The file-like object ``send_head`` returns, holding the compressed bytes."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


class GzipServer:
    """The site on 127.0.0.1 and a free port (or ``port``), in a background thread."""

    def __init__(self, root: Path, port: int = 0):
        handler = functools.partial(_GzipHandler, directory=str(root))
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.origin = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> GzipServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def url(self, path: str = "/") -> str:
        return self.origin + "/" + path.lstrip("/")


def main(argv: list[str]) -> int:
    root, port = Path(argv[0]), int(argv[1]) if len(argv) > 1 else 8001
    with GzipServer(root, port) as server:
        print(f"serving {root} with gzip on {server.origin}/ (Ctrl-C stops)")
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
