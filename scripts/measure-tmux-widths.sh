#!/usr/bin/env bash
# Prints how many columns tmux advances the cursor for each grapheme cluster
# given (or a built-in list of emoji with and without U+FE0F): the terminal's
# side of Sources/PaddockCore/Text/TextWidth.swift. Needs tmux.
#   scripts/measure-tmux-widths.sh            # the built-in list
#   scripts/measure-tmux-widths.sh 🏍️ ✈️ 1️⃣    # these
set -u
S="paddock-widths-$$"
trap 'tmux -L "$S" kill-server 2>/dev/null' EXIT
tmux -L "$S" -f /dev/null new-session -d -x 80 -y 5 "env LANG=C.UTF-8 LC_ALL=C.UTF-8 bash --norc --noprofile"
sleep 0.5
[ $# -gt 0 ] || set -- 🏍 🏍️ ✈ ✈️ ✈︎ ❤️ ☺️ 1️⃣ '#⃣' 👍🏽 ☝🏽 👩‍👩‍👧 🏳️‍🌈 🇮🇹 🇮 ⌚ ⌚︎ 🚀 🚀️ 😀 é 日 ©️ ™️
for c in "$@"; do
    tmux -L "$S" send-keys "clear; printf '%s' '$c'; sleep 5" Enter
    sleep 0.4
    printf '%s\t%s\t%s\n' "$c" "$(tmux -L "$S" display -p '#{cursor_x}')" "$(printf '%s' "$c" | od -An -tx1 | tr -s ' ')"
    tmux -L "$S" send-keys C-c
    sleep 0.1
done
