"""The static server the browser tests and `make bench` read the site through compresses as a host does."""

from __future__ import annotations

import gzip
import urllib.request

from tools.static_server import GzipServer


def test_the_server_sends_gzip_only_to_clients_that_accept_it(tmp_path):
    (tmp_path / "page").mkdir()
    html = b"<!doctype html><title>x</title>" + b"<p>backend</p>" * 200
    (tmp_path / "page" / "index.html").write_bytes(html)
    with GzipServer(tmp_path) as server:
        request = urllib.request.Request(server.url("page/"), headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert response.headers["Cache-Control"] == "max-age=600"
            body = response.read()
        assert gzip.decompress(body) == html and len(body) < len(html)
        with urllib.request.urlopen(server.url("page/")) as response:
            assert response.headers["Content-Encoding"] is None
            assert response.read() == html
