#!/usr/bin/env bash
# Rebuilds every generated asset (sounds, portraits, favicon) from the
# scripts beside this one. The outputs are committed, so the game's build
# never needs SoX; run this only after changing a script.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bash assets/scripts/make-sounds.sh
npx tsx assets/scripts/make-portraits.ts
