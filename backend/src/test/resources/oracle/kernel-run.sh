#!/usr/bin/env bash
# kernel-run.sh SCRIPT OUTDIR — run a Packetwalk command script against the real kernel.
#
# The whole script runs inside `unshare --mount --net --pid --fork --mount-proc` with private
# mount propagation and a tmpfs on /run/netns, so `ip netns add` never touches the machine's
# /run/netns and the script's "root namespace" is a fresh netns holding only `lo` (down) —
# the same as the simulator's fresh host. When the unshared pid 1 exits, every namespace,
# mount and background process (`nc -l … &`) dies with it.
#
# For each command line N (1-based line number in SCRIPT; blank lines and `#` comments are
# skipped) it writes OUTDIR/N.cmd, N.out, N.err and N.rc; a command with a here-document takes
# the lines up to its end line and is recorded under its first line's number. A line ending in ` &` is started in
# the background and recorded with rc 0 and empty output. OUTDIR/env.txt records the kernel
# and tool versions. After each command the runner waits until no device is caught half-way
# through a carrier change (see settle below). Exit status: 0 when the script ran (whatever its commands returned),
# 2 on usage errors, 3 when isolation is impossible (not root, no unshare/ip), 124 on timeout.
#
# Environment: KERNEL_RUN_TIMEOUT (whole script, s, default 60), KERNEL_RUN_CMD_TIMEOUT
# (one command, s, default 20), KERNEL_RUN_BG_SETTLE (pause after a background start,
# s, default 0.3).
set -u

