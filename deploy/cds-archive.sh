#!/usr/bin/env bash
# Prepares Podloop for a fast start: Spring Boot's extracted layout plus a class data sharing (AppCDS)
# archive of the classes a start loads. Run it once per build, with the JVM that will run Podloop:
#
#   deploy/cds-archive.sh target/podloop-0.1.0-SNAPSHOT.jar target/fast
#   java -XX:SharedArchiveFile=target/fast/podloop.jsa -jar target/fast/podloop-0.1.0-SNAPSHOT.jar
#
# The training start runs against a throw-away H2 file and exits once the context is refreshed
# (spring.context.exit=onRefresh). JDK 17 crashes while archiving lambda proxies
# (SystemDictionaryShared::adjust_lambda_proxy_class_dictionary), with -XX:ArchiveClassesAtExit and with a
# class list that names them, so the archive is dumped statically from the class list without them.
# A stale archive (another jar, another JVM) is not an error: the JVM says so and starts without it.
set -euo pipefail

jar=${1:?usage: deploy/cds-archive.sh JAR DESTINATION}
destination=${2:?usage: deploy/cds-archive.sh JAR DESTINATION}
rules=${PODLOOP_RULES_PATH:-rules}
processes=${PODLOOP_PROCESSES_PATH:-processes}

rm -rf "$destination"
java -Djarmode=tools -jar "$jar" extract --destination "$destination"
app="$destination/$(basename "$jar")"
training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT

echo "cds: training start (about half a minute)"
java -XX:DumpLoadedClassList="$training/classes.lst" -Dspring.context.exit=onRefresh \
  -jar "$app" --server.port=0 --podloop.rules.path="$rules" --podloop.processes.path="$processes" \
  --spring.datasource.url="jdbc:h2:file:$training/podloop" > "$training/start.log" 2>&1 \
  || { tail -40 "$training/start.log"; exit 1; }
grep -v '^@lambda' "$training/classes.lst" > "$training/classes-archivable.lst"

echo "cds: dumping the archive"
java -Xshare:dump -XX:SharedClassListFile="$training/classes-archivable.lst" \
  -XX:SharedArchiveFile="$destination/podloop.jsa" -Xlog:cds=off -jar "$app" > "$training/dump.log" 2>&1 \
  || { tail -40 "$training/dump.log"; exit 1; }
echo "cds: ready; start with"
echo "  java -XX:SharedArchiveFile=$destination/podloop.jsa -jar $app"
