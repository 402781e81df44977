#!/usr/bin/env bash
# The ceiling of one host: `paddock serve` on loopback, driven by SESSIONS real
# OpenSSH clients (`ssh -tt` from a pipe, so 80×24), one Python process
# reading and writing all of them. Four phases, one after the other:
#   1. open: SESSIONS sessions opened, at most OPEN_AT_ONCE key exchanges in
#      flight; sessions opened per second, time to the first screen;
#   2. idle: every session on its home screen, nothing typed; the CPU time of
#      the server and every session's app (utime + stime from /proc) over
#      IDLE_SECONDS, as a share of one core;
#   3. typing: TYPISTS of the sessions type replies (a key every 150–250 ms,
#      each sent once the last one's echo arrived), post them (^S) and read
#      (j/k) while the rest stay open on their home screens; keystroke-to-echo
#      percentiles (the time from writing a key to ssh's stdin until the
#      typed character comes back on its stdout), the post's wait, and the
#      machine's load;
#   4. writing: WRITERS other sessions post replies as fast as the app lets them
#      (r, a pasted body, ^S, until "Reply posted."): replies per second, the
#      wait's percentiles, and the posts counted in the file afterwards
#      against the replies confirmed.
# Needs root only to raise the limit of open files (the server holds a socket
# and a pty per session, the driver two pipes per ssh) and python3,
# ssh, ssh-keygen, sqlite3. Leaves nothing behind. Usage:
#   sudo scripts/load-host.sh [path/to/paddock]        (default: .build/release/paddock)
#   SESSIONS=1000 TYPISTS=100 WRITERS=100 IDLE_SECONDS=60 sudo scripts/load-host.sh
set -euo pipefail

PADDOCK=$(realpath "${1:-.build/release/paddock}")
SESSIONS=${SESSIONS:-1000}
TYPISTS=${TYPISTS:-100}
WRITERS=${WRITERS:-100}
OPEN_AT_ONCE=${OPEN_AT_ONCE:-32}
IDLE_SECONDS=${IDLE_SECONDS:-60}
TYPING_SECONDS=${TYPING_SECONDS:-60}
WRITE_SECONDS=${WRITE_SECONDS:-30}
MEMBERS=${MEMBERS:-20}
PORT=${PORT:-22970}

[ -x "$PADDOCK" ] || { echo "load-host: no paddock binary at $PADDOCK (make release)" >&2; exit 1; }
for tool in ssh ssh-keygen sqlite3 python3; do
    command -v "$tool" >/dev/null || { echo "load-host: needs $tool (scripts/ensure-deps installs it)" >&2; exit 1; }
done
# The server: a socket, a pty master and its resize descriptor per session; the
# driver: two pipes per ssh. The default 1024 stops at about 300 sessions.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
echo "limits: open files $(ulimit -n), processes $(ulimit -u), ptys $(cat /proc/sys/kernel/pty/max)"

DIR=$(mktemp -d /tmp/paddock-load-host.XXXXXX)
SERVE_PID=""
cleanup() {
    [ -n "$SERVE_PID" ] && kill -TERM "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null || true
    rm -rf "$DIR"
}
trap cleanup EXIT

DB="$DIR/community.sqlite"
"$PADDOCK" --db "$DB" init --demo --admin ada >/dev/null
for i in $(seq -w 1 "$MEMBERS"); do
    "$PADDOCK" --db "$DB" --as ada member add "load$i" >/dev/null
    ssh-keygen -q -t ed25519 -N "" -C "load$i" -f "$DIR/load$i"
    "$PADDOCK" --db "$DB" --as ada member key add "load$i" --key-file "$DIR/load$i.pub" >/dev/null
done
"$PADDOCK" --db "$DB" --as ada setting set max_sessions_per_member 100 >/dev/null
"$PADDOCK" --db "$DB" --as ada setting set max_sessions 10000 >/dev/null
"$PADDOCK" --db "$DB" --as ada setting set connections_per_minute 0 >/dev/null
# The load's members are days old, not new: no posting interval.
"$PADDOCK" --db "$DB" --as ada setting set new_member_days 0 >/dev/null

