#!/usr/bin/env bash
# Generates a drizzle migration from lib/*/schema.ts. Serialized with a lock so that engineers working in
# one tree at the same time never write two migrations with the same number.
set -euo pipefail
cd "$(dirname "$0")/.."
exec flock /tmp/storedesk-drizzle-generate.lock npx drizzle-kit generate "$@"
