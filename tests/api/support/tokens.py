"""Just enough JWT to read the server's tokens and forge hostile ones.

Written out by hand (no PyJWT) so that the tests can build tokens a correct
library would refuse to build: `alg: none`, algorithm confusion, missing claims.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import uuid
from typing import Any, Optional

from .server import JWT_SECRET

_HASHES = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _segment(obj: Any) -> str:
    return b64url_encode(json.dumps(obj, separators=(",", ":")).encode("utf-8"))


def decode(token: str) -> tuple[dict, dict, str]:
    """(header, payload, signature segment) without verifying anything."""
    head, body, sig = token.split(".")
    return json.loads(b64url_decode(head)), json.loads(b64url_decode(body)), sig


def claims(token: str) -> dict:
    return decode(token)[1]


def hmac_signature(signing_input: str, secret: str = JWT_SECRET, alg: str = "HS256") -> str:
    digest = hmac.new(secret.encode("utf-8"), signing_input.encode("ascii"), _HASHES[alg]).digest()
    return b64url_encode(digest)


def forge(payload: dict, *, secret: str = JWT_SECRET, alg: str = "HS256",
          header: Optional[dict] = None, sign_with: Optional[str] = None) -> str:
    """A token with the given payload.

    `header` defaults to {"alg": alg, "typ": "JWT"}. The signature is an HMAC
    with `sign_with` (HS256/HS384/HS512; defaults to `alg`) using `secret` —
    so forge(p, header={"alg": "RS256"}, sign_with="HS256") is the classic
    algorithm-confusion token: right secret, lying header."""
    hdr = header if header is not None else {"alg": alg, "typ": "JWT"}
    signing_input = f"{_segment(hdr)}.{_segment(payload)}"
    return f"{signing_input}.{hmac_signature(signing_input, secret, sign_with or alg)}"


def unsigned(payload: dict, header: Optional[dict] = None) -> str:
    """`alg: none` with an empty signature."""
    hdr = header if header is not None else {"alg": "none", "typ": "JWT"}
    return f"{_segment(hdr)}.{_segment(payload)}."


def tamper_payload(token: str, **changes: Any) -> str:
    """The same header and signature over a modified payload (signature now wrong)."""
    head, _, sig = token.split(".")
    payload = claims(token)
    payload.update(changes)
    return f"{head}.{_segment(payload)}.{sig}"


def resign(token: str, *, drop: tuple[str, ...] = (), secret: str = JWT_SECRET,
           alg: str = "HS256", header: Optional[dict] = None, sign_with: Optional[str] = None,
           **changes: Any) -> str:
    """Re-issue `token`'s payload with changes, correctly signed with `secret`."""
    payload = claims(token)
    payload.update(changes)
    for key in drop:
        payload.pop(key, None)
    return forge(payload, secret=secret, alg=alg, header=header, sign_with=sign_with)


def new_jti() -> str:
    return uuid.uuid4().hex


def now() -> int:
    return int(time.time())
