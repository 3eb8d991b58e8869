#!/usr/bin/env bash
# A large municipality's day on PostgreSQL (issue 21, item 1): 50,000 employees and ten years of recruitment history;
# the Årets chef campaign opens and its invitations go from the outbox through MailKit to the SMTP sink while employees
# nominate in a burst and HR browses; then the same load on a bare ASP.NET Core app for ratios. Before that, the reports
# and the day's gallring over the whole history, timed with their SQL command counts at a tenth of the data and in full.
# See README, "Benchmarks".
#
#   bench/kommunens-dag.sh
#   BENCH_ANSTALLDA=5000 BENCH_REKRYTERINGAR=500 BENCH_SESSIONER=500 bench/kommunens-dag.sh    # a smaller day
#
# Settings: BENCH_ANSTALLDA (50000), BENCH_REKRYTERINGAR (5000), BENCH_KANDIDATER per recruitment (20), BENCH_AR of
# history (10), BENCH_SESSIONER employees signed in for the burst (2000), BENCH_SEKUNDER of burst and browsing (30)
# after BENCH_UPPVARMNING s of warm-up (20),
# BENCH_NOMINERINGAR_PER_S offered (550, a tenth over the goal; 0 = as fast as they go) over BENCH_ANSLUTNINGAR (48),
# BENCH_HR_PER_S per HR page (5) over BENCH_HR_ANSLUTNINGAR each (2), BENCH_MEJL_TIMEOUT (600 s),
# ports BENCH_PORT (5701, and the next two), BENCH_PG_PORT, BENCH_AZURITE_PORT, BENCH_SMTP_PORT, BENCH_CLAMD_PORT,
# BENCH_OIDC_PORT; BENCH_BEHALL=1 keeps the work folder; for diagnosis BENCH_MEJL_PARALLELLT sets Mail:Parallelism and
# BENCH_PORTAL_MILJO adds environment assignments for the portal.
#
# How the day is arranged: the portal seeds everything with a campaign that opens tomorrow; the employees and HR sign
# in and the pages are warmed up. Then the morning: HR moves the opening to today (the campaign form), the scheduler
# opens it (the invitations are written in batches), the dispatcher sends them to the SMTP sink, and wrk posts
# nominations and reads HR's pages at the same time. The count check compares
# the sink's .eml files (their Message-IDs) with the outbox rows: none missing, none twice. Afterwards the nominations
# and then HR's pages run again, each alone at the same rate: their latency without the opening beside them, and their
# CPU per request, from which the CPU of one invitation and the cores the goals need at once follow.
set -euo pipefail
export LC_ALL=C   # sort and comm agree on the order of the Message-IDs
cd "$(dirname "${BASH_SOURCE[0]}")/.."

N="${BENCH_ANSTALLDA:-50000}"
REK="${BENCH_REKRYTERINGAR:-5000}"
PER="${BENCH_KANDIDATER:-20}"
YEARS="${BENCH_AR:-10}"
SESSIONS="${BENCH_SESSIONER:-2000}"
RUN_SECONDS="${BENCH_SEKUNDER:-30}"
CONNS="${BENCH_ANSLUTNINGAR:-48}"
NOM_RATE="${BENCH_NOMINERINGAR_PER_S:-550}"
HR_RATE="${BENCH_HR_PER_S:-5}"
HR_CONNS="${BENCH_HR_ANSLUTNINGAR:-2}"
MAIL_TIMEOUT="${BENCH_MEJL_TIMEOUT:-600}"
WARMUP_SECONDS="${BENCH_UPPVARMNING:-20}"
PREP_PARALLEL="${BENCH_PARALLELLT:-8}"
APP_PORT="${BENCH_PORT:-5701}"
SMALL_PORT=$((APP_PORT + 1))
BARE_PORT=$((APP_PORT + 2))
export BENCH_PG_PORT="${BENCH_PG_PORT:-55503}" BENCH_AZURITE_PORT="${BENCH_AZURITE_PORT:-10103}" BENCH_SMTP_PORT="${BENCH_SMTP_PORT:-2603}" \
  BENCH_CLAMD_PORT="${BENCH_CLAMD_PORT:-3403}" BENCH_OIDC_PORT="${BENCH_OIDC_PORT:-5621}"
# The goals of issue 21.
GOAL_MAIL_S=120; GOAL_RATE=500; GOAL_NOM_P99=100; GOAL_PAGE_P99=250; GOAL_MEM_RATIO=2

