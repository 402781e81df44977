#!/usr/bin/env bash
# Tries the README's "Serve it over SSH (system sshd)" recipe for real, then
# removes everything it made. Run as root on a Debian-like machine with
# openssh-server, openssh-client, nano and tmux installed:
#
#   swift build && sudo scripts/ssh-check.sh [path/to/paddock]
#
# It follows the recipe (account `paddock`, /var/lib/paddock, the two programs
# in /usr/local/bin, the Match block) but runs a private sshd on 127.0.0.1:2299
# with its own host key; the system's sshd and its config are not touched. It
# refuses to start if any of those paths or the account already exist.
set -u
PORT=${PORT:-2299}
SRC=$(cd "$(dirname "$0")/.." && pwd)
BIN=$(realpath "${1:-$SRC/.build/debug/paddock}")
HOME_DIR=/var/lib/paddock
DB=$HOME_DIR/db/community.sqlite

[ "$(id -u)" = 0 ] || { echo "run as root"; exit 2; }
[ -x "$BIN" ] || { echo "no paddock binary at $BIN: swift build first"; exit 2; }
for tool in /usr/sbin/sshd ssh ssh-keygen sftp scp tmux /usr/bin/rnano; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install openssh-server openssh-client nano tmux)"; exit 2; }
done
if id paddock >/dev/null 2>&1 || [ -e $HOME_DIR ] || [ -e /usr/local/bin/paddock ] || [ -e /usr/local/bin/paddock-ssh-login ]; then
    echo "the account paddock, $HOME_DIR or /usr/local/bin/paddock* already exist; not touching them"; exit 2
