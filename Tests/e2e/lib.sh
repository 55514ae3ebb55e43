# Shared helpers of the tmux end-to-end scripts: a private tmux server, keys, screen, checks.
# The sourcing script sets $sock (server name) and $session before use.
passed=0; failed=0
tm() { tmux -L "$sock" "$@"; }
ok()   { passed=$((passed + 1)); echo "ok   - $1"; }
fail() { failed=$((failed + 1)); echo "FAIL - $1"; [ -n "${2:-}" ] && echo "$2" | sed 's/^/       /'; }
screen() { tm capture-pane -p -t "$session"; }
keys() { tm send-keys -t "$session" "$@"; sleep 0.3; }
# Waits until the screen contains a text (up to 10 s).
wait_for() { for _ in $(seq 1 50); do screen | grep -qF -- "$1" && return 0; sleep 0.2; done; return 1; }
expect() { if wait_for "$2"; then ok "$1"; else fail "$1" "$(screen)"; fi; }
check() { if eval "$2"; then ok "$1"; else fail "$1" "$(screen)"; fi; }
summary() { echo "$passed passed, $failed failed"; [ "$failed" -eq 0 ]; }
