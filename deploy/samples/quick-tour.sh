#!/usr/bin/env bash
# The quick tour: one whole loop against a running Podloop with the demo users.
# Usage: ./mvnw spring-boot:run   (in another terminal), then: deploy/samples/quick-tour.sh [base-url]
set -euo pipefail
U=${1:-http://localhost:8080}
J='Content-Type: application/json'
now() { date -u +%Y-%m-%dT%H:%M:%SZ; }
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d' + sys.argv[1]))" "$1"; }
task() { curl -sf -u "$1" "$U/engine-rest/task?maxResults=10&$2" | field "[0]['id']"; }
tag=$(date +%s)

echo "1. demo posts a low-psychological-safety snapshot for atlas"
loop=$(curl -sf -u demo:demo -H "$J" -X POST "$U/api/teams/atlas/snapshots" -d "{\"externalId\":\"tour-$tag-baseline\",
  \"measuredAt\":\"$(now)\",\"respondents\":6,\"signals\":{\"psychological_safety\":38,\"engagement\":61}}" | field "['loop']['id']")
echo "   loop $loop started"

echo "2. paula sees Task_ChooseIntervention for pod-atlas and chooses speak-up-round"
t=$(task paula:demo "candidateGroup=pod-atlas&processInstanceBusinessKey=$loop&taskDefinitionKey=Task_ChooseIntervention")
curl -sf -u paula:demo -H "$J" -X POST "$U/engine-rest/task/$t/complete" -d '{"variables":{"interventionId":{"value":"speak-up-round"}}}'

echo "3. paula reports Task_RunIntervention done"
t=$(task paula:demo "candidateGroup=pod-atlas&processInstanceBusinessKey=$loop&taskDefinitionKey=Task_RunIntervention")
curl -sf -u paula:demo -H "$J" -X POST "$U/engine-rest/task/$t/complete" \
  -d '{"variables":{"outcomeNotes":{"value":"Two speak-up rounds; three concerns raised and answered."}}}'

echo "4. the re-measure snapshot arrives"
curl -sf -u demo:demo -H "$J" -X POST "$U/api/teams/atlas/snapshots" -d "{\"externalId\":\"tour-$tag-remeasure\",
  \"measuredAt\":\"$(now)\",\"respondents\":6,\"signals\":{\"psychological_safety\":67,\"feedback_rate\":3.5}}" > /dev/null

echo "5. gina decides: close"
t=$(task gina:demo "candidateGroup=governance&processInstanceBusinessKey=$loop&taskDefinitionKey=Task_Decide")
curl -sf -u gina:demo -H "$J" -X POST "$U/engine-rest/task/$t/complete" \
  -d '{"variables":{"decision":{"value":"CLOSE"},"rationale":{"value":"Verified reduction; keep the rounds going."}}}'

echo "6. the loop, its iterations and its timeline:"
curl -sf -u gina:demo "$U/api/loops/$loop" | python3 -c '
import json, sys
loop = json.load(sys.stdin)
it = loop["iterations"][0]
print("   status:", loop["status"], "| verification:", it["verification"]["outcome"], "| decision:", it["decision"])
for s in loop["timeline"]:
    print("   %s  %-22s %-7s %s" % (s["at"], s["type"], s.get("actor") or "-", (s.get("detail") or {}).get("task", "")))'
