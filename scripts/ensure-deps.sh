#!/usr/bin/env bash
# Installs the Debian packages freepy needs when they are missing:
# the reference interpreter (/usr/bin/python3.11, whose pure-Python standard
# library freepy also uses at run time) and its headers (for the differential
# C-extension tests), and python3-yaml (a compiled extension the tests load
# unchanged). Does nothing when everything is present.
set -euo pipefail
need=()
[ -x /usr/bin/python3.11 ] || need+=(python3.11)
[ -f /usr/include/python3.11/Python.h ] || need+=(python3.11-dev)
command -v cc >/dev/null || need+=(gcc)
# a real compiled (Cython) extension from Debian, loaded unchanged by the
# conformance test stdlib_yaml_c.py
[ -d /usr/lib/python3/dist-packages/yaml ] || need+=(python3-yaml)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}" >&2
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${need[@]}"
fi
