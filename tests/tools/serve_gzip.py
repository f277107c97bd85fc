"""Serve a built site on 127.0.0.1 the way web hosts do (gzip for text, as GitHub Pages and
nginx's defaults), for measuring with Lighthouse: python tests/tools/serve_gzip.py site/ 8811"""

from __future__ import annotations

import gzip
import http.server
import io
import os
import sys
from functools import partial

TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if not path.endswith(TEXT) or "gzip" not in self.headers.get("Accept-Encoding", "") or not os.path.isfile(path):
            return super().send_head()  # directories without a slash are redirected there
        with open(path, "rb") as stream:
            body = gzip.compress(stream.read(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format, *args):
        pass


if __name__ == "__main__":
    site, port = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 8811
    http.server.ThreadingHTTPServer(("127.0.0.1", port), partial(GzipHandler, directory=site)).serve_forever()
