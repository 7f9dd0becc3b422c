#!/usr/bin/env bash
# Makes sure a Redis server answers at 127.0.0.1:6379, for the integration tests and benchmarks.
# Starts one if none answers (installing Debian's redis-server if it is missing); fails loudly otherwise.
set -euo pipefail

ping_redis() {
  node -e '
    const net = require("net");
    const s = net.connect(6379, "127.0.0.1");
    s.setTimeout(1000, () => process.exit(1));
    s.on("error", () => process.exit(1));
    s.on("connect", () => s.write("PING\r\n"));
    s.on("data", (d) => process.exit(String(d).startsWith("+PONG") ? 0 : 1));
  '
}

if ping_redis; then
  echo "== redis: answering at 127.0.0.1:6379"
  exit 0
fi

if ! command -v redis-server >/dev/null 2>&1; then
  echo "== redis: not running and not installed; installing Debian's redis-server"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq redis-server >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq redis-server >/dev/null; fi
fi

echo "== redis: starting a local server"
redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
for _ in $(seq 1 50); do
  if ping_redis; then echo "== redis: answering"; exit 0; fi
  sleep 0.2
done
echo "!! redis: no server answers at 127.0.0.1:6379 and one could not be started" >&2
exit 1
