#!/usr/bin/env bash
# Installs the Debian package on this machine and checks it end to end: the files, user and
# folders; the unit file (systemd-analyze verify); the service starting as its unit says and
# answering HTTP; a key and a request made through the packaged command; a stop and start that
# keeps the data; a backup; removal that keeps the data; purge that removes everything.
# Needs root. Where systemd is not PID 1 (containers, CI), the unit's ExecStart is run as the
# unit's User, in its WorkingDirectory, with its Environment, the way systemd would start it.
#   bash packaging/test-deb.sh [path/to/civic311_*.deb]   (default: build it with mvn -Pdeb)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[test-deb] %s\n' "$*"; }
fail() { printf '[test-deb] FAILED: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "needs root (dpkg -i): run sudo bash packaging/test-deb.sh"
if dpkg -s civic311 >/dev/null 2>&1 || getent passwd civic311 >/dev/null; then
  fail "civic311 is already installed or its user exists here; this test installs and purges it, so it stops"
fi

deb=${1:-}
if [ -z "$deb" ]; then
  say "building the package: mvn -B -q -o -Pdeb -DskipTests package"
  mvn -B -q -o -Pdeb -DskipTests package
  deb=$(ls -t packaging/target/civic311_*_all.deb | head -1)
fi
say "package: $deb ($(du -h "$deb" | cut -f1))"

unit=/lib/systemd/system/civic311.service
log=$(mktemp /tmp/civic311-service-XXXXXX.log)
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
}
trap cleanup EXIT

say "dpkg -i"
dpkg -i "$deb" >/dev/null
[ "$(dpkg-query -W -f='${Status}' civic311)" = "install ok installed" ] || fail "not installed"

say "files, user, folders and permissions"
[ -x /usr/bin/civic311 ] || fail "/usr/bin/civic311 missing"
[ -f /usr/share/civic311/civic311.jar ] || fail "jar missing"
[ -f "$unit" ] || fail "unit missing"
dpkg-query -W -f='${Conffiles}\n' civic311 | grep -q '/etc/civic311/civic311.yaml' || fail "civic311.yaml is not a conffile"
[ "$(getent passwd civic311 | cut -d: -f7)" = /usr/sbin/nologin ] || fail "civic311 user missing or has a login shell"
[ "$(stat -c '%U:%G %a' /var/lib/civic311)" = "civic311:civic311 750" ] || fail "/var/lib/civic311: $(stat -c '%U:%G %a' /var/lib/civic311)"
[ "$(stat -c '%U:%G %a' /etc/civic311/civic311.yaml)" = "root:civic311 640" ] || fail "civic311.yaml: $(stat -c '%U:%G %a' /etc/civic311/civic311.yaml)"
/usr/bin/civic311 --version | grep -q '^civic311 ' || fail "civic311 --version"

if command -v systemd-analyze >/dev/null; then
  say "systemd-analyze verify $unit"
  out=$(systemd-analyze verify "$unit" 2>&1) || fail "systemd-analyze verify: $out"
  [ -z "$out" ] || fail "systemd-analyze verify printed: $out"
else
  say "no systemd-analyze here: the unit file is not verified"
fi

# A free port, written into the configuration as an administrator would.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
sed -i "s/^  port: 8080$/  port: $port/" /etc/civic311/civic311.yaml
grep -q "port: $port" /etc/civic311/civic311.yaml || fail "could not set the port"

# The unit's own settings, read from the installed file.
value() { sed -n "s/^$1=//p" "$unit" | head -1; }
exec_start=$(value ExecStart)
user=$(value User)
workdir=$(value WorkingDirectory)
environment=$(value Environment)

# Whether the sandbox of the unit's file system can be rebuilt here (mount namespaces).
if [ ! -d /run/systemd/system ] && unshare --mount --propagation private true 2>/dev/null; then
  sandbox=yes
else
  sandbox=no
fi

