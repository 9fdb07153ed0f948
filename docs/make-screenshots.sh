#!/usr/bin/env bash
# Regenerates the README's pictures with Radar's own code: the flows chart from /charts/flows.png
# and the dashboard as headless Chromium shows it. Needs python3 and chromium; writes docs/images/.
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/images
work=$(mktemp -d)
trap 'kill "${bot:-0}" "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build Bot -c Release -v quiet >/dev/null
mkdir -p "$work/www"
seed=../shared/seeds/meta-talent-exodus.ar.txt
title=$(grep -m1 'ميتا' "$seed" | sed 's/&/\&amp;/g; s/</\&lt;/g')
body=$(awk 'found && NF {print} /ميتا/ && !found {found=1}' "$seed" | head -c 3000 | sed 's/&/\&amp;/g; s/</\&lt;/g')
now=$(date -u -R)
cat >"$work/www/feed.xml" <<XML
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Demo news</title>
<item><title>$title</title><link>https://ar.news.example/meta</link><guid>a1</guid><pubDate>$now</pubDate><description>$body</description></item>
<item><title>Mistral releases Mistral Large 3 as open weights</title><link>https://news.example/ml3</link><guid>a2</guid><pubDate>$now</pubDate></item>
<item><title>OpenAI hires former Meta researcher to lead its Paris lab</title><link>https://news.example/paris</link><guid>a3</guid><pubDate>$now</pubDate></item>
</channel></rss>
XML
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/www" >/dev/null 2>&1 &
server=$!
echo "<opml version=\"2.0\"><body><outline type=\"rss\" text=\"Demo news\" xmlUrl=\"http://127.0.0.1:$port/feed.xml\"/></body></opml>" >"$work/feeds.opml"
http=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(cd "$work" && dotnet "$OLDPWD/Bot/bin/Release/net10.0/Radar.Bot.dll" --Radar:Feeds:Opml="$work/feeds.opml" --Radar:Feeds:AllowPrivateAddresses=true --Radar:Http:Port="$http" </dev/null >"$work/bot.log" 2>&1) &
bot=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$http/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
sleep 3 # the first poll

curl -fs "http://127.0.0.1:$http/charts/flows.png?org=Meta" -o "$out/flows-meta.png"
curl -fs "http://127.0.0.1:$http/charts/flows.png?org=Meta&lang=ar&since=2019" -o "$out/flows-meta-ar.png"
curl -fs "http://127.0.0.1:$http/charts/team.png?model=LLaMA-65B" -o "$out/team-llama.png"
shot() { chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/chromium" --window-size="$3" --screenshot="$out/$2" "http://127.0.0.1:$http$1" >/dev/null 2>&1; }
shot "/" dashboard-stories.png 1200,700
shot "/orgs/Meta" dashboard-meta.png 1200,1500
shot "/models/LLaMA-65B" dashboard-llama.png 1200,1500
ls -la "$out"
