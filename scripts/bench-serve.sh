#!/usr/bin/env bash
# Measures `paddock serve` against the system's OpenSSH sshd running the same
# binary with ForceCommand, on loopback:
#   1. connect-to-first-screen: from starting `ssh -tt` to the home screen's
#      text arriving, RUNS times each, median and 90th percentile;
#   2. memory per idle session: SESSIONS sessions held open at once, the
#      proportional set size (PSS, /proc/PID/smaps_rollup) of every process
#      serving them (server or sshd processes, and the app children), divided
#      by the number of sessions.
# Needs root (sshd runs on its own port with its own config), openssh-server
# and python3. Leaves nothing behind. Usage:
#   sudo scripts/bench-serve.sh [path/to/paddock]      (default: .build/release/paddock)
#   RUNS=30 SESSIONS=100 sudo scripts/bench-serve.sh
set -euo pipefail

PADDOCK=$(realpath "${1:-.build/release/paddock}")
RUNS=${RUNS:-30}
SESSIONS=${SESSIONS:-100}
SERVE_PORT=${SERVE_PORT:-22960}
SSHD_PORT=${SSHD_PORT:-22961}

[ "$(id -u)" -eq 0 ] || { echo "bench-serve: run as root (sshd needs it)" >&2; exit 1; }
[ -x "$PADDOCK" ] || { echo "bench-serve: no paddock binary at $PADDOCK (swift build -c release --product paddock)" >&2; exit 1; }
[ -x /usr/sbin/sshd ] || { echo "bench-serve: install openssh-server" >&2; exit 1; }

DIR=$(mktemp -d /tmp/paddock-bench-serve.XXXXXX)
SERVE_PID="" SSHD_PID=""
cleanup() {
    [ -n "$SERVE_PID" ] && kill -TERM "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null || true
    [ -n "$SSHD_PID" ] && kill -TERM "$SSHD_PID" 2>/dev/null && wait "$SSHD_PID" 2>/dev/null || true
    rm -rf "$DIR"
}
trap cleanup EXIT

DB="$DIR/community.sqlite"
"$PADDOCK" --db "$DB" init --demo --admin ada >/dev/null
ssh-keygen -q -t ed25519 -N "" -C bench -f "$DIR/ada"
"$PADDOCK" --db "$DB" --as ada member key add ada --key-file "$DIR/ada.pub" >/dev/null
"$PADDOCK" --db "$DB" --as ada setting set max_sessions_per_member 100 >/dev/null
"$PADDOCK" --db "$DB" --as ada setting set max_sessions 1000 >/dev/null
"$PADDOCK" --db "$DB" --as ada setting set connections_per_minute 0 >/dev/null

# paddock serve
"$PADDOCK" --db "$DB" serve --listen "127.0.0.1:$SERVE_PORT" --log-file "$DIR/serve.log" >"$DIR/serve.out" 2>&1 &
SERVE_PID=$!

# The system sshd on its own port, running the same binary for the key's member.
ssh-keygen -q -t ed25519 -N "" -f "$DIR/ssh_host_ed25519_key"
printf '%s\n' "$(cat "$DIR/ada.pub")" >"$DIR/authorized_keys"
cat >"$DIR/sshd_config" <<EOF
Port $SSHD_PORT
ListenAddress 127.0.0.1
HostKey $DIR/ssh_host_ed25519_key
PidFile $DIR/sshd.pid
AuthorizedKeysFile $DIR/authorized_keys
StrictModes no
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
UseDNS no
PrintMotd no
PrintLastLog no
MaxStartups 1000
MaxSessions 1000
DisableForwarding yes
ForceCommand $PADDOCK --db $DB --as ada
EOF
/usr/sbin/sshd -D -e -f "$DIR/sshd_config" 2>"$DIR/sshd.log" &
SSHD_PID=$!
sleep 1

python3 - "$DIR" "$SERVE_PORT" "$SSHD_PORT" "$RUNS" "$SESSIONS" "$SERVE_PID" "$SSHD_PID" <<'PY'
import os, select, signal, statistics, subprocess, sys, time

folder, serve_port, sshd_port, runs, sessions, serve_pid, sshd_pid = sys.argv[1:]
runs, sessions, serve_pid, sshd_pid = int(runs), int(sessions), int(serve_pid), int(sshd_pid)
MARK = b"announcement"

def ssh(port):
    cmd = ["ssh", "-tt", "-p", port, "-i", f"{folder}/ada", "-F", "/dev/null", "-o", "StrictHostKeyChecking=no",
           "-o", "UserKnownHostsFile=/dev/null", "-o", "IdentitiesOnly=yes", "-o", "LogLevel=ERROR", "root@127.0.0.1"]
    return subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)

