#!/usr/bin/env bash
# Builds Brief in release mode and installs it under a prefix, with its shell completions.
# Usage: scripts/install.sh [--uninstall]
#   PREFIX                 where to install (default: ~/.local): PREFIX/bin/brief, and completions in
#                          PREFIX/share/bash-completion/completions/brief,
#                          PREFIX/share/zsh/site-functions/_brief,
#                          PREFIX/share/fish/vendor_completions.d/brief.fish
#   BRIEF_INSTALL_BINARY   install this already-built binary instead of building (the tests use it)
# Every file is written next to its place and renamed over it, so a running brief, or one
# reading a completion script, never sees half a file.
set -euo pipefail

prefix="${PREFIX:-$HOME/.local}"
prefix="${prefix%/}"
bin="$prefix/bin/brief"
bash_completion="$prefix/share/bash-completion/completions/brief"
zsh_completion="$prefix/share/zsh/site-functions/_brief"
fish_completion="$prefix/share/fish/vendor_completions.d/brief.fish"
installed=("$bin" "$bash_completion" "$zsh_completion" "$fish_completion")

say() { printf 'brief install: %s\n' "$*"; }
fail() { printf 'brief install: %s\n' "$*" >&2; exit 1; }

case "${1:-}" in
  "") ;;
  --uninstall)
    removed=0
    for file in "${installed[@]}"; do
      if [ -e "$file" ] || [ -L "$file" ]; then
        rm -f -- "$file"
        say "removed $file"
        removed=$((removed + 1))
      fi
    done
    [ "$removed" -gt 0 ] || say "nothing to remove under $prefix"
    exit 0
    ;;
  -h|--help)
    sed -n '2,10s/^# \{0,1\}//p' "$0"
    exit 0
    ;;
  *)
    echo "usage: scripts/install.sh [--uninstall]   (PREFIX=DIR, default ~/.local)" >&2
    exit 64
    ;;
esac

cd "$(dirname "$0")/.."

if [ -n "${BRIEF_INSTALL_BINARY:-}" ]; then
  source_binary="$BRIEF_INSTALL_BINARY"
  [ -f "$source_binary" ] && [ -x "$source_binary" ] || fail "$source_binary: not an executable file"
else
  command -v swift >/dev/null || fail "swift is not on PATH (export PATH=/opt/swift/usr/bin:\$PATH)"
  say "building the release binary (swift build -c release; the first build takes several minutes)"
  swift build -c release --product brief
  source_binary="$(swift build -c release --show-bin-path)/brief"
  [ -x "$source_binary" ] || fail "the build left no binary at $source_binary"
fi

# The temporary files of this run, removed if it stops halfway.
temporaries=()
cleanup() { [ ${#temporaries[@]} -eq 0 ] || rm -f -- "${temporaries[@]}"; }
trap cleanup EXIT

# put SOURCE DEST MODE: copies SOURCE beside DEST, then renames it over DEST (atomic on one filesystem).
put() {
  local source="$1" dest="$2" mode="$3" temporary
  mkdir -p -- "$(dirname -- "$dest")"
  temporary="$(dirname -- "$dest")/.$(basename -- "$dest").tmp-$$"
  temporaries+=("$temporary")
  cp -- "$source" "$temporary"
  chmod "$mode" "$temporary"
  mv -f -- "$temporary" "$dest"
  say "installed $dest"
}

put "$source_binary" "$bin" 755

# The completions come from the installed binary, so they describe exactly what was installed.
scripts_dir="$(mktemp -d)"
temporaries+=("$scripts_dir/bash" "$scripts_dir/zsh" "$scripts_dir/fish")
trap 'cleanup; rmdir -- "$scripts_dir" 2>/dev/null || true' EXIT
for shell in bash zsh fish; do
  "$bin" --generate-completion-script "$shell" > "$scripts_dir/$shell" \
    || fail "brief --generate-completion-script $shell failed"
  [ -s "$scripts_dir/$shell" ] || fail "brief --generate-completion-script $shell printed nothing"
done
put "$scripts_dir/bash" "$bash_completion" 644
put "$scripts_dir/zsh" "$zsh_completion" 644
put "$scripts_dir/fish" "$fish_completion" 644

case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) say "note: $prefix/bin is not on your PATH; add it, e.g. in ~/.profile: export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
# Where each shell finds the completions by itself, and what to add where it does not.
bash_dir="$(dirname -- "$bash_completion")"
zsh_dir="$(dirname -- "$zsh_completion")"
fish_dir="$(dirname -- "$fish_completion")"
if [ "$bash_dir" != "${XDG_DATA_HOME:-$HOME/.local/share}/bash-completion/completions" ]; then
  # bash-completion reads the user's folder under XDG_DATA_HOME and the system ones only.
  say "note: bash: add to ~/.bashrc: source $bash_completion"
fi
say "note: zsh: add to ~/.zshrc, before compinit: fpath=($zsh_dir \$fpath)"
say "note: fish: if brief does not complete, run: set -U fish_complete_path $fish_dir \$fish_complete_path"
