#!/usr/bin/env bash
# Builds the Teams app package to sideload or upload:
#   manifests/teams/build-package.sh <MICROSOFT_APP_ID> <BOT_DOMAIN> [OUT_DIR]
# e.g. manifests/teams/build-package.sh 00000000-0000-0000-0000-000000000000 accountbot.contoso.com
# Writes OUT_DIR/package/{manifest.json,color.png,outline.png} and OUT_DIR/accountbot-teams.zip
# (OUT_DIR defaults to a new temp folder; its path is printed). Nothing is written into the repository.
set -euo pipefail
if [[ $# -lt 2 ]]; then
  echo "usage: $0 MICROSOFT_APP_ID BOT_DOMAIN [OUT_DIR]" >&2
  exit 64
fi
app_id="$1"; domain="$2"; out="${3:-$(mktemp -d -t accountbot-teams-XXXXXX)}"
if ! [[ "$app_id" =~ ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ ]]; then
  echo "MICROSOFT_APP_ID must be a GUID (the Azure Bot's app id), got '$app_id'" >&2
  exit 65
fi
if ! [[ "$domain" =~ ^[A-Za-z0-9.-]+$ ]]; then
  echo "BOT_DOMAIN must be a bare host name without scheme or path, got '$domain'" >&2
  exit 65
fi
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$out/package"
sed -e "s/{{MICROSOFT_APP_ID}}/$app_id/g" -e "s/{{BOT_DOMAIN}}/$domain/g" "$here/manifest.json" > "$out/package/manifest.json"
cp "$here/color.png" "$here/outline.png" "$out/package/"
rm -f "$out/accountbot-teams.zip"
(cd "$out/package" && python3 -c 'import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    [z.write(f) for f in ("manifest.json", "color.png", "outline.png")]' "$out/accountbot-teams.zip")
echo "$out/accountbot-teams.zip"
