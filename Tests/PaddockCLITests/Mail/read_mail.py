"""Reads a message as a mail client would (Python's email library) and prints
what the mail-out tests check, as JSON.

Usage: read_mail.py FILE.eml
"""
import json
import sys
from email import policy
from email.parser import BytesParser

# SMTP carries lines ending CRLF; a client stores them with its own newlines.
# A CR that the message itself encoded (=0D) still decodes to one, and is caught.
raw = open(sys.argv[1], "rb").read().replace(b"\r\n", b"\n")
message = BytesParser(policy=policy.default).parsebytes(raw)
head = raw.split(b"\r\n\r\n", 1)[0] if b"\r\n\r\n" in raw else raw.split(b"\n\n", 1)[0]
body = message.get_content()
controls = sorted({"%04X" % ord(c) for c in body if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F
                   or 0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069})
print(json.dumps({
    "headers": {name: str(value) for name, value in message.items()},
    "header_names": [name for name, _ in message.items()],
    "raw_head_ascii": all(32 <= b < 127 or b in (9, 10, 13) for b in head),
    "content_type": message.get_content_type(),
    "charset": message.get_content_charset(),
    "transfer_encoding": message.get("Content-Transfer-Encoding"),
    "body": body,
    "body_controls": controls,
    "defects": [str(d) for d in message.defects],
}))
