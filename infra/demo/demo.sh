#!/usr/bin/env bash
# infra/demo/demo.sh: the scripted scenario of `./hub demo`, through the gateway only.
# Run by ./hub demo (dev profile), which sets HUB_GATEWAY_URL; needs a running ./hub up.
# The scenario itself is tests/PublicProtectionHub.Benchmarks/Demo/DemoScenario.cs (it shares the
# benchmarks' public-API client: sign-in with PKCE, inbox streams, HMPPS events).
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

gateway="${HUB_GATEWAY_URL:-http://127.0.0.1:5080}"
if [[ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$gateway/health/ready" 2>/dev/null || true)" != 200 ]]; then
    echo "demo: the hub is not up (no answer from $gateway/health/ready). Start it with ./hub up, with the same HUB_* settings." >&2
    exit 1
fi

echo "building the demo player (tests/PublicProtectionHub.Benchmarks)…"
dotnet build tests/PublicProtectionHub.Benchmarks -c Release -nologo -v q >/dev/null \
    || { echo "demo: building tests/PublicProtectionHub.Benchmarks failed (run: dotnet build tests/PublicProtectionHub.Benchmarks -c Release)" >&2; exit 1; }
HUB_GATEWAY_URL="$gateway" exec dotnet run -c Release --no-build --project tests/PublicProtectionHub.Benchmarks -- demo "$@"
