#!/usr/bin/env bash
# Type-checks sst.config.ts and infra/ against SST's own types, offline: `sst install` would first
# download Pulumi; these flags skip that and fetch only the providers from the npm registry (~20 s).
# Never deploys, never needs AWS credentials.
set -euo pipefail
cd "$(dirname "$0")/.."
wanted=$(node -p 'JSON.parse(require("fs").readFileSync("node_modules/sst/package.json","utf8")).version')
if [ ! -f .sst/platform/config.d.ts ] || [ "$(cat .sst/platform/version 2>/dev/null)" != "$wanted" ]; then
  SST_SKIP_DEPENDENCY_CHECK=1 SST_NO_BUN=1 SST_TELEMETRY_DISABLED=1 npx sst install --stage ci >/dev/null
fi
npx tsc -p tsconfig.infra.json
echo "infra: sst.config.ts and infra/ type-check against sst $(cat .sst/platform/version)"
