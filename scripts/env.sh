# Sourced by the scripts: one build cache outside the clone, reused by every run and by CI.
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/mlpg/target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# trunk: never look for updates or download tools.
export TRUNK_SKIP_VERSION_CHECK=true