"$PADDOCK" --db "$DB" serve --listen "127.0.0.1:$PORT" --log-file "$DIR/serve.log" >"$DIR/serve.out" 2>&1 &
SERVE_PID=$!
for _ in $(seq 100); do grep -q "Serving" "$DIR/serve.out" 2>/dev/null && break; sleep 0.1; done
grep -h "watching\|cannot watch" "$DIR/serve.log" | sed 's/^[^ ]* /server: /' || true
echo "binary: $PADDOCK ($(stat -c %s "$PADDOCK") bytes), $(nproc) cores, $(ssh -V 2>&1)"

python3 - "$DIR" "$PORT" "$SERVE_PID" "$SESSIONS" "$TYPISTS" "$WRITERS" "$OPEN_AT_ONCE" \
    "$IDLE_SECONDS" "$TYPING_SECONDS" "$WRITE_SECONDS" "$MEMBERS" "$DB" <<'PY'
import os, random, selectors, subprocess, sys, time

(folder, port, serve_pid, sessions, typists, writers, open_at_once, idle_seconds,
 typing_seconds, write_seconds, members, db) = sys.argv[1:]
serve_pid, sessions, typists, writers, open_at_once = int(serve_pid), int(sessions), int(typists), int(writers), int(open_at_once)
idle_seconds, typing_seconds, write_seconds, members = float(idle_seconds), float(typing_seconds), float(write_seconds), int(members)
random.seed(16)
HZ = os.sysconf("SC_CLK_TCK")
HOME = b"announcement"
DOWN, ENTER, CTRL_S, ESC = b"\x1b[B", b"\r", b"\x13", b"\x1b"
TYPED = b"QXZJKVWY"  # letters the screens around a reply form do not draw on their own

def pct(values, p):
    if not values: return float("nan")
    v = sorted(values)
    return v[min(len(v) - 1, max(0, int(round(p / 100 * len(v))) - 1))]

def summary(ms):
    return (f"n={len(ms)} p50 {pct(ms, 50):.1f} ms, p90 {pct(ms, 90):.1f} ms, p99 {pct(ms, 99):.1f} ms, "
            f"max {max(ms) if ms else float('nan'):.1f} ms")

def descendants(pid):
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    kids = [int(x) for x in f.read().split()]
                    out += kids
                    todo += kids
        except OSError:
            pass
    return out

def cpu_ticks(pids):
    total = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except OSError:
            pass
    return total

def machine():
    with open("/proc/stat") as f:
        cpu = [int(x) for x in f.readline().split()[1:]]
    return sum(cpu), cpu[3] + cpu[4]  # all, idle + iowait

def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])

