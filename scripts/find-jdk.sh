#!/usr/bin/env bash
# Prints the home of a JDK 21 or newer, or fails with one clear line. Sourced by ./zgnode and
# .ci/run so both pick the same JDK: JAVA_HOME if it is 21+, else the newest under the usual
# install folders, else the `java` on PATH.
set -euo pipefail

jdk_major() { # prints the feature version of the JDK at $1, or nothing
  local v
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')
  [[ -n "$v" ]] && echo "${v%%.*}"
}

best=""; best_v=0
consider() {
  local home="$1" v
  [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || return 0
  v=$(jdk_major "$home" || true)
  [[ -n "$v" && "$v" -ge 21 && "$v" -gt "$best_v" ]] && { best="$home"; best_v="$v"; }
  return 0
}

if [[ -n "${JAVA_HOME:-}" ]]; then
  v=$(jdk_major "$JAVA_HOME" 2>/dev/null || true)
  if [[ -n "$v" && "$v" -ge 21 && -x "$JAVA_HOME/bin/javac" ]]; then echo "$JAVA_HOME"; exit 0; fi
fi
for d in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
  [[ -d "$d" ]] && consider "$d"
done
if [[ -z "$best" ]] && command -v java >/dev/null 2>&1; then
  j=$(readlink -f "$(command -v java)"); consider "$(dirname "$(dirname "$j")")"
fi
if [[ -z "$best" ]]; then
  echo "zgnode: no JDK 21 or newer found (looked at JAVA_HOME, /usr/lib/jvm, /opt/java and PATH); install Temurin 21+ and set JAVA_HOME" >&2
  exit 1
fi
echo "$best"
