"""A stand-in map tile server for measuring offline: every *.png path gets one plain tile.

`LOCAL_TILES=1 make serve-prod` starts it and points MAP_TILE_URL at it, so Lighthouse and
load tests on a machine without internet measure the map as it behaves with tiles instead
of with failed tile requests (which the browser logs as console errors). Not for production:
there the map uses MAP_TILE_URL (OpenStreetMap by default).

Usage: python scripts/tile-standin.py PORT
"""

import io
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from PIL import Image


def plain_tile():
    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), (233, 240, 236)).save(buffer, format="PNG")
    return buffer.getvalue()


TILE = plain_tile()


class TileHandler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the name http.server calls)
        if not self.path.endswith(".png"):
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(TILE)))
        # Tiles are cached as from a real tile server, so repeat views do not refetch them.
        self.send_header("Cache-Control", "public, max-age=86400")
        # The site's pages load tiles as cross-origin images.
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(TILE)

    def log_message(self, format, *args):  # noqa: A002 (http.server's signature)
        pass  # quiet: one line per tile drowns the site's log


if __name__ == "__main__":
    if len(sys.argv) != 2 or not sys.argv[1].isdigit():
        sys.exit("usage: python scripts/tile-standin.py PORT")
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), TileHandler).serve_forever()
