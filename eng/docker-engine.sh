#!/usr/bin/env bash
# A private Docker engine for VolumeGen's tests and for developers, on loopback only.
#
#   eng/docker-engine.sh up          install + start + base-image + sdk-image
#   eng/docker-engine.sh fresh       stop, wipe the data root, then up: the engine as a new machine has it (what CI runs)
#   eng/docker-engine.sh install     apt-get install docker.io debootstrap docker-compose docker-registry when missing
#   eng/docker-engine.sh start       start dockerd (own data root, own socket, no bridge, no iptables)
#   eng/docker-engine.sh base-image  build mcr.microsoft.com/dotnet/aspnet:10.0 locally (reused when present)
#   eng/docker-engine.sh sdk-image   build mcr.microsoft.com/dotnet/sdk:10.0 locally (whole SDK, offline NuGet; reused)
#   eng/docker-engine.sh stop        stop the dockerd this script started
#   eng/docker-engine.sh env         print the exports a shell needs to talk to the engine
#   eng/docker-engine.sh status      say whether the engine answers
#   eng/docker-engine.sh mirror      print the Debian mirror debootstrap uses (from this machine's apt sources)
#   eng/docker-engine.sh inventory   print every image (id and tag), volume and container the engine holds
#   eng/docker-engine.sh check-inventory FILE
#                                    fail, listing them, when anything FILE lists is gone or a base image is missing
#
# State lives in $VOLUMEGEN_DOCKER_STATE (default ${TMPDIR:-/tmp}/volumegen-docker): data root, exec root,
# socket, pid file, log and the cached base root file system. No registry is reachable, so the .NET base
# image is made from `debootstrap --variant=minbase bookworm` plus this machine's /usr/share/dotnet runtime.
set -euo pipefail

STATE="${VOLUMEGEN_DOCKER_STATE:-${TMPDIR:-/tmp}/volumegen-docker}"
SOCKET="$STATE/docker.sock"
PIDFILE="$STATE/docker.pid"
LOG="$STATE/dockerd.log"
BASE_IMAGE="mcr.microsoft.com/dotnet/aspnet:10.0"
BASE_LABEL="dev.volumegen.base-image=1"
# The SDK image is built once under its own name and tagged as the official one; a test that needs packages inside
# `docker build` derives from SDK_IMAGE_LOCAL (adding a global packages folder) and tags the result as SDK_IMAGE.
SDK_IMAGE="mcr.microsoft.com/dotnet/sdk:10.0"
SDK_IMAGE_LOCAL="volumegen/dotnet-sdk:10.0"
SDK_LABEL="dev.volumegen.sdk-image=1"
DOTNET_ROOT_DIR="${DOTNET_ROOT:-/usr/share/dotnet}"
export DOCKER_HOST="unix://$SOCKET"
# No buildx plugin here: use the classic builder explicitly instead of relying on the CLI's fallback.
export DOCKER_BUILDKIT=0

say() { printf 'docker-engine: %s\n' "$*" >&2; }
die() { say "$*"; exit 2; }

need_root() {
  [ "$(id -u)" = 0 ] || die "must run as root (dockerd, debootstrap and apt-get need it); try: sudo $0 $*"
}

engine_answers() {
  [ -S "$SOCKET" ] && timeout 10 docker version --format '{{.Server.Version}}' >/dev/null 2>&1
}