fi
if (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null; then echo "port $PORT is in use"; exit 2; fi

T=$(mktemp -d /tmp/paddock-ssh-check.XXXXXX)
TM="tmux -L paddock-ssh-check-$$"
cleanup() {
    [ -f "$T/sshd.pid" ] && kill "$(cat "$T/sshd.pid")" 2>/dev/null
    $TM kill-server 2>/dev/null
    userdel paddock 2>/dev/null
    rm -rf "$HOME_DIR" /usr/local/bin/paddock /usr/local/bin/paddock-ssh-login "$T"
}
trap cleanup EXIT

failures=0
check() { if eval "$2"; then echo "PASS $1"; else echo "FAIL $1"; failures=$((failures + 1)); fi; }
run() { echo "\$ $*" | sed "s|$T|\$T|g"; }

# --- the recipe, as in the README ---------------------------------------------
useradd --system --home-dir $HOME_DIR --no-create-home --shell /bin/sh paddock
install -d -o root -g root -m 0755 $HOME_DIR $HOME_DIR/.ssh
install -d -o paddock -g paddock -m 0700 $HOME_DIR/db
install -o root -g root -m 0755 "$BIN" /usr/local/bin/paddock
install -o root -g root -m 0755 "$SRC/scripts/paddock-ssh-login" /usr/local/bin/paddock-ssh-login
as_paddock() { runuser -u paddock -- /usr/local/bin/paddock --db $DB "$@" >/dev/null; }
as_paddock init --admin admin
as_paddock --as admin member add alice
as_paddock --as admin member add bob
as_paddock --as admin board add garage --title Garage
as_paddock --as bob thread new --board garage --title "Valve clearances" --body "Any tips?"

ssh-keygen -q -t ed25519 -N '' -C alice@test -f "$T/alice"
ssh-keygen -q -t ed25519 -N '' -C mallory@test -f "$T/mallory"     # never listed
ssh-keygen -q -t ed25519 -N '' -C host -f "$T/host_ed25519"
printf 'command="/usr/local/bin/paddock-ssh-login alice",restrict,pty %s\n' "$(cat "$T/alice.pub")" \
    > $HOME_DIR/.ssh/authorized_keys
chmod 0644 $HOME_DIR/.ssh/authorized_keys

mkdir -p /run/sshd
cat > "$T/sshd_config" <<EOF
# A private instance: loopback only, its own host key and pid file.
Port $PORT
ListenAddress 127.0.0.1
HostKey $T/host_ed25519
PidFile $T/sshd.pid
# Debian's defaults, as in /etc/ssh/sshd_config.
KbdInteractiveAuthentication no
UsePAM yes
X11Forwarding yes
PrintMotd no
AcceptEnv LANG LC_*
Subsystem sftp /usr/lib/openssh/sftp-server

# As in /etc/ssh/sshd_config.d/paddock.conf.
Match User paddock
    AuthenticationMethods publickey
    PasswordAuthentication no
    KbdInteractiveAuthentication no
    DisableForwarding yes
    AllowTcpForwarding no
    AllowAgentForwarding no
    AllowStreamLocalForwarding no
    X11Forwarding no
    PermitTunnel no
    PermitUserRC no
    PermitTTY yes
EOF
/usr/sbin/sshd -t -f "$T/sshd_config" || { echo "sshd refuses the config"; exit 1; }
/usr/sbin/sshd -f "$T/sshd_config" -E "$T/sshd.log"
sleep 0.5

O="-o StrictHostKeyChecking=accept-new -o UserKnownHostsFile=$T/known_hosts -o IdentitiesOnly=yes -o BatchMode=yes -p $PORT"
S="ssh $O"
screen() { $TM capture-pane -p -t "$1"; }
header() { screen "$1" | head -1; }

# --- checks -------------------------------------------------------------------
echo "== alice's key opens the app as alice"
run ssh -tt -i \$T/alice -p $PORT paddock@127.0.0.1
$TM new-session -d -s app -x 100 -y 30 "$S -tt -i $T/alice paddock@127.0.0.1; echo EXIT=\$?; sleep 60"
sleep 3
header app
check "header shows alice" '[[ "$(header app)" =~ ^\ Paddock\ +alice$ ]]'

echo "== ^O opens restricted nano, not vi, even when the client sends EDITOR=vi (next session)"
$TM send-keys -t app Enter; sleep 1; $TM send-keys -t app c; sleep 1; $TM send-keys -t app Tab
$TM send-keys -t app -l "draft"; $TM send-keys -t app C-o; sleep 1.5
screen app | head -1
check "the editor is nano in restricted mode" 'screen app | head -1 | grep -q "GNU nano.*Restricted"'
$TM send-keys -t app C-t; sleep 0.5
screen app | grep -o "This function is disabled in restricted mode" | head -1
check "^T (execute a command) is refused" 'screen app | grep -q "disabled in restricted mode"'
$TM send-keys -t app C-x; sleep 1
check "back in the app with the draft" 'screen app | grep -q "^ draft"'
$TM send-keys -t app Escape; sleep 0.5; $TM send-keys -t app q; sleep 0.5; $TM send-keys -t app q; sleep 1.5
check "q quits and the connection ends" 'screen app | grep -q "EXIT=0"'

echo "== a command sent with a pty is not run: the app opens instead"
run ssh -tt -i \$T/alice -p $PORT paddock@127.0.0.1 "'id; cat /etc/passwd; touch /tmp/paddock-pwned'"
$TM new-session -d -s cmd -x 100 -y 30 "env TERM=../../tmp/x LANG='x;sh' $S -o SendEnv=LANG -o SetEnv=EDITOR=vi -tt -i $T/alice paddock@127.0.0.1 'id; cat /etc/passwd; touch /tmp/paddock-pwned'; echo EXIT=\$?; sleep 60"
sleep 3
header cmd
check "the app opened as alice" '[[ "$(header cmd)" =~ ^\ Paddock\ +alice$ ]]'
check "no uid= on screen" '! screen cmd | grep -q "uid="'
$TM send-keys -t cmd Enter; sleep 1; $TM send-keys -t cmd c; sleep 1; $TM send-keys -t cmd C-o; sleep 1.5
check "EDITOR=vi from the client is ignored" 'screen cmd | head -1 | grep -q "GNU nano.*Restricted"'
$TM send-keys -t cmd C-x; sleep 1; $TM send-keys -t cmd Escape; sleep 0.5
$TM send-keys -t cmd q; sleep 0.5; $TM send-keys -t cmd q; sleep 1.5
check "the command did not run" '[ ! -e /tmp/paddock-pwned ]'

echo "== a command without a pty is refused"
run ssh -i \$T/alice -p $PORT paddock@127.0.0.1 "'id; cat /etc/passwd'"
out=$($S -i "$T/alice" paddock@127.0.0.1 'id; cat /etc/passwd' 2>&1); rc=$?
echo "$out"; echo "exit $rc"
check "refused, exit 1, nothing run" '[ $rc = 1 ] && [[ "$out" == *"commands are not run here"* ]] && [[ "$out" != *"uid="* ]]'

echo "== sftp and scp get nothing"
run sftp -P $PORT -i \$T/alice paddock@127.0.0.1
out=$(echo "get /etc/passwd $T/stolen" | sftp -b - -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile="$T/known_hosts" -o IdentitiesOnly=yes -P $PORT -i "$T/alice" paddock@127.0.0.1 2>&1); rc=$?
echo "$out"; echo "exit $rc"
run scp -O -P $PORT -i \$T/alice paddock@127.0.0.1:/etc/passwd \$T/stolen
out2=$(scp -O -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile="$T/known_hosts" -o IdentitiesOnly=yes -P $PORT -i "$T/alice" paddock@127.0.0.1:/etc/passwd "$T/stolen" 2>&1); rc2=$?
echo "$out2"; echo "exit $rc2"
check "no file copied" '[ $rc != 0 ] && [ $rc2 != 0 ] && [ ! -e "$T/stolen" ]'

echo "== forwarding is refused"
run ssh -N -L 9999:127.0.0.1:$PORT -i \$T/alice -p $PORT paddock@127.0.0.1 "# then connect to 127.0.0.1:9999"
$S -N -L 9999:127.0.0.1:$PORT -i "$T/alice" paddock@127.0.0.1 > "$T/L.log" 2>&1 & lpid=$!
sleep 1.5
banner=$(timeout 3 bash -c 'exec 3<>/dev/tcp/127.0.0.1/9999; head -c 40 <&3' 2>/dev/null)
sleep 0.5; kill $lpid 2>/dev/null; wait $lpid 2>/dev/null
cat "$T/L.log"
check "-L: no SSH banner through the tunnel, administratively prohibited" '[ -z "$banner" ] && grep -q "administratively prohibited" "$T/L.log"'
run ssh -W 127.0.0.1:$PORT -i \$T/alice -p $PORT paddock@127.0.0.1
out=$(timeout 10 $S -W 127.0.0.1:$PORT -i "$T/alice" paddock@127.0.0.1 </dev/null 2>&1); echo "$out"
check "-W is refused" '[[ "$out" == *"administratively prohibited"* ]]'
run ssh -N -o ExitOnForwardFailure=yes -R 9997:127.0.0.1:$PORT -i \$T/alice -p $PORT paddock@127.0.0.1
out=$(timeout 10 $S -N -o ExitOnForwardFailure=yes -R 9997:127.0.0.1:$PORT -i "$T/alice" paddock@127.0.0.1 2>&1); echo "$out"
check "-R is refused" '[[ "$out" == *"remote port forwarding failed"* ]]'

echo "== a key that is not listed, and passwords, are refused"
run ssh -i \$T/mallory -p $PORT paddock@127.0.0.1
out=$($S -i "$T/mallory" paddock@127.0.0.1 </dev/null 2>&1); rc=$?; echo "$out"
check "unlisted key: Permission denied" '[ $rc = 255 ] && [[ "$out" == *"Permission denied (publickey)"* ]]'
run ssh -o PubkeyAuthentication=no -o PreferredAuthentications=password,keyboard-interactive -p $PORT paddock@127.0.0.1
out=$(ssh -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile="$T/known_hosts" -o BatchMode=yes \
    -o PubkeyAuthentication=no -o PreferredAuthentications=password,keyboard-interactive -p $PORT paddock@127.0.0.1 </dev/null 2>&1); rc=$?
echo "$out"
check "no password login" '[ $rc = 255 ] && [[ "$out" == *"Permission denied (publickey)"* ]]'

echo "== sshd log"
sed "s|$T|\$T|g" "$T/sshd.log"

echo
[ $failures = 0 ] && echo "all checks passed" || echo "$failures check(s) failed"
exit $((failures > 0))
