#!/usr/bin/env bash
# Static checks of the deployment files (run by CI; needs shellcheck and systemd-analyze):
#   1. shellcheck on every script in deploy/
#   2. systemd-analyze verify on the unit. The real ExecStart binary (/opt/trading-bot/trading-bot) does not
#      exist on a build machine, so a copy of the unit whose ExecStart points at a stub executable is verified;
#      every other directive is checked as written. The original path is checked to be the documented one.
set -euo pipefail

deploy_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
unit="${deploy_dir}/trading-bot.service"
binary="/opt/trading-bot/trading-bot"

for tool in shellcheck systemd-analyze; do
  if ! command -v "${tool}" >/dev/null 2>&1; then
    echo "verify.sh: ${tool} is not installed (apt-get install -y shellcheck systemd)" >&2
    exit 2
  fi
done

echo "== shellcheck deploy/*.sh"
shellcheck --severity=style "${deploy_dir}"/*.sh

echo "== systemd-analyze verify trading-bot.service"
if ! grep -q "^ExecStart=${binary} run --env \${TRADING_BOT_MODE}\$" "${unit}"; then
  echo "verify.sh: ExecStart in ${unit} is not '${binary} run --env \${TRADING_BOT_MODE}'" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
printf '#!/bin/sh\nexit 0\n' > "${work}/trading-bot"
chmod 755 "${work}/trading-bot"
sed "s#^ExecStart=${binary} #ExecStart=${work}/trading-bot #" "${unit}" > "${work}/trading-bot.service"

# verify prints problems but does not always fail on them, so any output counts as a failure.
output="$(systemd-analyze verify "${work}/trading-bot.service" 2>&1)" || status=$?
if [[ -n "${output}" || "${status:-0}" -ne 0 ]]; then
  echo "${output}" >&2
  echo "verify.sh: systemd-analyze verify reported problems" >&2
  exit 1
fi

echo "== systemd-analyze security (informational)"
systemd-analyze security --offline=true "${work}/trading-bot.service" 2>/dev/null | tail -n 1 || true
echo "deploy checks passed"