debian_mirror() {
  # The Debian mirror this machine's apt already uses (deb822 .sources or one-line .list files), so debootstrap
  # fetches from the same reachable place. No address is built in: without an apt source, say so and stop.
  local etc="${VOLUMEGEN_APT_ETC:-/etc/apt}" uri="" f
  for f in "$etc"/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    uri=$(awk 'tolower($1) == "uris:" && $0 !~ /security/ { print $2; exit }' "$f" 2>/dev/null || true)
    [ -n "$uri" ] && break
  done
  if [ -z "$uri" ]; then
    for f in "$etc/sources.list" "$etc"/sources.list.d/*.list; do
      [ -f "$f" ] || continue
      uri=$(awk '$1 == "deb" && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { print $i; exit } }' "$f" 2>/dev/null || true)
      [ -n "$uri" ] && break
    done
  fi
  [ -n "$uri" ] || die "no Debian mirror in $etc/sources.list or $etc/sources.list.d: add the mirror apt should use (e.g. a 'deb <mirror-url> bookworm main' line), then run again"
  printf '%s\n' "$uri"
}

cmd_install() {
  need_root install
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  command -v docker-compose >/dev/null || missing+=(docker-compose)
  # A registry on 127.0.0.1 for the SDK container publishing tests (PublishContainer pulls its base image from a registry).
  command -v docker-registry >/dev/null || missing+=(docker-registry)
  if [ ${#missing[@]} -eq 0 ]; then say "install: nothing missing"; return; fi
  say "install: ${missing[*]}"
  # Keep the package's init script from starting a second, default-configured daemon (with iptables).
  local policy=/usr/sbin/policy-rc.d added_policy=0
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod +x "$policy"; added_policy=1; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  if [ "$added_policy" = 1 ]; then rm -f "$policy"; fi
}

cmd_start() {
  need_root start
  if engine_answers; then say "start: engine already answers at $DOCKER_HOST"; return; fi
  command -v dockerd >/dev/null || die "start: dockerd not found; run: $0 install"
  mkdir -p "$STATE/data" "$STATE/exec"
  if [ -f "$PIDFILE" ] && ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then rm -f "$PIDFILE"; fi
  rm -f "$SOCKET"
  say "start: dockerd on $DOCKER_HOST (data root $STATE/data, log $LOG)"
  # setsid: the daemon must not die with the calling shell's job control; it is stopped by `stop`.
  setsid dockerd \
    --data-root "$STATE/data" \
    --exec-root "$STATE/exec" \
    --pidfile "$PIDFILE" \
    --host "$DOCKER_HOST" \
    --bridge=none --iptables=false --ip6tables=false --ip-masq=false \
    --userland-proxy=false \
    >"$LOG" 2>&1 </dev/null &
  local i
  for i in $(seq 1 120); do
    if engine_answers; then say "start: engine answers after ${i}x0.5s"; return; fi
    if [ -f "$PIDFILE" ] || kill -0 $! 2>/dev/null; then sleep 0.5; else break; fi
  done
  say "start: engine did not answer; last log lines:"
  tail -n 20 "$LOG" >&2 || true
  exit 2
}

cmd_stop() {
  if [ ! -f "$PIDFILE" ]; then say "stop: no pid file at $PIDFILE (not started by this script)"; return; fi
  local pid; pid=$(cat "$PIDFILE")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    local i
    for i in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then say "stop: dockerd $pid did not exit; sending KILL"; kill -KILL "$pid" || true; fi
  fi
  rm -f "$PIDFILE" "$SOCKET"
  # dockerd leaves its default network namespace (and, after a crash, container mounts) mounted under the state folder.
  local m
  for m in $(awk -v s="$STATE/" 'index($2, s) == 1 { print $2 }' /proc/self/mounts | sort -r); do
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
  done
  say "stop: done"
}

# The cached Debian root file system both images start from (debootstrap once, then reused).
base_rootfs() {
  local rootfs="$STATE/base-rootfs-bookworm.tar"
  if [ ! -s "$rootfs" ]; then
    command -v debootstrap >/dev/null || die "base-image: debootstrap not found; run: $0 install"
    local mirror root
    mirror=$(debian_mirror)
    root=$(mktemp -d "$STATE/rootfs.XXXXXX")
    say "base-image: debootstrap --variant=minbase bookworm from $mirror"
    # The packages the official .NET runtime-deps image adds to a slim Debian.
    debootstrap --variant=minbase \
      --include=ca-certificates,libc6,libgcc-s1,libicu72,libssl3,libstdc++6,tzdata,zlib1g \
      bookworm "$root" "$mirror" >"$STATE/debootstrap.log" 2>&1 ||
      { tail -n 20 "$STATE/debootstrap.log" >&2; rm -rf "$root"; die "base-image: debootstrap failed (log: $STATE/debootstrap.log)"; }
    # The non-root user of the official images (.NET 8+): uid/gid 1654, exposed as $APP_UID.
    chroot "$root" groupadd --gid=1654 app
    chroot "$root" useradd --no-log-init --uid=1654 --gid=1654 --create-home app
    rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/*
    tar -C "$root" -cf "$rootfs.tmp" . && mv "$rootfs.tmp" "$rootfs"
    rm -rf "$root"
  fi
  printf '%s\n' "$rootfs"
}

cmd_base_image() {
  need_root base-image
  engine_answers || die "base-image: no engine at $DOCKER_HOST; run: $0 start"
  if docker image inspect --format '{{index .Config.Labels "dev.volumegen.base-image"}}' "$BASE_IMAGE" 2>/dev/null | grep -qx 1; then
    say "base-image: $BASE_IMAGE present, reused"; return
  fi
  if docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    say "base-image: $BASE_IMAGE present (not built by this script), reused"; return
  fi
  local fx aspnet host_fxr
  fx=$(ls -1 "$DOTNET_ROOT_DIR/shared/Microsoft.NETCore.App" 2>/dev/null | grep '^10\.' | sort -V | tail -n 1 || true)
  aspnet=$(ls -1 "$DOTNET_ROOT_DIR/shared/Microsoft.AspNetCore.App" 2>/dev/null | grep '^10\.' | sort -V | tail -n 1 || true)
  host_fxr=$(ls -1 "$DOTNET_ROOT_DIR/host/fxr" 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$fx" ] && [ -n "$aspnet" ] && [ -n "$host_fxr" ] ||
    die "base-image: no .NET 10 runtime + ASP.NET Core runtime under $DOTNET_ROOT_DIR (set DOTNET_ROOT)"

  local rootfs; rootfs=$(base_rootfs)
  # Only the runtime parts of the machine's .NET: the muxer, hostfxr and the two shared frameworks.
  local dn; dn=$(mktemp -d "$STATE/dotnet.XXXXXX")
  mkdir -p "$dn/usr/share/dotnet/host/fxr" "$dn/usr/share/dotnet/shared" "$dn/usr/bin"
  cp -a "$DOTNET_ROOT_DIR/dotnet" "$dn/usr/share/dotnet/"
  cp -a "$DOTNET_ROOT_DIR"/LICENSE.txt "$DOTNET_ROOT_DIR"/ThirdPartyNotices.txt "$dn/usr/share/dotnet/" 2>/dev/null || true
  cp -a "$DOTNET_ROOT_DIR/host/fxr/$host_fxr" "$dn/usr/share/dotnet/host/fxr/"
  mkdir -p "$dn/usr/share/dotnet/shared/Microsoft.NETCore.App" "$dn/usr/share/dotnet/shared/Microsoft.AspNetCore.App"
  cp -a "$DOTNET_ROOT_DIR/shared/Microsoft.NETCore.App/$fx" "$dn/usr/share/dotnet/shared/Microsoft.NETCore.App/"
  cp -a "$DOTNET_ROOT_DIR/shared/Microsoft.AspNetCore.App/$aspnet" "$dn/usr/share/dotnet/shared/Microsoft.AspNetCore.App/"
  ln -s /usr/share/dotnet/dotnet "$dn/usr/bin/dotnet"

  say "base-image: importing $BASE_IMAGE (.NET $fx, ASP.NET Core $aspnet)"
  # One archive: the Debian root plus only the new paths (Docker refuses duplicate entries such as ./usr).
  cp "$rootfs" "$STATE/base-import.tar"
  tar -C "$dn" -rf "$STATE/base-import.tar" ./usr/share/dotnet ./usr/bin/dotnet
  docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV APP_UID=1654' \
    --change 'ENV ASPNETCORE_HTTP_PORTS=8080' \
    --change 'ENV DOTNET_RUNNING_IN_CONTAINER=true' \
    --change "ENV DOTNET_VERSION=$fx" \
    --change "ENV ASPNET_VERSION=$aspnet" \
    --change "LABEL $BASE_LABEL" \
    --change 'CMD ["bash"]' \
    "$STATE/base-import.tar" "$BASE_IMAGE" >/dev/null
  rm -rf "$dn" "$STATE/base-import.tar"
  docker run --rm --network none "$BASE_IMAGE" dotnet --list-runtimes >&2 ||
    die "base-image: imported image cannot run dotnet"
  say "base-image: $BASE_IMAGE ready"
}

cmd_sdk_image() {
  need_root sdk-image
  engine_answers || die "sdk-image: no engine at $DOCKER_HOST; run: $0 start"
  if docker image inspect --format '{{index .Config.Labels "dev.volumegen.sdk-image"}}' "$SDK_IMAGE_LOCAL" 2>/dev/null | grep -qx 1; then
    say "sdk-image: $SDK_IMAGE_LOCAL present, reused"
    docker image inspect "$SDK_IMAGE" >/dev/null 2>&1 || docker tag "$SDK_IMAGE_LOCAL" "$SDK_IMAGE"
    return
  fi
  local sdk
  sdk=$(ls -1 "$DOTNET_ROOT_DIR/sdk" 2>/dev/null | grep '^10\.' | sort -V | tail -n 1 || true)
  [ -n "$sdk" ] || die "sdk-image: no .NET 10 SDK under $DOTNET_ROOT_DIR (set DOTNET_ROOT)"
  local rootfs; rootfs=$(base_rootfs)

  # The whole SDK folder (the build stages restore, build and publish in it). NuGet inside `docker build` has no
  # network: the user-level NuGet.Config lists no source, so restore resolves only from the global packages folder
  # (/root/.nuget/packages), which an image derived from this one fills with exactly the packages a build needs.
  local dn; dn=$(mktemp -d "$STATE/sdk.XXXXXX")
  mkdir -p "$dn/usr/share" "$dn/usr/bin" "$dn/root/.nuget/NuGet" "$dn/root/.nuget/packages"
  cp -a "$DOTNET_ROOT_DIR" "$dn/usr/share/dotnet"
  ln -s /usr/share/dotnet/dotnet "$dn/usr/bin/dotnet"
  cat >"$dn/root/.nuget/NuGet/NuGet.Config" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<!-- VolumeGen's local SDK image: no package source (nothing is reachable from a build container); restore uses the
     global packages folder only. -->
<configuration>
  <packageSources>
    <clear />
  </packageSources>
</configuration>
XML

  say "sdk-image: importing $SDK_IMAGE_LOCAL (.NET SDK $sdk) and tagging it $SDK_IMAGE"
  cp "$rootfs" "$STATE/sdk-import.tar"
  tar -C "$dn" -rf "$STATE/sdk-import.tar" ./usr/share/dotnet ./usr/bin/dotnet ./root/.nuget
  docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV APP_UID=1654' \
    --change 'ENV DOTNET_RUNNING_IN_CONTAINER=true' \
    --change "ENV DOTNET_SDK_VERSION=$sdk" \
    --change 'ENV DOTNET_NOLOGO=true' \
    --change 'ENV DOTNET_CLI_TELEMETRY_OPTOUT=true' \
    --change 'ENV DOTNET_GENERATE_ASPNET_CERTIFICATE=false' \
    --change 'ENV DOTNET_USE_POLLING_FILE_WATCHER=true' \
    --change 'ENV NUGET_XMLDOC_MODE=skip' \
    --change "LABEL $SDK_LABEL" \
    --change 'CMD ["bash"]' \
    "$STATE/sdk-import.tar" "$SDK_IMAGE_LOCAL" >/dev/null
  rm -rf "$dn" "$STATE/sdk-import.tar"
  docker tag "$SDK_IMAGE_LOCAL" "$SDK_IMAGE"
  docker run --rm --network none "$SDK_IMAGE" dotnet --version >&2 ||
    die "sdk-image: imported image cannot run dotnet"
  say "sdk-image: $SDK_IMAGE ready"
}

# The engine as a new machine has it: no image, volume or container from an earlier run, the base images with exactly
# the tags this script gives them. The cached Debian root file system is kept (it is an input, not engine state).
cmd_fresh() {
  need_root fresh
  cmd_stop
  if [ -d "$STATE/data" ] || [ -d "$STATE/exec" ]; then
    say "fresh: removing the data root $STATE/data"
    rm -rf "$STATE/data" "$STATE/exec"
  fi
  cmd_install; cmd_start; cmd_base_image; cmd_sdk_image
  local tags
  tags=$(docker image inspect --format '{{join .RepoTags " "}}' "$BASE_IMAGE")
  [ "$tags" = "$BASE_IMAGE" ] || die "fresh: $BASE_IMAGE has the tags '$tags'; a new machine has exactly '$BASE_IMAGE'"
  say "fresh: engine state as on a new machine ($BASE_IMAGE with its one tag)"
}

# One line per item: "image <id> <repository:tag>" (each tag of an image on its own line), "volume <name>",
# "container <id> <name>"; sorted, so two inventories compare with comm.
cmd_inventory() {
  engine_answers || die "inventory: no engine at $DOCKER_HOST"
  {
    docker image ls --all --no-trunc --format 'image {{.ID}} {{.Repository}}:{{.Tag}}'
    docker volume ls --quiet | sed 's/^/volume /'
    docker container ls --all --no-trunc --format 'container {{.ID}} {{.Names}}'
  } | LC_ALL=C sort -u
}

# The guard after the engine tests: tests remove only what they created. Everything FILE (an inventory taken before
# the run) lists must still be there, and the base images must still be there under their official names.
cmd_check_inventory() {
  local before="${1:-}"
  [ -n "$before" ] && [ -f "$before" ] || die "check-inventory: give the inventory file taken before the run"
  engine_answers || die "check-inventory: no engine at $DOCKER_HOST"
  local now missing left image
  now=$(mktemp)
  cmd_inventory >"$now"
  missing=$(LC_ALL=C comm -23 "$before" "$now")
  for image in "$BASE_IMAGE" "$SDK_IMAGE"; do
    docker image inspect "$image" >/dev/null 2>&1 || missing+=$'\n'"image ? $image (base image)"
  done
  missing=$(printf '%s\n' "$missing" | sed '/^$/d')
  left=$(LC_ALL=C comm -13 "$before" "$now")
  rm -f "$now"
  if [ -n "$missing" ]; then
    say "check-inventory: FAILED — the run removed what was in the engine before it (tests must remove only what they created):"
    printf '%s\n' "$missing" | sed 's/^/  gone: /' >&2
    return 1
  fi
  say "check-inventory: everything the engine held before the run is still there"
  if [ -n "$left" ]; then
    say "check-inventory: left behind by the run (not removed by the tests that made them):"
    printf '%s\n' "$left" | sed 's/^/  new: /' >&2
  fi
}

cmd_env() {
  printf 'export DOCKER_HOST=%q\nexport DOCKER_BUILDKIT=0\n' "$DOCKER_HOST"
}

cmd_status() {
  if engine_answers; then say "engine answers at $DOCKER_HOST"; else say "no engine at $DOCKER_HOST"; exit 1; fi
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  base-image) cmd_base_image ;;
  sdk-image) cmd_sdk_image ;;
  up) cmd_install; cmd_start; cmd_base_image; cmd_sdk_image ;;
  fresh) cmd_fresh ;;
  inventory) cmd_inventory ;;
  check-inventory) cmd_check_inventory "${2:-}" ;;
  env) cmd_env ;;
  status) cmd_status ;;
  mirror) debian_mirror ;;
  *) die "usage: $0 up|fresh|install|start|base-image|sdk-image|stop|env|status|mirror|inventory|check-inventory FILE" ;;
esac
