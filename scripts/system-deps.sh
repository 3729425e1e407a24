#!/usr/bin/env bash
# System packages the tests use, from Debian's archive: a PostgreSQL server (the store's tests run
# against a real one), Chromium with its driver and a Chinese font (the web app's browser tests), a Java
# runtime (the Spark job's tests: Spark 4 needs Java 17 or newer). Idempotent: it
# installs or starts only what is missing, so `make test` can run it every time.
set -euo pipefail

need_install=()
command -v chromium >/dev/null 2>&1 || need_install+=(chromium chromium-driver)
command -v pg_ctlcluster >/dev/null 2>&1 || need_install+=(postgresql)
# Java only when there is none: Debian's default JRE (OpenJDK 17 on bookworm, 21 on trixie; Spark 4 takes both).
command -v java >/dev/null 2>&1 || need_install+=(default-jre-headless)
# A Chinese font, so headless screenshots show Chinese text rather than empty boxes.
[ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || need_install+=(fonts-wqy-zenhei)

if [ ${#need_install[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "system-deps: missing ${need_install[*]}; run as root or install them with apt-get" >&2
    exit 0
  fi
  echo "system-deps: installing ${need_install[*]} (Debian packages)" >&2
  apt-get update -qq
  mkdir -p /usr/share/man/man1  # slim images lack it, and the JRE's alternatives link a man page there
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_install[@]}" >/dev/null
fi

# Start the local PostgreSQL cluster if it is installed but not answering.
if command -v pg_isready >/dev/null 2>&1 && ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  version=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1)
  if [ -n "$version" ]; then
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    for _ in $(seq 1 20); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 0.5; done
  fi
fi
