#!/usr/bin/env bash
# Consistent online backup of the bot's SQLite files (state, trades, alerts, dashboard audit) while it runs.
# Uses SQLite's backup API (sqlite3 ".backup"), which is safe with WAL; a plain cp of a live database is not.
#
#   sudo deploy/backup.sh [--data-dir /var/lib/trading-bot] [--to /var/backups/trading-bot] [--keep-days 14]
#
# install.sh copies this script to /usr/local/sbin/trading-bot-backup. Cron example (daily 03:17 UTC), in
# /etc/cron.d/trading-bot-backup:   17 3 * * * root /usr/local/sbin/trading-bot-backup >/dev/null
set -euo pipefail

data_dir="/var/lib/trading-bot"
target_root="/var/backups/trading-bot"
keep_days=14

die() {
  echo "backup.sh: $*" >&2
  exit 1
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --data-dir) [[ $# -ge 2 ]] || die "--data-dir needs a path"; data_dir="$2"; shift 2 ;;
    --to) [[ $# -ge 2 ]] || die "--to needs a path"; target_root="$2"; shift 2 ;;
    --keep-days)
      if [[ $# -lt 2 || ! "$2" =~ ^[0-9]+$ ]]; then
        die "--keep-days needs a number"
      fi
      keep_days="$2"
      shift 2
      ;;
    -h|--help) sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done

command -v sqlite3 >/dev/null 2>&1 || die "sqlite3 is not installed (sudo apt-get install sqlite3)"
[[ -d "${data_dir}" ]] || die "${data_dir} does not exist"

target="${target_root}/$(date -u +%Y%m%dT%H%M%SZ)"
install -d -m 0700 "${target}"
shopt -s nullglob
count=0
for database in "${data_dir}"/*.db; do
  name="$(basename "${database}")"
  sqlite3 "${database}" ".backup '${target}/${name}'"
  check="$(sqlite3 "${target}/${name}" "PRAGMA integrity_check;")"
  [[ "${check}" == "ok" ]] || die "integrity check of the copy of ${name} failed: ${check}"
  count=$((count + 1))
done
chmod 0600 "${target}"/*.db 2>/dev/null || true
echo "Backed up ${count} database(s) to ${target}"

# Old backups: only folders this script created (timestamp names) are removed.
find "${target_root}" -mindepth 1 -maxdepth 1 -type d -name '20*T*Z' -mtime "+${keep_days}" -exec rm -rf {} +