start() {
  if [ -d /run/systemd/system ]; then
    systemctl start civic311
    pid=""
  else
    say "starting as systemd would: $user in $workdir: $environment $exec_start"
    # JAVA_OPTS unset, as with no /etc/default/civic311: systemd drops the empty word.
    if [ "$sandbox" = yes ]; then
      # The unit's file-system sandbox, rebuilt in a mount namespace: every top-level folder
      # read-only (ProtectSystem=strict) but the data folder (ReadWritePaths), empty home
      # folders (ProtectHome) and a /tmp of its own (PrivateTmp).
      unshare --mount --propagation private sh -c '
        set -e
        for d in /*; do
          case "$d" in /proc|/sys|/dev|/run|/tmp) continue ;; esac
          if [ -d "$d" ] && [ ! -L "$d" ]; then mount --bind "$d" "$d"; mount -o remount,bind,ro "$d"; fi
        done
        mount --bind /var/lib/civic311 /var/lib/civic311
        mount -o remount,bind,rw /var/lib/civic311
        for d in /home /root /run/user; do
          if [ -d "$d" ]; then mount -t tmpfs -o ro,mode=0755 tmpfs "$d"; fi
        done
        mount -t tmpfs -o mode=1777 tmpfs /tmp
        exec "$@"' sandbox setpriv --reuid="$user" --regid="$user" --init-groups --no-new-privs --reset-env \
        env -C "$workdir" "$environment" ${exec_start//\$JAVA_OPTS/} >>"$log" 2>&1 &
    else
      setpriv --reuid="$user" --regid="$user" --init-groups --no-new-privs --reset-env \
        env -C "$workdir" "$environment" ${exec_start//\$JAVA_OPTS/} >>"$log" 2>&1 &
    fi
    pid=$!
  fi
  for _ in $(seq 1 90); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/open311/v2/discovery.json" 2>/dev/null; then
      return 0
    fi
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      tail -20 "$log" >&2
      fail "the service ended at start"
    fi
    sleep 1
  done
  tail -20 "$log" >&2
  fail "the service did not answer on port $port within 90 s"
}

stop() {
  if [ -d /run/systemd/system ]; then
    systemctl stop civic311
  else
    kill -TERM "$pid"
    status=0
    wait "$pid" || status=$?
    # SuccessExitStatus=143: the JVM's exit after SIGTERM counts as a clean stop.
    [ "$status" -eq 0 ] || [ "$status" -eq 143 ] || fail "the service exited $status on SIGTERM"
    pid=""
  fi
}

start
say "the service answers on 127.0.0.1:$port (file-system sandbox rebuilt: $sandbox)"
if [ "$sandbox" = yes ]; then
  [ "$(readlink /proc/"$pid"/ns/mnt)" != "$(readlink /proc/self/ns/mnt)" ] || fail "not in its own mount namespace"
  for d in /usr /etc /var/lib/civic311 /tmp; do
    say "  in the sandbox, $d is $(awk -v d="$d" '$5 == d { o = $6 } END { sub(/,.*/, "", o); print o }' /proc/"$pid"/mountinfo)"
  done
  awk '$5 == "/usr" { o = $6 } END { exit o ~ /^ro/ ? 0 : 1 }' /proc/"$pid"/mountinfo || fail "/usr is writable in the sandbox"
  awk '$5 == "/var/lib/civic311" { o = $6 } END { exit o ~ /^rw/ ? 0 : 1 }' /proc/"$pid"/mountinfo \
    || fail "/var/lib/civic311 is not writable in the sandbox"
fi
[ "$(ps -o user= -p "$(pgrep -n -u civic311 java)")" = civic311 ] || fail "the service does not run as civic311"

say "a key made with the packaged command (run as root, it runs as civic311), and a request"
key=$(/usr/bin/civic311 keys create --label "test-deb" 2>/dev/null | sed -n 2p)
[ -n "$key" ] || fail "keys create printed no key"
reply=$(curl -fsS -d "api_key=$key" -d service_code=POTHOLE -d 'address_string=1 Package Rd' \
  -d 'description=Made by test-deb' "http://127.0.0.1:$port/open311/v2/requests.json")
id=$(printf '%s' "$reply" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["service_request_id"])')
say "request $id stored"
bad=$(find /var/lib/civic311 ! -user civic311 | head -1)
[ -z "$bad" ] || fail "$bad is not the service's"

say "stop and start: the request is still there"
stop
start
curl -fsS "http://127.0.0.1:$port/open311/v2/requests/$id.json" | grep -q 'Made by test-deb' \
  || fail "request $id lost across a restart"

say "a backup of the running service with the packaged command"
/usr/bin/civic311 backup --to /var/lib/civic311/test-deb-backup.zip >/dev/null 2>&1 || fail "backup"
python3 -c 'import zipfile,sys; z = zipfile.ZipFile(sys.argv[1]); assert "manifest.json" in z.namelist()' \
  /var/lib/civic311/test-deb-backup.zip || fail "backup has no manifest"
curl -fsS -o /dev/null -d "api_key=$key" -d service_code=POTHOLE -d 'address_string=2 Package Rd' \
  -d 'description=After the backup' "http://127.0.0.1:$port/open311/v2/requests.json"
stop

say "restore --force of that backup over the stopped service: back to the state at the backup"
/usr/bin/civic311 restore --from /var/lib/civic311/test-deb-backup.zip --force >/dev/null 2>&1 || fail "restore"
start
curl -fsS "http://127.0.0.1:$port/open311/v2/requests/$id.json" | grep -q 'Made by test-deb' \
  || fail "request $id missing after the restore"
curl -fsS "http://127.0.0.1:$port/open311/v2/requests.json" | grep -q 'After the backup' \
  && fail "a request made after the backup is still there after the restore"
stop

grep -q 'civic311.access' "$log" || [ -d /run/systemd/system ] || fail "no access log on the service's output"

say "dpkg -r keeps the data, the configuration and the user"
dpkg -r civic311 >/dev/null
[ ! -e /usr/bin/civic311 ] || fail "/usr/bin/civic311 left after removal"
[ -f /var/lib/civic311/civic311.db ] || fail "removal deleted the data"
[ -f /etc/civic311/civic311.yaml ] || fail "removal deleted the configuration"
getent passwd civic311 >/dev/null || fail "removal deleted the user"

say "apt-get purge removes data, configuration and user"
apt-get purge -y -qq civic311 >/dev/null
if dpkg -s civic311 >/dev/null 2>&1; then fail "still known to dpkg"; fi
[ ! -e /var/lib/civic311 ] || fail "/var/lib/civic311 left after purge"
[ ! -e /etc/civic311 ] || fail "/etc/civic311 left after purge"
! getent passwd civic311 >/dev/null || fail "user civic311 left after purge"
! getent group civic311 >/dev/null || fail "group civic311 left after purge"

say "passed (service log: $log)"
