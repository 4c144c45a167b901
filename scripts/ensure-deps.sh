#!/usr/bin/env bash
# Installs the Debian packages freepy needs when they are missing:
# the reference interpreter (/usr/bin/python3.11, whose pure-Python standard
# library freepy also uses at run time) and its headers (for the differential
# C-extension tests), and python3-yaml (a compiled extension the tests load
# unchanged), and the other Debian extension packages the tests load (see
# below). Does nothing when everything is present.
set -euo pipefail
need=()
[ -x /usr/bin/python3.11 ] || need+=(python3.11)
[ -f /usr/include/python3.11/Python.h ] || need+=(python3.11-dev)
command -v cc >/dev/null || need+=(gcc)
# a real compiled (Cython) extension from Debian, loaded unchanged by the
# conformance test stdlib_yaml_c.py
[ -d /usr/lib/python3/dist-packages/yaml ] || need+=(python3-yaml)
# compiled extensions from Debian that the conformance tests load unchanged:
# cffi (ext_cffi_abi.py), cryptography's pyo3 and cffi modules and PyJWT
# (ext_cryptography_jwt.py), PyGObject with GLib's typelibs
# (ext_gi_introspection.py); openssl is not needed at test time (the test
# certificate is checked in), but python3.11's _ssl/_hashlib need libssl3,
# which libpython3.11-minimal already pulls in
[ -d /usr/lib/python3/dist-packages/cffi ] || need+=(python3-cffi)
[ -d /usr/lib/python3/dist-packages/cryptography ] || need+=(python3-cryptography)
[ -d /usr/lib/python3/dist-packages/jwt ] || need+=(python3-jwt)
[ -d /usr/lib/python3/dist-packages/gi ] || need+=(python3-gi)
[ -f /usr/lib/x86_64-linux-gnu/girepository-1.0/GLib-2.0.typelib ] || need+=(gir1.2-glib-2.0)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}" >&2
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${need[@]}"
fi
