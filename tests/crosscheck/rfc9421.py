"""RFC 9421 signatures by an independent implementation (the `http-message-signatures` package,
pinned in .ci/clients-requirements.txt), for tests/integration/http_signatures_crosscheck.rs
and the fixed vectors of src/federation/signatures/rfc9421.rs.

Reads one JSON object on standard input and writes one on standard output:

- `sign`: {method, url, headers: [[name, value]...], body, key_id, private_key_pem, alg,
  components, created} -> {headers: [[name, value]...]}, the request's headers with
  `Signature-Input`, `Signature` (and `Content-Digest` when a body is given) added.
- `verify`: {method, url, headers, body, key_id, public_key_pem, alg} -> {ok: true} or
  {ok: false, error}; the body's `Content-Digest` is checked too when a body is given.
"""

import datetime
import json
import sys

from http_message_signatures import (
    HTTPMessageSigner,
    HTTPMessageVerifier,
    HTTPSignatureKeyResolver,
    algorithms,
)


class Headers:
    """Header field lines in order, as the package's message interface wants them."""

    def __init__(self, pairs):
        self.pairs = [(name, value) for name, value in pairs]

    def items(self):
        return list(self.pairs)

    def __iter__(self):
        return iter(dict.fromkeys(name for name, _ in self.pairs))

    def __contains__(self, name):
        return any(field.lower() == name.lower() for field, _ in self.pairs)

    def __setitem__(self, name, value):
        del self[name]
        self.pairs.append((name, value))

    def __delitem__(self, name):
        self.pairs = [(field, value) for field, value in self.pairs if field.lower() != name.lower()]


class Request:
    def __init__(self, method, url, headers):
        self.method = method
        self.url = url
        self.headers = Headers(headers)


class Keys(HTTPSignatureKeyResolver):
    def __init__(self, key_id, public_key=None, private_key=None):
        self.key_id, self.public_key, self.private_key = key_id, public_key, private_key

    def resolve_public_key(self, key_id):
        if key_id != self.key_id:
            raise KeyError(key_id)
        return self.public_key

    def resolve_private_key(self, key_id):
        if key_id != self.key_id:
            raise KeyError(key_id)
        return self.private_key


ALGORITHMS = {"rsa-v1_5-sha256": algorithms.RSA_V1_5_SHA256, "ed25519": algorithms.ED25519}


def sign(task):
    request = Request(task["method"], task["url"], task["headers"])
    signer = HTTPMessageSigner(
        signature_algorithm=ALGORITHMS[task["alg"]],
        key_resolver=Keys(task["key_id"], private_key=task["private_key_pem"].encode()),
    )
    created = datetime.datetime.fromtimestamp(task["created"], tz=datetime.timezone.utc)
    body = task.get("body")
    signer.sign(
        request,
        key_id=task["key_id"],
        created=created,
        label="sig1",
        covered_component_ids=task["components"],
        body=body.encode() if body is not None else None,
    )
    return {"headers": request.headers.items()}


def verify(task):
    request = Request(task["method"], task["url"], task["headers"])
    verifier = HTTPMessageVerifier(
        signature_algorithm=ALGORITHMS[task["alg"]],
        key_resolver=Keys(task["key_id"], public_key=task["public_key_pem"].encode()),
    )
    body = task.get("body")
    try:
        verifier.verify(request, body=body.encode() if body is not None else None)
    except Exception as error:  # any refusal is an answer, not a crash
        return {"ok": False, "error": f"{type(error).__name__}: {error}"}
    return {"ok": True}


if __name__ == "__main__":
    command = sys.argv[1]
    task = json.load(sys.stdin)
    answer = {"sign": sign, "verify": verify}[command](task)
    json.dump(answer, sys.stdout)