if [[ "${1:-}" == "--inner" ]]; then
  script=$2 out=$3
  set -e
  mount --make-rprivate / 2>/dev/null || true
  mkdir -p /run/netns
  mount -t tmpfs -o mode=0755 tmpfs /run/netns
  # /var/run is a symlink to /run on current distros; cover the old layout too.
  if [[ ! /var/run -ef /run ]]; then
    mkdir -p /var/run/netns
    mount -t tmpfs -o mode=0755 tmpfs /var/run/netns
  fi
  # A sysfs of this network namespace, as `ip netns exec` mounts one: /sys/class/net then lists
  # the script's own devices (ip tuntap show reads each device's tun_flags there).
  mount -t sysfs sysfs /sys 2>/dev/null || true
  # Files the scripts write (iptables-save > /tmp/rules) stay inside this run; the script itself
  # is opened first, as it may live under /tmp, and an OUTDIR under /tmp (a checkout there) stays
  # reachable through a bind mount on /mnt, which only this run's mount namespace sees.
  exec 3<"$script"
  if [[ "$out" == /tmp || "$out" == /tmp/* ]]; then
    mount --bind "$out" /mnt
    out=/mnt
  fi
  mount -t tmpfs -o mode=1777 tmpfs /tmp
  set +e
  export LC_ALL=C LANG=C TZ=UTC
  export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
  unset COLUMNS IP_COLOR
  cmd_timeout=${KERNEL_RUN_CMD_TIMEOUT:-20}
  bg_settle=${KERNEL_RUN_BG_SETTLE:-0.3}

  # The kernel applies carrier changes asynchronously (linkwatch work, which also creates the
  # IPv6 link-local address): right after `ip link set X up` a device can still show
  # <NO-CARRIER,...,UP,LOWER_UP> state LOWERLAYERDOWN. The simulator has no such window, so
  # after each command wait (up to 2 s) until no device in any namespace is half-updated:
  # an UP device must show exactly one of LOWER_UP and NO-CARRIER.
  settled() {
    local ns flags
    for ns in "" $(ls /run/netns 2>/dev/null); do
      while IFS= read -r flags; do
        [[ ",$flags," == *,UP,* ]] || continue
        if [[ ",$flags," == *,LOWER_UP,* ]]; then
          [[ ",$flags," == *,NO-CARRIER,* ]] && return 1
        else
          [[ ",$flags," == *,NO-CARRIER,* ]] || return 1
        fi
      done < <(ip ${ns:+-n "$ns"} -o link show 2>/dev/null | sed -n 's/^[0-9]*: [^ ]* <\([^>]*\)>.*/\1/p')
    done
    return 0
  }
  settle() {
    local i
    for ((i = 0; i < 200; i++)); do
      settled && return 0
      sleep 0.01
    done
  }
  n=0
  while IFS= read -r raw || [[ -n "$raw" ]]; do
    n=$((n + 1))
    line=${raw%$'\r'}
    # trim leading/trailing blanks
    line="${line#"${line%%[![:space:]]*}"}"
    line="${line%"${line##*[![:space:]]}"}"
    [[ -z "$line" || "$line" == \#* ]] && continue
    # A here-document (<<EOF, <<'EOF', <<-EOF): its body and end line belong to this command.
    heredoc_re="<<(-?)[[:space:]]*[\"']?([A-Za-z_][A-Za-z0-9_]*)[\"']?"
    if [[ "$line" =~ $heredoc_re ]]; then
      strip_tabs=${BASH_REMATCH[1]} delim=${BASH_REMATCH[2]} first=$n
      while IFS= read -r raw; do
        n=$((n + 1))
        body=${raw%$'\r'}
        [[ -n "$strip_tabs" ]] && body="${body#"${body%%[!$'\t']*}"}"
        line+=$'\n'"$body"
        [[ "$body" == "$delim" ]] && break
      done
      printf '%s\n' "$line" > "$out/$first.cmd"
      timeout -k 2 "$cmd_timeout" bash -c "$line" </dev/null >"$out/$first.out" 2>"$out/$first.err"
      echo $? > "$out/$first.rc"
      settle
      continue
    fi
    printf '%s\n' "$line" > "$out/$n.cmd"
    if [[ "$line" =~ ^(.*[^[:space:]&])[[:space:]]*\&$ ]]; then
      bgcmd=${BASH_REMATCH[1]}
      ( exec setsid bash -c "$bgcmd" </dev/null >/dev/null 2>&1 ) &
      : > "$out/$n.out"; : > "$out/$n.err"; echo 0 > "$out/$n.rc"
      sleep "$bg_settle"
      continue
    fi
    timeout -k 2 "$cmd_timeout" bash -c "$line" </dev/null >"$out/$n.out" 2>"$out/$n.err"
    echo $? > "$out/$n.rc"
    settle
  done <&3
  exit 0
fi

if [[ $# -ne 2 ]]; then
  echo "usage: $0 SCRIPT OUTDIR" >&2
  exit 2
fi
script=$(readlink -f -- "$1") || { echo "kernel-run: cannot resolve $1" >&2; exit 2; }
[[ -r "$script" ]] || { echo "kernel-run: cannot read $script" >&2; exit 2; }
mkdir -p -- "$2" && out=$(readlink -f -- "$2") || { echo "kernel-run: cannot create $2" >&2; exit 2; }
rm -f -- "$out"/*.cmd "$out"/*.out "$out"/*.err "$out"/*.rc "$out"/env.txt

if [[ $(id -u) -ne 0 ]]; then echo "kernel-run: needs root (uid $(id -u))" >&2; exit 3; fi
for tool in unshare ip timeout setsid; do
  command -v "$tool" >/dev/null || { echo "kernel-run: $tool not installed" >&2; exit 3; }
done

{
  echo "kernel: $(uname -r)"
  echo "iproute2: $(ip -V 2>&1 | head -1)"
  echo "ping: $(ping -V 2>&1 | head -1)"
  for k in net.core.devconf_inherit_init_net net.ipv4.conf.all.rp_filter net.ipv4.conf.default.rp_filter \
           net.ipv4.conf.all.arp_ignore net.ipv4.conf.default.arp_ignore net.ipv4.conf.all.proxy_arp; do
    echo "init-netns $k = $(sysctl -n "$k" 2>/dev/null || echo '?')"
  done
} > "$out/env.txt"

self=$(readlink -f -- "${BASH_SOURCE[0]}")
timeout -k 5 "${KERNEL_RUN_TIMEOUT:-60}" \
  unshare --mount --net --pid --fork --kill-child --mount-proc --propagation private \
  bash "$self" --inner "$script" "$out"
rc=$?
if [[ $rc -ne 0 ]]; then echo "kernel-run: isolated run ended with status $rc" >&2; fi
exit $rc