work="$(mktemp -d /tmp/chefs-bench-dag.XXXXXX)"
chmod 755 "$work"   # the postgres user must reach the cluster below it
BASE="http://127.0.0.1:$APP_PORT"
source bench/lib.sh
cleanup() {
  for p in "$work"/*.pid; do stop_pid_file "$p"; done
  [ -f "$work/services/env" ] && bench_services stop >/dev/null 2>&1 || true
  if [ -n "${BENCH_BEHALL:-}" ]; then log "arbetsmapp kvar: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

infra/install.sh >/dev/null
for tool in wrk curl psql awk; do command -v "$tool" >/dev/null 2>&1 || die "$tool saknas"; done

echo "== En kommuns dag: $N anställda, $REK rekryteringar med $PER sökande var över $YEARS år, PostgreSQL; $(date -u '+%Y-%m-%d %H:%M') UTC"
echo "maskin: $(nproc) kärnor; last före: $(cut -d' ' -f1-3 /proc/loadavg)"

log "bygger Release"
dotnet publish bench/ChefsRekrytering.Bench -c Release -o "$work/app" --nologo -v q >"$work/build.log" 2>&1 \
  || { tail -n 30 "$work/build.log" >&2; die "bygget av portalen misslyckades"; }
{ dotnet new web -o "$work/bare-src" && dotnet publish "$work/bare-src" -c Release -o "$work/bare" --nologo -v q; } >>"$work/build.log" 2>&1 \
  || { tail -n 30 "$work/build.log" >&2; die "bygget av den tomma appen misslyckades"; }

bench_services start >"$work/services.log" 2>&1 || { cat "$work/services.log" >&2; die "tjänsterna startade inte"; }
MAILDIR="$work/services/mail"
pg=(psql -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q)
# infra/services.sh starts a throwaway test cluster without fsync; the bench measures a durable one, as in production.
"${pg[@]}" -d postgres -c "ALTER SYSTEM SET fsync = on" -c "ALTER SYSTEM SET synchronous_commit = on" \
  -c "ALTER SYSTEM SET full_page_writes = on" -c "SELECT pg_reload_conf()" \
  -c "CREATE DATABASE dag_tiondel" -c "CREATE DATABASE dag" >/dev/null
cs() { echo "Host=127.0.0.1;Port=$BENCH_PG_PORT;Username=postgres;Password=postgres;Database=$1"; }
sql() { "${pg[@]}" -d dag -At -F ' ' -c "$1"; }

# The measurement lines BenchMatning logs after seeding: "<ms> <commands> <count>".
matning() { # <log> <rapporter|gallring>
  if [ "$2" = rapporter ]; then grep -o 'Bänkmätning rapporter varv=2 ms=[0-9]* kommandon=[0-9]* tabeller=[0-9]*' "$1"
  else grep -o 'Bänkmätning gallring ms=[0-9]* kommandon=[0-9]* sokande=[0-9]*' "$1"; fi | tail -n 1 | sed 's/.*ms=\([0-9]*\) kommandon=\([0-9]*\) [a-z]*=\([0-9]*\)/\1 \2 \3/'
}
history_env=("Bench__KandidaterPerRekrytering=$PER" "Bench__HistorikAr=$YEARS" Bench__Matning=true "Portal__PublicUrl=$BASE")

# --- 1. Reports and gallring at a tenth of the history ------------------------------------------------------------
small=$((REK / 10))
log "tiondel: $small rekryteringar"
t0=$SECONDS
start_portal "$SMALL_PORT" "$work/data-tiondel" "ConnectionStrings__Portal=$(cs dag_tiondel)" "Bench__Rekryteringar=$small" "${history_env[@]}" \
  || die "portalen startade inte (tiondel)"
small_seed=$((SECONDS - t0))
read -r small_rap_ms small_rap_cmd _ < <(matning "$work/portal-$SMALL_PORT.log" rapporter) || die "ingen rapportmätning (tiondel)"
read -r small_gal_ms small_gal_cmd small_gal_n < <(matning "$work/portal-$SMALL_PORT.log" gallring) || die "ingen gallringsmätning (tiondel)"
stop_pid_file "$work/portal-$SMALL_PORT.pid"

# --- 2. The full municipality, seeded with the campaign created but not opened ------------------------------------
full_env=("ConnectionStrings__Portal=$(cs dag)" "Bench__Rekryteringar=$REK" "${history_env[@]}" "Bench__Anstallda=$N" Bench__Kommun=alvsbyn
  Bench__KampanjOppnarOmDagar=1 Scheduler__Enabled=true Scheduler__PollInterval=00:00:01 Mail__DispatcherEnabled=true Mail__Delivery=Smtp
  Mail__Smtp__Host=127.0.0.1 "Mail__Smtp__Port=$BENCH_SMTP_PORT" Mail__Smtp__Security=None)
# Diagnosis only: the dispatcher with fewer or more loops than its default, to see what they bring.
[ -n "${BENCH_MEJL_PARALLELLT:-}" ] && full_env+=("Mail__Parallelism=$BENCH_MEJL_PARALLELLT")
# Diagnosis: more environment for the portal, e.g. BENCH_PORTAL_MILJO="DOTNET_gcServer=0".
read -r -a extra_env <<<"${BENCH_PORTAL_MILJO:-}"
full_env+=("${extra_env[@]}")
log "hela kommunen: $N anställda, $REK rekryteringar; kampanjen öppnar i morgon"
t0=$SECONDS
start_portal "$APP_PORT" "$work/data" "${full_env[@]}" || die "portalen startade inte (hela)"
full_seed=$((SECONDS - t0))
read -r full_rap_ms full_rap_cmd _ < <(matning "$work/portal-$APP_PORT.log" rapporter) || die "ingen rapportmätning"
read -r full_gal_ms full_gal_cmd full_gal_n < <(matning "$work/portal-$APP_PORT.log" gallring) || die "ingen gallringsmätning"
rows="$(sql "SELECT (SELECT COUNT(*) FROM \"Personer\"), (SELECT COUNT(*) FROM \"Rekrytering\"), (SELECT COUNT(*) FROM \"Kandidat\"),
  (SELECT COUNT(*) FROM \"Dokument\"), (SELECT COUNT(*) FROM \"OutboxMessage\"), (SELECT COUNT(*) FROM \"WorkflowTransitions\")")"
read -r n_pers n_rek n_kand n_dok n_mejl n_journal <<<"$rows"
log "sått på ${full_seed} s: $n_pers personer, $n_rek rekryteringar, $n_kand sökande, $n_dok dokument, $n_mejl mejl, $n_journal journalrader"
# Started again on the seeded database, so the day's peak memory is the day's and not the seeding's.
stop_pid_file "$work/portal-$APP_PORT.pid"
start_portal "$APP_PORT" "$work/data" "${full_env[@]}" Bench__Matning=false || die "portalen startade inte igen"

# Sessions: employees sign in with the bench password; the form token comes from the start page's sign-out form (it is
# the session's, valid for every form); each nominates one of the bench units' managers, never themselves.
CHEFER="$(sql "SELECT \"ChefId\" FROM \"Enheter\" WHERE \"KommunId\" = 'alvsbyn' AND \"Namn\" LIKE 'Bänkenhet%' AND \"ChefId\" IS NOT NULL ORDER BY 1" | tr '\n' ' ')"
[ -n "$CHEFER" ] || die "inga chefer att nominera"
prep_one() {
  local id="$1" email="$2" jar="$work/jars/$1" form nominee
  sign_in "$BASE" "$email" "$jar" "$PASSWORD" || return 1
  form="$(curl -sS -c "$jar" -b "$jar" "$BASE/" | antiforgery_token)"
  nominee="$(echo $CHEFER | tr ' ' '\n' | awk -v k="$id" '{a[NR]=$0} END {i = k % NR + 1; if (a[i] == k) i = i % NR + 1; print a[i]}')"
  [ -n "$form" ] && [ -n "$nominee" ] || { echo "bench: ingen session för $email" >&2; return 1; }
  printf '%s\t%s\t%s\t%s\n' "$id" "$(cookie_header "$jar")" "$form" "$nominee" >"$work/sessions/$id"
}
export -f prep_one sign_in antiforgery_token cookie_header
export BASE PASSWORD work CHEFER
log "loggar in $SESSIONS anställda ($PREP_PARALLEL parallellt)"
mkdir -p "$work/jars" "$work/sessions"
t0=$SECONDS
sql "SELECT \"Id\", \"Epost\" FROM \"Personer\" WHERE \"Epost\" LIKE '%@bench.example' ORDER BY \"Id\" LIMIT $SESSIONS" \
  | xargs -P "$PREP_PARALLEL" -n 2 bash -c 'prep_one "$@"' _ || die "förberedelsen misslyckades"
cat "$work"/sessions/* >"$work/sessions.tsv"
[ "$(wc -l <"$work/sessions.tsv")" -eq "$SESSIONS" ] || die "bara $(wc -l <"$work/sessions.tsv") sessioner av $SESSIONS"
log "$SESSIONS sessioner på $((SECONDS - t0)) s"

# HR's pages: the list, the newest open recruitment, its first applicant, the reports.
sign_in "$BASE" hr@kalix.example "$work/jar-hr" || die "HR kunde inte logga in"
curl -fs -b "$work/jar-hr" -c "$work/jar-hr" -o /dev/null "$BASE/"
hr_cookie="$(cookie_header "$work/jar-hr")"
read -r rek_id kand_id < <(sql "SELECT r.\"Id\", MIN(k.\"Id\") FROM \"Rekrytering\" r JOIN \"Kandidat\" k ON k.\"RekryteringId\" = r.\"Id\"
  WHERE r.\"Diarienummer\" LIKE 'BENCH%' AND r.\"State\" NOT IN ('Tillsatt', 'Avbruten') GROUP BY r.\"Id\" ORDER BY r.\"Id\" DESC LIMIT 1") \
  || die "ingen öppen rekrytering med sökande för HR:s sidor (fler BENCH_REKRYTERINGAR)"
pages=("lista:/rekrytering" "rekrytering:/rekrytering/$rek_id" "kandidat:/rekrytering/$rek_id/kandidater/$kand_id" "rapporter:/rapporter")
for p in "${pages[@]}"; do
  status="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $hr_cookie" "$BASE${p#*:}")"
  [ "$status" = 200 ] || die "HR:s sida ${p#*:} svarade $status"
done
portal_pid="$(cat "$work/portal-$APP_PORT.pid")"

# A portal that has run for a while: every page and the nomination post once through the JIT (the posts are refused
# while the campaign has not opened, and write nothing).
log "uppvärmning ${WARMUP_SECONDS} s"
wrk -t"$CONNS" -c"$CONNS" -d"${WARMUP_SECONDS}s" -s bench/nominera.lua "$BASE/arets-chef" -- "$work/sessions.tsv" "$work/ok-warm.txt" "$CONNS" >/dev/null &
warm_pids=($!)
for p in "${pages[@]}"; do wrk -t1 -c"$HR_CONNS" -d"${WARMUP_SECONDS}s" -H "Cookie: $hr_cookie" "$BASE${p#*:}" >/dev/null & warm_pids+=($!); done
wait "${warm_pids[@]}"
[ ! -s "$work/ok-warm.txt" ] || die "nomineringar togs emot före öppningen"

# --- 3. The morning: HR opens the campaign today; employees nominate and HR browses while the invitations go out ------
# Älvsbyn's HR moves the opening to today on /arets-chef/kampanjer, the form HR uses; the scheduler then opens it.
sign_in "$BASE" hr@alvsbyn.example "$work/jar-hr-alvsbyn" || die "HR i Älvsbyn kunde inte logga in"
curl -fs -b "$work/jar-hr-alvsbyn" -c "$work/jar-hr-alvsbyn" "$BASE/arets-chef/kampanjer" >"$work/kampanjer.html"
form="$(awk '/handler=Andra/,/<\/form>/' "$work/kampanjer.html")"
action="$(printf '%s' "$form" | grep -o 'action="[^"]*"' | head -n 1 | sed 's/action="//; s/"$//; s/&amp;/\&/g')"
version="$(printf '%s' "$form" | grep -io 'name="version" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')"
[ -n "$action" ] && [ -n "$version" ] || die "HR:s ändringsformulär för kampanjen saknas"
before_eml="$(find "$MAILDIR" -name '*.eml' | wc -l)"
today="$(TZ=Europe/Stockholm date +%F)"
log "morgonen: kampanjen öppnar i dag; ${RUN_SECONDS} s nomineringar och HR samtidigt"
sink_pid="$(cat "$work/services/smtp-sink.pid")"
pg_pid="$(head -n 1 "$work/services/pg/data/postmaster.pid")"
# CPU per part: the portal, PostgreSQL (its backends included), the SMTP sink; the machine's busy share; and what this
# script's children used (wrk, curl, psql), the load generator's own share of the two cores.
cpu_parts() { echo "$(cpu_seconds "$portal_pid") $(cpu_seconds_tree "$pg_pid") $(cpu_seconds "$sink_pid") $(machine_cpu)"; }
# Only the children this script has reaped: the portal is a child too, still running.
children_cpu() { local st; st="$(cat /proc/$$/stat)"; st="${st##*) }"; awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' <<<"$st"; }
read -r cpu_portal0 cpu_pg0 cpu_sink0 busy0 total0 < <(cpu_parts)
cpu_gen0="$(children_cpu)"
# The morning's load, and each load again alone afterwards: nominations to <ok-file> <result-file>, and HR's pages in
# the background (their pids in hr_pids) to wrk-<page><suffix>.txt.
nominate() {
  wrk -t"$CONNS" -c"$CONNS" -d"${RUN_SECONDS}s" --timeout 30s --latency -s bench/nominera.lua "$BASE/arets-chef" -- "$work/sessions.tsv" "$1" "$CONNS" \
    "$NOM_RATE" >"$2"
}
browse() {
  hr_pids=()
  for p in "${pages[@]}"; do
    # A page slower than wrk's default 2 s would count as a timeout and leave no latency: allow 30 s, and count them.
    wrk -t1 -c"$HR_CONNS" -d"${RUN_SECONDS}s" --timeout 30s --latency -H "Cookie: $hr_cookie" -s bench/sida.lua "$BASE${p#*:}" -- "$HR_RATE" 1 \
      >"$work/wrk-${p%%:*}$1.txt" &
    hr_pids+=($!)
  done
}
t_start=$(date +%s.%N)
status="$(curl -s -o "$work/andra.html" -w '%{http_code}' -b "$work/jar-hr-alvsbyn" -c "$work/jar-hr-alvsbyn" \
  --data-urlencode "__RequestVerificationToken=$(printf '%s' "$form" | antiforgery_token)" --data-urlencode "version=$version" \
  --data-urlencode "Andra.Oppnar=$today" --data-urlencode "Andra.SistaDag=$(TZ=Europe/Stockholm date -d '+14 days' +%F)" "$BASE$action")"
[ "$status" = 302 ] || die "HR kunde inte flytta öppningen till i dag (svar $status)"
# The employees nominate from the invitation, so the burst starts once the scheduler has opened the campaign.
for _ in $(seq 1 300); do
  [ "$(sql "SELECT COUNT(*) FROM \"AretsChefKampanjer\" WHERE \"KommunId\" = 'alvsbyn' AND \"State\" = 'NomineringOppen'")" = 1 ] && break
  sleep 0.2
done
opened_s="$(awk -v a="$t_start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')"
load_during="$(cut -d' ' -f1-3 /proc/loadavg)"
nominate "$work/ok.txt" "$work/wrk-nominera.txt" &
wrk_pids=($!)
browse ""
wrk_pids+=("${hr_pids[@]}")
# The mail: wait until every invitation row is sent and the sink holds them all, or the time runs out.
delivered_s=""
while :; do
  sleep 1
  now=$(date +%s.%N)
  read -r invited pending opened < <(sql "SELECT COUNT(*), COUNT(*) FILTER (WHERE \"Status\" <> 'Done'),
    (SELECT COUNT(*) FROM \"AretsChefKampanjer\" WHERE \"InbjudningarSkickadeUtc\" IS NOT NULL) FROM \"OutboxMessage\" WHERE \"Topic\" LIKE 'AretsChef:%:Inbjudan'")
  if [ "$opened" = 1 ] && [ "$pending" = 0 ] && [ "$invited" -gt 0 ]; then
    delivered_s="$(awk -v a="$t_start" -v b="$now" 'BEGIN {printf "%.1f", b - a}')"; break
  fi
  awk -v a="$t_start" -v b="$now" -v t="$MAIL_TIMEOUT" 'BEGIN {exit !(b - a > t)}' && break
done
read -r cpu_portal cpu_pg cpu_sink busy total < <(cpu_parts)
read -r cpu_portal cpu_pg cpu_sink busy_pct < <(awk -v p0="$cpu_portal0" -v g0="$cpu_pg0" -v s0="$cpu_sink0" -v b0="$busy0" -v t0="$total0" \
  -v p="$cpu_portal" -v g="$cpu_pg" -v s="$cpu_sink" -v b="$busy" -v t="$total" 'BEGIN {printf "%.1f %.1f %.1f %.0f\n", p - p0, g - g0, s - s0, 100 * (b - b0) / (t - t0)}')
wait "${wrk_pids[@]}"
cpu_gen="$(awk -v a="$cpu_gen0" -v b="$(children_cpu)" 'BEGIN {printf "%.1f", b - a}')"
load_after_burst="$(cut -d' ' -f1-3 /proc/loadavg)"
portal_peak="$(peak_memory_mb "$portal_pid")"

# The database's own times: first invitation written, all written, last one sent.
read -r written_s sent_s < <(sql "SELECT ROUND(EXTRACT(EPOCH FROM (SELECT \"InbjudningarSkickadeUtc\" FROM \"AretsChefKampanjer\" LIMIT 1) - MIN(\"CreatedUtc\"))::numeric, 1),
  ROUND(EXTRACT(EPOCH FROM MAX(\"SentUtc\") - MIN(\"CreatedUtc\"))::numeric, 1) FROM \"OutboxMessage\" WHERE \"Topic\" LIKE 'AretsChef:%:Inbjudan'")
# The count check: every invitation row's Message-ID in the sink exactly once.
sql "SELECT \"MessageId\" FROM \"OutboxMessage\" WHERE \"Topic\" LIKE 'AretsChef:%:Inbjudan'" | tr -d '-' | sort >"$work/ids-db.txt"
find "$MAILDIR" -name '*.eml' -print0 | xargs -0 grep -h -i -m1 '^Message-ID:' | sed 's/.*<\([0-9a-f]*\)@.*/\1/' | sort >"$work/ids-sink.txt"
total_eml="$(wc -l <"$work/ids-sink.txt")"
missing="$(comm -23 "$work/ids-db.txt" <(sort -u "$work/ids-sink.txt") | wc -l)"
doubled="$(uniq -d "$work/ids-sink.txt" | comm -12 - "$work/ids-db.txt" | wc -l)"
mails_per_s="$(awk -v n="$invited" -v s="${sent_s:-0}" 'BEGIN {printf "%.0f", (s > 0 ? n / s : 0)}')"

# --- 3b. Each load alone on the same portal, for what one nomination and one HR page cost in CPU ------------------------
# The nominations again (each employee changes their nomination) and then HR's pages, at the morning's rates. From these
# and the morning's total, the CPU of one invitation follows, and so the cores the goals need at once.
requests() { awk '/requests in/ {print $1}' "$1"; }
outbox_drained() { # the confirmations of the nominations are part of their cost
  for _ in $(seq 1 600); do
    [ "$(sql "SELECT COUNT(*) FROM \"OutboxMessage\" WHERE \"Status\" = 'Pending' AND \"DueUtc\" <= now()")" = 0 ] && return 0
    sleep 0.2
  done
  return 1
}
log "var last för sig: nomineringar ${RUN_SECONDS} s, sedan HR:s sidor ${RUN_SECONDS} s"
read -r a0 g0 s0 _ < <(cpu_parts)
nominate "$work/ok-ensam.txt" "$work/wrk-nominera-ensam.txt"
outbox_drained || die "bekräftelserna av nomineringarna gick inte ut"
read -r a1 g1 s1 _ < <(cpu_parts)
nom_alone="$(wrk_result "$work/wrk-nominera-ensam.txt" accepted)"
browse -ensam
wait "${hr_pids[@]}"
read -r a2 g2 s2 _ < <(cpu_parts)
hr_alone=0; hr_morning=0
for p in "${pages[@]}"; do
  hr_alone=$((hr_alone + $(requests "$work/wrk-${p%%:*}-ensam.txt"))); hr_morning=$((hr_morning + $(requests "$work/wrk-${p%%:*}.txt")))
done
# CPU seconds per nomination (portal, PostgreSQL, sink), per HR page, per invitation (the morning less the other two).
read -r nom_portal_ms nom_pg_ms nom_sink_ms c_nom c_hr c_inv cores_needed < <(awk -v n="$nom_alone" -v h="$hr_alone" \
  -v a0="$a0" -v a1="$a1" -v a2="$a2" -v g0="$g0" -v g1="$g1" -v g2="$g2" -v s0="$s0" -v s1="$s1" -v s2="$s2" \
  -v m="$(awk -v p="$cpu_portal" -v g="$cpu_pg" -v s="$cpu_sink" 'BEGIN {print p + g + s}')" -v nm="$(wrk_result "$work/wrk-nominera.txt" accepted)" -v hm="$hr_morning" -v inv="$invited" \
  -v rate="$GOAL_RATE" -v hr_rate="$((HR_RATE * ${#pages[@]}))" -v emp="$N" -v mail_s="$GOAL_MAIL_S" 'BEGIN {
    cn = (a1 - a0 + g1 - g0 + s1 - s0) / n; ch = (a2 - a1 + g2 - g1 + s2 - s1) / h; ci = (m - nm * cn - hm * ch) / inv
    printf "%.2f %.2f %.2f %.5f %.5f %.5f %.2f\n", 1000 * (a1 - a0) / n, 1000 * (g1 - g0) / n, 1000 * (s1 - s0) / n, cn, ch, ci,
      rate * cn + hr_rate * ch + emp / mail_s * ci}')
stop_pid_file "$work/portal-$APP_PORT.pid"

# --- 4. The bare app under the same wrk load ------------------------------------------------------------------------
log "bas: tom ASP.NET Core-app med samma wrk-last"
start_bare "$BARE_PORT" || die "den tomma appen startade inte"
bare_pid="$(cat "$work/bare.pid")"
wrk -t"$CONNS" -c"$CONNS" -d"${RUN_SECONDS}s" --latency -s bench/sida.lua "http://127.0.0.1:$BARE_PORT/" -- "$NOM_RATE" "$CONNS" \
  >"$work/wrk-bare.txt" &
bare_wrk=($!)
for p in "${pages[@]}"; do
  wrk -t1 -c"$HR_CONNS" -d"${RUN_SECONDS}s" -s bench/sida.lua "http://127.0.0.1:$BARE_PORT/" -- "$HR_RATE" 1 >/dev/null & bare_wrk+=($!)
done
wait "${bare_wrk[@]}"
bare_peak="$(peak_memory_mb "$bare_pid")"
stop_pid_file "$work/bare.pid"
read -r bare_rps bare_p99 _ < <(wrk_figures "$work/wrk-bare.txt")

# --- Report -----------------------------------------------------------------------------------------------------------
res() { wrk_result "$work/wrk-nominera.txt" "$1"; }
# Called in $(...): a missed goal is noted in a file, since the subshell cannot set a variable.
verdict() { if awk "BEGIN {exit !($1)}"; then echo "uppnått"; else echo "INTE uppnått"; echo "$1" >>"$work/missade"; fi; }
echo
echo "Data: $n_pers personer, $n_rek rekryteringar, $n_kand sökande, $n_dok dokument, $n_mejl mejl, $n_journal journalrader; sått på $full_seed s (tiondelen på $small_seed s)"
echo
echo "Rapporter och gallring över $YEARS år (tid; SQL-kommandon):"
echo "  rapporter (/rapporter, hela perioden), $small rekryteringar: $small_rap_ms ms; $small_rap_cmd kommandon"
echo "  rapporter, $REK rekryteringar:                     $full_rap_ms ms; $full_rap_cmd kommandon"
echo "  dagens gallring, $small rekryteringar: $small_gal_ms ms; $small_gal_cmd kommandon ($small_gal_n sökande gallrade)"
echo "  dagens gallring, $REK rekryteringar:   $full_gal_ms ms; $full_gal_cmd kommandon ($full_gal_n sökande gallrade)"
echo "  kommandon lika vid båda storlekarna: $(verdict "$small_rap_cmd == $full_rap_cmd && $small_gal_cmd == $full_gal_cmd")"
echo
echo "Morgonen (last när den började: $load_during; efter: $load_after_burst):"
echo "  inbjudningar: $invited rader; alla skrivna efter $written_s s; sista skickad $sent_s s efter den första skrevs; ${mails_per_s} mejl/s"
echo "  från HR:s öppning till allt levererat: ${delivered_s:-INTE inom $MAIL_TIMEOUT s} s"
echo "  kontroll mot SMTP-mottagaren: $total_eml .eml (före morgonen $before_eml); $missing inbjudningar saknas, $doubled kom mer än en gång"
echo "  mål ≤ $GOAL_MAIL_S s, ingen förlorad, ingen dubblerad: $(verdict "${sent_s:-999999} <= $GOAL_MAIL_S && $missing == 0 && $doubled == 0 && $invited >= $N")"
rate="$(res accepted_per_s)"; p99="$(res p99_ms)"
echo "  kampanjen öppen ${opened_s} s efter HR:s ändring; då började nomineringarna, erbjudna $([ "$NOM_RATE" -gt 0 ] && echo "i $NOM_RATE/s" || echo "så fort de hanns med"), HR:s sidor i ${HR_RATE}/s var"
echo "  nomineringar: $rate accepterade/s, p50 $(res p50_ms) ms, p99 $p99 ms (svar $(res statuses); socketfel $(res errors))"
echo "  mål ≥ $GOAL_RATE/s, p99 ≤ $GOAL_NOM_P99 ms: $(verdict "$rate >= $GOAL_RATE && $p99 <= $GOAL_NOM_P99")"
for p in "${pages[@]}"; do
  name="${p%%:*}"; read -r rps pp99 errs < <(wrk_figures "$work/wrk-$name.txt")
  timeouts="$(awk '/Socket errors/ {gsub(",", ""); print $NF}' "$work/wrk-$name.txt")"
  printf '  HR %-12s %-34s %7s anrop/s  p50 %7s ms  p99 %8s ms  fel %s  timeouts %s  mål p99 ≤ %s ms: %s\n' "$name" "${p#*:}" "$rps" \
    "$(wrk_p50 "$work/wrk-$name.txt")" "$pp99" "$errs" "${timeouts:-0}" "$GOAL_PAGE_P99" \
    "$(verdict "$rps > 0 && $pp99 > 0 && $pp99 <= $GOAL_PAGE_P99 && ${timeouts:-0} == 0")"
done
echo "  portalens topp-minne (VmHWM): $portal_peak MB"
echo "  CPU från öppningen tills allt var levererat: portalen $cpu_portal s, PostgreSQL $cpu_pg s, SMTP-mottagaren $cpu_sink s;" \
  "lastgeneratorn (wrk m.m.) $cpu_gen s; maskinen upptagen $busy_pct % av $(nproc) kärnor"
echo
echo "Varje last för sig, efter morgonen (samma takt):"
echo "  nomineringar ensamma: $(wrk_result "$work/wrk-nominera-ensam.txt" accepted_per_s)/s, p50 $(wrk_result "$work/wrk-nominera-ensam.txt" p50_ms) ms," \
  "p99 $(wrk_result "$work/wrk-nominera-ensam.txt" p99_ms) ms"
for p in "${pages[@]}"; do
  read -r rps pp99 _ < <(wrk_figures "$work/wrk-${p%%:*}-ensam.txt")
  printf '  HR %-12s ensam: %s anrop/s, p50 %s ms, p99 %s ms\n' "${p%%:*}" "$rps" "$(wrk_p50 "$work/wrk-${p%%:*}-ensam.txt")" "$pp99"
done
echo "  CPU per nominering med dess bekräftelse: portalen $nom_portal_ms ms, PostgreSQL $nom_pg_ms ms, SMTP-mottagaren $nom_sink_ms ms" \
  "(sammanlagt $(awk -v c="$c_nom" 'BEGIN {printf "%.2f", 1000 * c}') ms)"
echo "  CPU per HR-sida (snitt av de fyra): $(awk -v c="$c_hr" 'BEGIN {printf "%.1f", 1000 * c}') ms;" \
  "per inbjudan (morgonen minus nomineringarna och sidorna): $(awk -v c="$c_inv" 'BEGIN {printf "%.2f", 1000 * c}') ms"
echo "  kärnor som målen kräver samtidigt (${GOAL_RATE} nomineringar/s, HR:s sidor, $N inbjudningar på $GOAL_MAIL_S s), helt belagda:" \
  "$cores_needed; maskinen har $(nproc), och lastgeneratorn delar dem"
echo
echo "Tom ASP.NET Core-app (dotnet new web), samma wrk-last: $bare_rps anrop/s, p99 $bare_p99 ms, topp-minne $bare_peak MB"
echo "  kvot nomineringar/bas: $(awk -v a="$rate" -v b="$bare_rps" 'BEGIN {printf "%.3f", a / b}'); minne portal/bas: $(awk -v a="$portal_peak" -v b="$bare_peak" 'BEGIN {printf "%.1f", a / b}')"
echo "  mål minne ≤ $GOAL_MEM_RATIO × bas: $(verdict "$portal_peak <= $GOAL_MEM_RATIO * $bare_peak")"
echo
echo "last efter: $(cut -d' ' -f1-3 /proc/loadavg)"
[ ! -s "$work/missade" ]
