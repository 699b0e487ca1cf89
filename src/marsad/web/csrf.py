"""The upload form's CSRF token: a random nonce in a cookie, and its HMAC under a per-process secret
in a hidden field of the form. A POST must carry both, matching.

Another site can make the browser send the cookie (or, with SameSite, not), but cannot read it nor
compute the HMAC, so it cannot fill in the field. The secret lives only in the server's memory: a
form loaded before a restart is refused and has to be loaded again."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

FIELD = "csrf_token"
_NONCE_RE = re.compile(r"[A-Za-z0-9_\-]{22,64}")


class CsrfTokens:
    """Issues and checks tokens under one secret (one per server process)."""

    def __init__(self, secret: bytes | None = None) -> None:
        self._secret = secret or secrets.token_bytes(32)
        # Cookies ignore the port: two servers on one machine (localhost:8000, localhost:8001) would
        # overwrite each other's cookie if it had a fixed name, and each would refuse the other's forms.
        self.cookie = "marsad_csrf_" + self._mac("cookie-name")[:10]

    def _mac(self, text: str) -> str:
        return hmac.new(self._secret, text.encode("ascii"), hashlib.sha256).hexdigest()

    def issue(self, cookie_value: str | None) -> tuple[str, str]:
        """(nonce for the cookie, token for the form); the browser's nonce is kept when well formed,
        so two open forms stay valid together."""
        nonce = cookie_value if cookie_value and _NONCE_RE.fullmatch(cookie_value) else secrets.token_urlsafe(24)
        return nonce, self._mac(nonce)

    def check(self, cookie_value: str | None, token: str | None) -> bool:
        if not cookie_value or not token or not _NONCE_RE.fullmatch(cookie_value):
            return False
        return hmac.compare_digest(self._mac(cookie_value).encode(), token.encode("utf-8", "replace"))
