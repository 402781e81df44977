"""Writes a reply to a delivered notice as a mail client would (Thunderbird's
quoting, a signature), with Python's email library: argv[1] the notice, argv[2]
the reply's text, argv[3] the sender. The raw message goes to stdout."""
import email
import email.policy
import sys
from email.message import EmailMessage

with open(sys.argv[1], "rb") as f:
    notice = email.message_from_binary_file(f, policy=email.policy.default)
reply = EmailMessage()
reply["From"] = sys.argv[3]
reply["To"] = notice["Reply-To"]
reply["Subject"] = "Re: " + notice["Subject"]
reply["Date"] = "Thu, 03 Dec 2026 10:00:00 +0000"
reply["Message-ID"] = "<reply-e2e-1@example.org>"
reply["In-Reply-To"] = notice["Message-ID"]
reply["References"] = notice["References"] + " " + notice["Message-ID"]
reply["User-Agent"] = "Mozilla Thunderbird"
quoted = "\n".join("> " + line for line in notice.get_content().splitlines())
reply.set_content(sys.argv[2] + "\n\nOn 03/12/2026 09:58, Paddock wrote:\n" + quoted + "\n\n-- \nMarco, Furia 950 since 2024\n")
sys.stdout.buffer.write(reply.as_bytes())
