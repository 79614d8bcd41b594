#!/usr/bin/env bash
# UFW rules for the TradingBot VM (PRD §6.3.3): deny all incoming, allow SSH (rate-limited), allow the
# dashboard port only from the addresses given. Idempotent; existing identical rules are skipped by ufw.
#
#   sudo deploy/firewall.sh [--ssh-port 22] [--dashboard-port 5080] [--replace] [--dry-run] [ADDRESS ...]
#
#   ADDRESS           IPv4/IPv6 address or CIDR allowed to reach the dashboard (e.g. 203.0.113.7, 198.51.100.0/24).
#                     None: the dashboard port stays closed; use an SSH tunnel (ssh -L 5080:127.0.0.1:5080 vm).
#   --replace         first delete every existing rule for the dashboard port (to revoke old addresses).
#   --dry-run         print the ufw commands instead of running them.
# The bot listens on 127.0.0.1 unless TRADINGBOT_Silo__Urls is set (see docs/installation.md).
set -euo pipefail

ssh_port=22
dashboard_port=5080
replace=false
dry_run=false
addresses=()

die() {
  echo "firewall.sh: $*" >&2
  exit 1
}

run() {
  if [[ "${dry_run}" == true ]]; then
    echo "+ $*"
  else
    "$@"
  fi
}

valid_port() {
  [[ "$1" =~ ^[0-9]{1,5}$ ]] && (( 10#$1 >= 1 && 10#$1 <= 65535 ))
}

valid_address() {
  local address="$1" ip prefix
  ip="${address%%/*}"
  prefix=""
  if [[ "${address}" == */* ]]; then
    prefix="${address#*/}"
  fi
  if [[ "${ip}" =~ ^([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})$ ]]; then
    local octet
    for octet in "${BASH_REMATCH[@]:1}"; do
      (( 10#${octet} <= 255 )) || return 1
    done
    [[ -z "${prefix}" ]] || { [[ "${prefix}" =~ ^[0-9]{1,2}$ ]] && (( 10#${prefix} <= 32 )); }
  elif [[ "${ip}" =~ ^[0-9a-fA-F:]+$ && "${ip}" == *:* ]]; then
    [[ -z "${prefix}" ]] || { [[ "${prefix}" =~ ^[0-9]{1,3}$ ]] && (( 10#${prefix} <= 128 )); }
  else
    return 1
  fi
}

parse_args() {
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --ssh-port)
        if [[ $# -lt 2 ]] || ! valid_port "$2"; then
          die "--ssh-port needs a port number 1-65535"
        fi
        ssh_port="$2"
        shift 2
        ;;
      --dashboard-port)
        if [[ $# -lt 2 ]] || ! valid_port "$2"; then
          die "--dashboard-port needs a port number 1-65535"
        fi
        dashboard_port="$2"
        shift 2
        ;;
      --replace) replace=true; shift ;;
      --dry-run) dry_run=true; shift ;;
      -h|--help) sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
      -*) die "unknown option '$1' (see --help)" ;;
      *)
        valid_address "$1" || die "'$1' is not an IPv4/IPv6 address or CIDR"
        addresses+=("$1")
        shift
        ;;
    esac
  done
  [[ "${ssh_port}" != "${dashboard_port}" ]] || die "SSH and dashboard ports must differ"
}

warn_if_ssh_port_differs() {
  if command -v sshd >/dev/null 2>&1; then
    local configured
    configured="$(sshd -T 2>/dev/null | awk '$1 == "port" { print $2; exit }' || true)"
    if [[ -n "${configured}" && "${configured}" != "${ssh_port}" ]]; then
      die "sshd listens on port ${configured} but --ssh-port is ${ssh_port}: this would lock you out (pass --ssh-port ${configured})"
    fi
  fi
}

delete_dashboard_rules() {
  local numbers number
  # Highest number first: deleting a rule renumbers the ones after it.
  numbers="$(ufw status numbered | sed -n "s/^\[ *\([0-9]\{1,\}\)\] \{1,\}${dashboard_port}\/tcp .*/\1/p" | sort -rn)"
  for number in ${numbers}; do
    run ufw --force delete "${number}"
  done
}

main() {
  parse_args "$@"
  if [[ "${dry_run}" != true ]]; then
    [[ "${EUID}" -eq 0 ]] || die "run as root (sudo $0 ...)"
    command -v ufw >/dev/null 2>&1 || die "ufw is not installed (sudo apt-get install ufw)"
    warn_if_ssh_port_differs
  fi

  run ufw default deny incoming
  run ufw default allow outgoing
  run ufw limit "${ssh_port}/tcp" comment "SSH"
  if [[ "${replace}" == true && "${dry_run}" != true ]]; then
    delete_dashboard_rules
  fi
  local address
  for address in "${addresses[@]}"; do
    run ufw allow from "${address}" to any port "${dashboard_port}" proto tcp comment "trading-bot dashboard"
  done
  run ufw --force enable
  run ufw status verbose

  if [[ ${#addresses[@]} -eq 0 ]]; then
    echo "Dashboard port ${dashboard_port} is closed to the network. Reach it with: ssh -L ${dashboard_port}:127.0.0.1:${dashboard_port} <user>@<vm>"
  fi
}

main "$@"
