# Sourced by ./test and .ci/run: installs the real programs the tests drive (Debian packages), if missing.
# chromium + chromium-driver: console tests in a real browser; rsyslog (+ TLS, + omelasticsearch) and
# logger: real syslog clients; poppler-utils: PDF report checks.
vigil_test_packages="chromium chromium-driver rsyslog rsyslog-gnutls rsyslog-elasticsearch bsdutils poppler-utils"
missing=()
for p in $vigil_test_packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "test: installing ${missing[*]} (real programs the tests drive)" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "test: missing packages ${missing[*]}; install them (apt-get install ${missing[*]}) or the tests that drive them fail" >&2
  fi
fi