def first_screen(port):
    start = time.monotonic()
    p = ssh(port)
    seen = b""
    while MARK not in seen:
        r, _, _ = select.select([p.stdout], [], [], 20)
        if not r:
            raise SystemExit(f"no first screen from port {port} in 20 s: {seen[-200:]!r}")
        chunk = os.read(p.stdout.fileno(), 65536)
        if not chunk:
            raise SystemExit(f"port {port} closed before the first screen: {seen[-200:]!r}")
        seen += chunk
    elapsed = time.monotonic() - start
    p.stdin.write(b"q"); p.stdin.flush()
    try:
        p.wait(5)
    except subprocess.TimeoutExpired:
        p.kill(); p.wait()
    return elapsed

def descendants(pid):
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        kids = []
        try:
            for task in os.listdir(f"/proc/{p}/task"):  # each thread lists the children it forked
                with open(f"/proc/{p}/task/{task}/children") as f:
                    kids += [int(x) for x in f.read().split()]
        except OSError:
            pass
        out += kids
        todo += kids
    return out

def pss_kb(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0

def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0

def is_paddock(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().split(b"\0")[0].endswith(b"paddock")
    except OSError:
        return False

def idle_memory(port, root):
    base_pss = sum(pss_kb(p) for p in [root] + descendants(root))
    procs = [ssh(port) for _ in range(sessions)]
    pending = {p.stdout.fileno(): (p, b"") for p in procs}
    deadline = time.monotonic() + 180
    while pending and time.monotonic() < deadline:
        r, _, _ = select.select(list(pending), [], [], 1)
        for fd in r:
            p, seen = pending[fd]
            chunk = os.read(fd, 65536)
            seen += chunk
            if MARK in seen or not chunk:
                del pending[fd]
            else:
                pending[fd] = (p, seen[-4096:])
    shown = sessions - len(pending)
    time.sleep(3)  # idle: let every app settle into its loop
    pids = [root] + descendants(root)
    total_pss = sum(pss_kb(p) for p in pids)
    apps = [p for p in pids if is_paddock(p)]
    app_pss = [pss_kb(p) for p in apps if p != root]
    app_rss = [rss_kb(p) for p in apps if p != root]
    server_pss = sum(pss_kb(p) for p in pids if not is_paddock(p) or p == root)
    by_program = {}
    for p in pids:
        try:
            with open(f"/proc/{p}/cmdline", "rb") as f:
                name = f.read().split(b"\0")[0].decode(errors="replace").split(" ")[0].split("/")[-1].rstrip(":")[:24]
        except OSError:
            name = "?"
        n, kb = by_program.get(name, (0, 0))
        by_program[name] = (n + 1, kb + pss_kb(p))
    print("   by program: " + ", ".join(f"{k} ×{n} {kb/1024:.0f} MB" for k, (n, kb) in sorted(by_program.items())))
    for p in procs:
        try:
            p.stdin.write(b"q"); p.stdin.flush()
        except OSError:
            pass
    for p in procs:
        try:
            p.wait(10)
        except subprocess.TimeoutExpired:
            p.kill(); p.wait()
    return shown, len(pids), base_pss, total_pss, app_pss, app_rss, server_pss

for name, port in (("paddock serve", serve_port), ("sshd + ForceCommand", sshd_port)):
    first_screen(port)  # warm the page cache and the host key exchange code
    times = sorted(first_screen(port) for _ in range(runs))
    p90 = times[max(0, int(round(0.9 * len(times))) - 1)]
    print(f"{name:22s} first screen: median {statistics.median(times)*1000:6.0f} ms, p90 {p90*1000:6.0f} ms, "
          f"min {times[0]*1000:.0f} ms, max {times[-1]*1000:.0f} ms ({runs} runs)")

for name, port, root in (("paddock serve", serve_port, serve_pid), ("sshd + ForceCommand", sshd_port, sshd_pid)):
    shown, nprocs, base, total, app_pss, app_rss, server = idle_memory(port, root)
    per = (total - base) / max(1, shown) / 1024
    print(f"{name:22s} {shown}/{sessions} idle sessions: {nprocs} processes, {total/1024:.0f} MB PSS in all "
          f"({base/1024:.1f} MB before), {per:.1f} MB per session; app child PSS median "
          f"{statistics.median(app_pss)/1024 if app_pss else 0:.1f} MB (all {len(app_pss)} apps: {sum(app_pss)/1024:.0f} MB), RSS median {statistics.median(app_rss)/1024 if app_rss else 0:.1f} MB; "
          f"server side (the server, or every sshd process) {server/1024:.1f} MB PSS")
PY
echo "server: $(grep -c 'session opened' "$DIR/serve.log") sessions opened, $(grep -c 'session closed' "$DIR/serve.log") closed"
