#!/usr/bin/env bash
# Installs or upgrades TradingBot on Ubuntu (22.04/24.04) as the systemd service "trading-bot".
# Idempotent: run it again to upgrade; it never overwrites an existing /etc/trading-bot/.env.
#
#   sudo deploy/install.sh [--mode paper|testnet|mainnet] [--self-contained] [--start]
#
#   --mode            sets TRADING_BOT_MODE in /etc/systemd/system/trading-bot.service.d/mode.conf
#                     (default: keep the current drop-in; a fresh install runs testnet).
#   --self-contained  publish with the .NET runtime included (no runtime needed on the VM; the SDK
#                     still builds it). Use it when dotnet lives under /root or /home (hidden from the service).
#   --start           start (or restart) the service at the end. Without it an already running service is
#                     restarted on upgrade and a stopped one stays stopped, so you can fill in .env first.
set -euo pipefail

readonly service="trading-bot"
readonly user="tradingbot"
readonly prefix="/opt/trading-bot"
readonly state_dir="/var/lib/trading-bot"
readonly log_dir="/var/log/trading-bot"
readonly config_dir="/etc/trading-bot"
readonly env_file="${config_dir}/.env"
readonly unit_path="/etc/systemd/system/${service}.service"
readonly dropin_dir="/etc/systemd/system/${service}.service.d"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly repo_root
mode=""
self_contained=false
start=false

die() {
  echo "install.sh: $*" >&2
  exit 1
}

usage() {
  sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

parse_args() {
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --mode)
        [[ $# -ge 2 ]] || die "--mode needs a value (paper, testnet or mainnet)"
        mode="$2"
        shift 2
        ;;
      --self-contained) self_contained=true; shift ;;
      --start) start=true; shift ;;
      -h|--help) usage; exit 0 ;;
      *) die "unknown argument '$1' (see --help)" ;;
    esac
  done
  case "${mode}" in
    ""|paper|testnet|mainnet) ;;
    *) die "--mode must be paper, testnet or mainnet, not '${mode}'" ;;
  esac
}

require_environment() {
  [[ "${EUID}" -eq 0 ]] || die "run as root (sudo $0 ...)"
  command -v systemctl >/dev/null 2>&1 || die "systemd is required"
  command -v dotnet >/dev/null 2>&1 || die "the .NET 10 SDK is required to build (see docs/installation.md)"
  [[ -f "${repo_root}/src/Silo/TradingBot.Silo.csproj" ]] || die "run from a checkout of the repository (src/Silo not found)"
}

create_user() {
  if ! getent group "${user}" >/dev/null; then
    groupadd --system "${user}"
  fi
  if ! id -u "${user}" >/dev/null 2>&1; then
    useradd --system --gid "${user}" --home-dir "${state_dir}" --no-create-home --shell /usr/sbin/nologin "${user}"
  fi
}

create_directories() {
  install -d -o root -g root -m 0755 "${prefix}" "${config_dir}"
  install -d -o "${user}" -g "${user}" -m 0750 "${state_dir}" "${log_dir}"
}

publish() {
  local stage
  stage="$(mktemp -d)"
  # Build outside the checkout so a root-run build leaves no root-owned bin/obj behind.
  local args=(publish "${repo_root}/src/Silo/TradingBot.Silo.csproj" -c Release -o "${stage}/app" --artifacts-path "${stage}/artifacts" --nologo)
  if [[ "${self_contained}" == true ]]; then
    args+=(-r "linux-$(dotnet_arch)" --self-contained true)
  else
    args+=(--self-contained false)
  fi
  echo "Building: dotnet ${args[*]}"
  dotnet "${args[@]}"
  [[ -x "${stage}/app/trading-bot" ]] || die "publish produced no ${stage}/app/trading-bot"

  # Swap directories so a half-copied tree is never live; keep the previous build for rollback.
  rm -rf "${prefix}.new" "${prefix}.prev"
  cp -a "${stage}/app" "${prefix}.new"
  chown -R root:root "${prefix}.new"
  chmod -R go-w "${prefix}.new"
  if [[ -d "${prefix}" ]]; then
    mv "${prefix}" "${prefix}.prev"
  fi
  mv "${prefix}.new" "${prefix}"
  rm -rf "${stage}"
}

dotnet_arch() {
  case "$(uname -m)" in
    x86_64) echo x64 ;;
    aarch64|arm64) echo arm64 ;;
    *) die "unsupported CPU $(uname -m)" ;;
  esac
}

install_env_file() {
  if [[ ! -f "${env_file}" ]]; then
    install -o root -g root -m 0600 "${repo_root}/deploy/env.template" "${env_file}"
    echo "Created ${env_file} from the template: fill in the keys before starting testnet or mainnet."
  fi
  # Enforce the PRD's mode 600 on every run (the bot refuses mainnet otherwise).
  chown root:root "${env_file}"
  chmod 0600 "${env_file}"
}

install_unit() {
  install -o root -g root -m 0644 "${repo_root}/deploy/${service}.service" "${unit_path}"
  install -d -o root -g root -m 0755 "${dropin_dir}"
  if [[ -n "${mode}" ]]; then
    printf '[Service]\nEnvironment=TRADING_BOT_MODE=%s\n' "${mode}" > "${dropin_dir}/mode.conf"
    chmod 0644 "${dropin_dir}/mode.conf"
  fi
  if [[ "${self_contained}" != true ]]; then
    write_dotnet_root
  else
    rm -f "${dropin_dir}/dotnet-root.conf"
  fi
  install -o root -g root -m 0755 "${repo_root}/deploy/backup.sh" /usr/local/sbin/trading-bot-backup
  systemctl daemon-reload
  systemctl enable "${service}" >/dev/null
}

# A framework-dependent build needs the runtime where the service (ProtectHome=true) can see it.
write_dotnet_root() {
  local dotnet_root
  dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
  case "${dotnet_root}" in
    /root/*|/home/*) die "dotnet is installed under ${dotnet_root}, which the hardened service cannot see; install it system-wide (apt) or rerun with --self-contained" ;;
    *) ;;
  esac
  printf '[Service]\nEnvironment=DOTNET_ROOT=%s\n' "${dotnet_root}" > "${dropin_dir}/dotnet-root.conf"
  chmod 0644 "${dropin_dir}/dotnet-root.conf"
}

start_or_restart() {
  if [[ "${start}" == true ]] || systemctl is-active --quiet "${service}"; then
    systemctl restart "${service}"
    echo "Service ${service} (re)started."
  else
    echo "Service ${service} installed and enabled but not started. Next: edit ${env_file}, then: sudo systemctl start ${service}"
  fi
}

main() {
  parse_args "$@"
  require_environment
  create_user
  create_directories
  publish
  install_env_file
  install_unit
  start_or_restart
  echo "Mode: $(systemctl show -p Environment "${service}" | tr ' ' '\n' | sed -n 's/^TRADING_BOT_MODE=//p' | tail -n 1)"
  echo "Status: systemctl status ${service}   Logs: journalctl -u ${service} -f   and ${log_dir}/"
}

main "$@"
