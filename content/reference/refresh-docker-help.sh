#!/bin/sh
# Refresh content/reference/docker-help/*.txt from the local docker client.
#
# Captures `docker --help` (docker.txt), every top-level command (`docker run --help` -> docker-run.txt),
# every subcommand of the management commands (`docker image ls --help` -> docker-image-ls.txt), and
# every Engine command listed in the current CLI table (cli/docker-cli-*.tsv) that the local client
# has, so a command new in the reference is covered too. Records the client version in VERSION.
# No daemon is needed: --help never connects.
# Plugins (compose, buildx) are not captured: their flags come from cli/compose-*.tsv and
# cli/buildx-*.tsv. A table command the local client lacks (e.g. `docker bake`, a buildx alias) is
# listed at the end and checked against the table only.
#
# Usage: sh content/reference/refresh-docker-help.sh
set -eu
cd "$(dirname "$0")/docker-help"
export DOCKER_HOST=unix:///tmp/docker-help-no-daemon.sock
export COLUMNS=80

docker --version > VERSION
docker --help > docker.txt

# Command names are the first word of the indented lines of each "...Commands:" section.
commands() { awk '/Commands:$/ {on=1; next} /^$/ {on=0} on && /^  [a-z]/ {print $1}' | tr -d '*'; }

# capture WORDS...: write docker-WORDS.txt when the client knows the command (its Usage line names it).
capture() {
  out="docker-$(echo "$*" | tr ' ' '-').txt"
  if docker "$@" --help > "$out.tmp" 2>&1 && grep -q "^Usage:  docker" "$out.tmp" && ! grep -q '^docker: unknown command' "$out.tmp"; then
    mv "$out.tmp" "$out"
  else
    rm -f "$out.tmp"
    return 1
  fi
}

for cmd in $(docker --help | commands); do
  capture "$cmd" || continue
  for sub in $(commands < "docker-$cmd.txt"); do
    capture "$cmd" "$sub" || true
  done
done

# Every Engine command of the current table (first column, after the two header lines).
table=$(ls ../cli/docker-cli-*.tsv | tail -n 1)
missing=""
for name in $(tail -n +3 "$table" | cut -f1 | sort -u | sed 's/^docker *//; s/ /,/g'); do
  [ -n "$name" ] || continue
  words=$(echo "$name" | tr ',' ' ')
  file="docker-$(echo "$words" | tr ' ' '-').txt"
  [ -f "$file" ] && continue
  # shellcheck disable=SC2086
  capture $words || missing="$missing docker $words;"
done
echo "captured $(ls docker*.txt | wc -l) help files from $(cat VERSION)"
[ -z "$missing" ] || echo "not in the local client (checked against $table only):$missing"
