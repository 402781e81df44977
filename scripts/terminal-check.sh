#!/usr/bin/env bash
# Tries the CursesTerminal layer on a real terminal, as a person would, under tmux:
# keys, wide characters, resize, $EDITOR suspend, NO_COLOR, hangup, and that the
# shell's tty modes come back. Needs tmux. Run from the package root:
#   swift build --product paddock-terminal-check && scripts/terminal-check.sh
set -u
BIN="$(pwd)/.build/debug/paddock-terminal-check"
[ -x "$BIN" ] || { echo "build first: swift build --product paddock-terminal-check"; exit 2; }
WORK="$(mktemp -d)"; LOG="$WORK/events.log"; S="paddock-check-$$"
trap 'tmux kill-session -t "$S" 2>/dev/null; rm -rf "$WORK"' EXIT
failures=0
pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; failures=$((failures + 1)); }
check() { if eval "$2"; then pass "$1"; else fail "$1"; fi; }
screen() { tmux capture-pane -p -t "$S"; }
start() { : > "$LOG"; tmux send-keys -t "$S" "clear; $* PADDOCK_CHECK_LOG=$LOG $BIN" Enter; sleep 1; }
modes() {
    tmux send-keys -t "$S" "clear; stty -a | tr ' ;' '\n\n' | grep -xE -- '-?(icanon|echo|isig|icrnl|opost)' | tr '\n' ' '; echo" Enter
    sleep 0.5; screen | head -1
}

printf '#!/bin/sh\necho added >> "$1"\n' > "$WORK/ed.sh"; chmod +x "$WORK/ed.sh"
printf '#!/bin/sh\nexit 3\n' > "$WORK/fail.sh"; chmod +x "$WORK/fail.sh"
tmux new-session -d -s "$S" -x 80 -y 24 "bash --norc --noprofile"; sleep 0.5

start EDITOR="$WORK/ed.sh"
check "starts at 80x24" 'screen | head -1 | grep -q "80x24"'
check "wide row keeps its columns" 'screen | grep -q "^ a🏍b日c tick=.|$"'
for k in Up Down Left Right PPage NPage Home End Enter Escape BSpace é C-a C-c Tab BTab DC F5 日; do
    tmux send-keys -t "$S" "$k"; sleep 0.1
done
sleep 0.3
expected='up down left right pageUp pageDown home end enter escape backspace character("é") ctrl("a") ctrl("c") tab backTab delete function(5) character("日")'
got=$(grep -oE 'Key\.[a-zA-Z]+(\([^)]*\))?' "$LOG" | sed 's/^Key\.//' | tr '\n' ' ' | sed 's/ $//')
check "keys arrive as keys" '[ "$got" = "$expected" ]'
[ "$got" = "$expected" ] || echo "     got: $got"
tmux send-keys -t "$S" Escape; sleep 0.08
check "Esc arrives within 80 ms" '[ "$(tail -1 "$LOG")" = "key(PaddockTUI.Key.escape)" ]'
tmux send-keys -t "$S" -l $'\e[M`+&'; sleep 0.2   # X10 wheel up at column 10, row 5
check "mouse wheel arrives" '[ "$(tail -1 "$LOG")" = "mouse(PaddockTUI.MouseEvent.wheelUp(x: 10, y: 5))" ]'
tmux resize-window -t "$S" -x 120 -y 40; sleep 0.5
check "resize reaches the program" 'grep -q "resized(width: 120, height: 40)" "$LOG"'
check "resize redraws at the new size" 'screen | head -1 | grep -q "120x40"'
tmux resize-window -t "$S" -x 80 -y 24; sleep 0.5
tmux send-keys -t "$S" e; sleep 0.8
check "editor result comes back" 'grep -q "editorFinished success \"Draft line one\\\\nadded\\\\n\"" "$LOG"'
tmux send-keys -t "$S" Down; sleep 0.3
check "keys still work after the editor" '[ "$(tail -1 "$LOG")" = "key(PaddockTUI.Key.down)" ]'
check "no temporary file left" '! ls "${TMPDIR:-/tmp}"/paddock-??????.md >/dev/null 2>&1'
tmux send-keys -t "$S" q; sleep 0.5
check "q quits and the shell has echo/icanon back" '[ "$(modes)" = "icrnl opost isig icanon echo" ]'

start EDITOR="$WORK/fail.sh"
tmux send-keys -t "$S" e; sleep 0.8
check "a failing editor is reported" 'grep -q "exited with status 3" "$LOG"'
tmux send-keys -t "$S" q; sleep 0.5

start NO_COLOR=1
check "NO_COLOR: no colour escapes" '! tmux capture-pane -e -p -t "$S" | grep -qE $'"'"'\e\[(3[0-8]|4[0-8]|9[0-7]|10[0-7])[m;]'"'"
check "NO_COLOR: selection reversed" 'tmux capture-pane -e -p -t "$S" | grep -qE $'"'"'\e\[1;7mselection'"'"
tmux send-keys -t "$S" q; sleep 0.5

start
pid=$(pgrep -n -f "^$BIN")
kill -INT "$pid"; sleep 0.3
check "SIGINT does not kill" 'kill -0 "$pid" 2>/dev/null'
kill -HUP "$pid"; sleep 0.5
check "SIGHUP delivers .hangup and ends" '[ "$(tail -1 "$LOG")" = "hangup" ] && ! kill -0 "$pid" 2>/dev/null'
check "after SIGHUP the shell has echo/icanon back" '[ "$(modes)" = "icrnl opost isig icanon echo" ]'

start
pid=$(pgrep -n -f "^$BIN")
kill -TERM "$pid"; sleep 0.5
check "SIGTERM delivers .hangup and ends" '[ "$(tail -1 "$LOG")" = "hangup" ] && ! kill -0 "$pid" 2>/dev/null'

check "no terminal: a clear error, exit 1" '"$BIN" </dev/null 2>&1 | grep -q "needs a terminal"'

echo "$failures failure(s)"
exit $((failures > 0))