class Session:
    def __init__(self, n):
        self.n = n
        key = f"{folder}/load{n % members + 1:0{len(str(members))}d}"
        self.proc = subprocess.Popen(
            ["ssh", "-tt", "-p", port, "-i", key, "-F", "/dev/null", "-o", "StrictHostKeyChecking=no",
             "-o", "UserKnownHostsFile=/dev/null", "-o", "IdentitiesOnly=yes", "-o", "LogLevel=ERROR", "load@127.0.0.1"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, bufsize=0)
        self.fd = self.proc.stdout.fileno()
        os.set_blocking(self.fd, False)
        self.started = time.monotonic()
        self.seen = b""       # output since the last `expect`
        self.opened = None
        self.closed = False

    def send(self, data):
        self.seen = b""
        try:
            self.proc.stdin.write(data)
        except OSError:
            self.closed = True

    def read(self):
        try:
            chunk = os.read(self.fd, 1 << 16)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        if not chunk:
            self.closed = True
        self.seen = (self.seen + chunk)[-(1 << 16):]

sel = selectors.DefaultSelector()
def pump(timeout):
    for key, _ in sel.select(timeout):
        key.data.read()

def wait_for(session, marker, limit=10.0):
    """Pumps every session until `marker` is in what `session` showed since its last send; the wait in ms, or None."""
    start = time.monotonic()
    while marker not in session.seen:
        if session.closed or time.monotonic() - start > limit:
            return None
        pump(0.005)
    return (time.monotonic() - start) * 1000

# 1. Open.
all_sessions, opening, first_screen = [], [], []
t0 = time.monotonic()
while len(all_sessions) < sessions or opening:
    while len(all_sessions) < sessions and len(opening) < open_at_once:
        s = Session(len(all_sessions))
        all_sessions.append(s)
        opening.append(s)
        sel.register(s.fd, selectors.EVENT_READ, s)
    pump(0.01)
    for s in list(opening):
        if HOME in s.seen:
            s.opened = time.monotonic()
            first_screen.append((s.opened - s.started) * 1000)
            opening.remove(s)
        elif s.closed or time.monotonic() - s.started > 60:
            opening.remove(s)
            print(f"session {s.n} did not open: {s.seen[-300:]!r}")
elapsed = time.monotonic() - t0
opened = [s for s in all_sessions if s.opened]
print(f"open: {len(opened)}/{sessions} sessions in {elapsed:.1f} s = {len(opened)/elapsed:.1f} sessions/s "
      f"({open_at_once} key exchanges at once); first screen {summary(first_screen)}; load {loadavg()}")

# 2. Idle.
end = time.monotonic() + 10
while time.monotonic() < end: pump(0.1)   # let every app settle after its first screen
served = [serve_pid] + descendants(serve_pid)
clients = [s.proc.pid for s in all_sessions]
before, client_before, (m_all0, m_idle0) = cpu_ticks(served), cpu_ticks(clients), machine()
t0 = time.monotonic()
end = t0 + idle_seconds
while time.monotonic() < end: pump(0.5)
span = time.monotonic() - t0
used = (cpu_ticks(served) - before) / HZ
client_used = (cpu_ticks(clients) - client_before) / HZ
m_all1, m_idle1 = machine()
print(f"idle: {len(served) - 1} apps + the server used {used:.2f} CPU-s in {span:.0f} s = {100 * used / span:.2f} % of one core "
      f"({1e6 * used / span / max(1, len(served) - 1):.1f} µs/s per session); the ssh clients {100 * client_used / span:.2f} %; "
      f"machine busy {100 * (1 - (m_idle1 - m_idle0) / max(1, m_all1 - m_all0)):.1f} % of 2 cores; load {loadavg()}")
posts_before = int(subprocess.check_output(["sqlite3", db, "SELECT count(*) FROM post"]).decode())

# 3. Typing and reading, the rest idle on their home screens.
class Typist:
    def __init__(self, session, index):
        self.s = session
        self.index = index
        self.state = "board"
        self.due = time.monotonic() + random.uniform(0, 1)
        self.typed = 0
        self.waiting = None   # (what, marker, since)
        self.reads = 0

def run_typists(seconds, paste):
    echo, nav, post_wait, confirmed, timeouts = [], [], [], 0, {}
    # Writers are other sessions than the typists, still on their home screens.
    chosen = opened[:typists] if not paste else opened[typists:typists + writers]
    actors = [Typist(s, i) for i, s in enumerate(chosen)]
    for a in actors:
        # Home → the Furia 950 board → one of its first threads.
        a.s.send(DOWN + ENTER)
        a.waiting = ("board", b" new thread", time.monotonic())   # the board's footer, past its styled key
    all0, idle0 = machine()
    served = [serve_pid] + descendants(serve_pid)
    clients = [s.proc.pid for s in all_sessions]
    cpu0, client0, driver0 = cpu_ticks(served), cpu_ticks(clients), sum(os.times()[:2])
    t0 = time.monotonic()
    stop = t0 + seconds
    while True:
        now = time.monotonic()
        if now >= stop and all(a.waiting is None or a.waiting[0] not in ("post",) for a in actors):
            break
        pump(0.002)
        now = time.monotonic()
        for a in actors:
            if a.waiting:
                what, marker, since = a.waiting
                if (a.s.seen if what == "nav" else marker in a.s.seen):
                    ms = (now - since) * 1000
                    a.waiting = None
                    if what == "echo": echo.append(ms)
                    elif what == "nav": nav.append(ms)
                    elif what == "post":
                        post_wait.append(ms)
                        confirmed += 1
                    if what == "board":
                        a.state, a.due = "thread", now + 0.2
                    elif what in ("thread", "post", "nav"):
                        # A typist pauses before the next reply; a writer does not.
                        a.state, a.due = "reply", now + (0 if paste and what == "post" else random.uniform(0.3, 0.5))
                    elif what == "compose":
                        a.state, a.typed, a.due, a.reads = ("paste" if paste else "type"), 0, now, 0
                elif what == "nav" and now - since > 2:
                    a.waiting = None   # j at the last post, k at the first: nothing to redraw
                    a.due = now
                elif now - since > 10:
                    timeouts[what] = timeouts.get(what, 0) + 1
                    if os.environ.get("LOAD_DEBUG"): print(f"timeout {what} {marker!r} session {a.s.n}: {a.s.seen[-400:]!r}")
                    a.waiting = None
                    a.state, a.due = "reply", now + 1
                    if what == "post": a.s.send(ESC)   # the form stays open on a refusal: back to the thread, the draft kept
                continue
            if now < a.due or now >= stop:
                continue
            if a.state == "reply" and not paste and a.reads < 4:
                # After a post, a typist reads: j/k a few times, then replies again.
                a.s.send(b"j" if a.reads % 2 == 0 else b"k")
                a.waiting = ("nav", b"", now)
                a.reads += 1
                a.due = now + random.uniform(0.2, 0.4)
            elif a.state == "thread":
                a.s.send(DOWN * (a.index % 4) + ENTER)
                a.waiting = ("thread", b" reply quoting", now)   # the thread's footer
            elif a.state == "reply":
                a.s.send(b"r")
                a.waiting = ("compose", b" back, draft kept", now)   # the form's footer
            elif a.state == "type":
                if a.typed < 30:
                    c = TYPED[(a.typed + a.index) % len(TYPED):][:1]
                    a.s.send(c)
                    a.waiting = ("echo", c, now)
                    a.typed += 1
                    a.due = now + random.uniform(0.15, 0.25)
                else:
                    a.s.send(CTRL_S)
                    a.waiting = ("post", b"Reply posted", now)
                    a.state, a.reads = "read", 0
            elif a.state == "paste":
                a.s.send(b"\x1b[200~load writer " + str(a.index).encode() + b": the seat is fine after 10k km\x1b[201~" + CTRL_S)
                a.waiting = ("post", b"Reply posted", now)
            elif a.state == "read":
                pass
    span = time.monotonic() - t0
    all1, idle1 = machine()
    cpu = (cpu_ticks(served) - cpu0) / HZ
    side = f"the ssh clients {100 * (cpu_ticks(clients) - client0) / HZ / span:.0f} %, this driver {100 * (sum(os.times()[:2]) - driver0) / span:.0f} %"
    busy = 100 * (1 - (idle1 - idle0) / max(1, all1 - all0))
    return echo, nav, post_wait, confirmed, timeouts, span, busy, cpu, side

echo, nav, post_wait, typed_posts, timeouts, span, busy, cpu, side = run_typists(typing_seconds, paste=False)
print(f"typing: {typists} of {len(opened)} sessions typing and reading for {span:.0f} s, the rest idle on their home screens")
print(f"  keystroke-to-echo {summary(echo)}")
print(f"  j/k to the first byte of the redraw {summary(nav)}")
print(f"  replies posted {typed_posts} ({typed_posts/span:.1f}/s), ^S to 'Reply posted.' {summary(post_wait)}; waits over 10 s {timeouts or 'none'}")
print(f"  machine busy {busy:.0f} % of 2 cores (server and apps {100*cpu/span:.0f} % of one core; {side}), load {loadavg()}")

echo, nav, post_wait, written, timeouts, span, busy, cpu, side = run_typists(write_seconds, paste=True)
print(f"writing: {writers} sessions posting replies as fast as they can for {span:.0f} s, {len(opened)} open")
print(f"  {written} replies confirmed = {written/span:.1f} replies/s; ^S to 'Reply posted.' {summary(post_wait)}; waits over 10 s {timeouts or 'none'}")
print(f"  machine busy {busy:.0f} % of 2 cores (server and apps {100*cpu/span:.0f} % of one core; {side}), load {loadavg()}")

for s in all_sessions: s.send(b"qqqq")
end = time.monotonic() + 30
while time.monotonic() < end and any(s.proc.poll() is None for s in all_sessions): pump(0.1)
for s in all_sessions:
    if s.proc.poll() is None: s.proc.kill()
posts_after = int(subprocess.check_output(["sqlite3", db, "SELECT count(*) FROM post"]).decode())
print(f"posts in the file: {posts_after - posts_before} new, {typed_posts + written} confirmed to their writers: "
      f"{'nothing lost' if posts_after - posts_before == typed_posts + written else 'MISMATCH'}")
PY
echo "server log: $(grep -c 'session opened' "$DIR/serve.log") sessions opened, $(grep -c 'session closed' "$DIR/serve.log") closed, $(grep -c -i 'error\|warning' "$DIR/serve.log") errors or warnings"
