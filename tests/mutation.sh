#!/usr/bin/env bash
# Mutation testing (Stryker.NET) of the code that guards data and trust; see docs/TESTING.md.
#   tests/mutation.sh [TestProject ...]
# e.g. tests/mutation.sh                          every project listed in $projects below
#      tests/mutation.sh AccountBot.Slack.Tests   one project
# Each project's tests/<TestProject>/stryker-config.json names the files it mutates. Reports go to
# artifacts/mutation/<TestProject>/reports/ (mutation-report.json/.md); the end prints a score per file
# and how long each project took. Not part of `dotnet test`: it runs a project's covering tests once per
# mutant, each in a fresh test host. On the shared 2-core machine (3 Dec 2026) Slack took 18 min, Core 28 min
# and LiteDB 18 min, about an hour in all. Needs only the .NET SDK and what every Debian has (bash, grep, awk);
# `dotnet tool restore` installs Stryker from .config/dotnet-tools.json.
set -euo pipefail

# Projects run by default: every project with a stryker-config.json, so that one command runs it all. Rounds 2 to 5
# (3 Dec 2026) ran AccountBot.Teams.Tests, AccountBot.Host.Tests and single files of the others with `dotnet stryker`
# directly, each narrowed with --mutate and --test-case-filter (docs/TESTING.md lists those commands): unnarrowed,
# the Teams and host projects start a test host per mutant and take hours on the shared machine. The PostgreSQL
# project starts a throw-away cluster once per test run.
projects=(AccountBot.Slack.Tests AccountBot.Core.Tests AccountBot.Storage.LiteDb.Tests AccountBot.Teams.Tests AccountBot.Host.Tests AccountBot.Storage.Postgres.Tests)
if [[ $# -gt 0 ]]; then
  projects=("$@")
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/artifacts/mutation"

cd "$root"
dotnet tool restore >/dev/null

declare -A seconds
status=0
for project in "${projects[@]}"; do
  dir="$root/tests/$project"
  [[ -f "$dir/stryker-config.json" ]] || { echo "no $dir/stryker-config.json" >&2; exit 66; }
  rm -rf "${out:?}/$project"
  started=$(date +%s)
  echo "== $project"
  # --skip-version-check: the run needs nothing from the network once the tool is restored.
  (cd "$dir" && dotnet stryker --skip-version-check --output "$out/$project") || status=$?
  seconds[$project]=$(( $(date +%s) - started ))
done

# Per file, as Stryker scores it: killed + timeout count as detected, survived + no coverage as missed;
# compile errors and ignored mutants are not tested, and files of the project outside `mutate` are left out.
echo
printf '%-66s %7s %7s %7s %7s %7s\n' "file" "tested" "killed" "surviv" "nocov" "score"
for project in "${projects[@]}"; do
  report="$out/$project/reports/mutation-report.json"
  if [[ ! -f "$report" ]]; then
    echo "$project: no report (see the run above)"
    continue
  fi
  # The report's file paths and statuses never hold a quote, and the quotes inside a file's source text are
  # escaped, so the unescaped `"<path>":{"language":` and `"status":"…"` tokens, in order, are all this needs.
  grep -oE '"[^"\\]*":\{"language":|"status":"[A-Za-z]+"' "$report" |
    awk -v root="$root/" '
      /"language":$/ {
        file = substr($0, 2, index($0, "\":{") - 2)
        if (index(file, root) == 1) file = substr(file, length(root) + 1)
        order[++n] = file
        next
      }
      {
        status = substr($0, 11, length($0) - 11)
        if (status == "Killed" || status == "Timeout") killed[file]++
        else if (status == "Survived") survived[file]++
        else if (status == "NoCoverage") nocov[file]++
      }
      END {
        for (i = 1; i <= n; i++) {
          f = order[i]
          tested = killed[f] + survived[f] + nocov[f]
          if (tested == 0) continue
          printf "%-66s %7d %7d %7d %7d %5.1f %%\n", f, tested, killed[f], survived[f], nocov[f], 100 * killed[f] / tested
        }
      }'
done
echo
for project in "${projects[@]}"; do
  printf '%s: %dm%02ds\n' "$project" $(( seconds[$project] / 60 )) $(( seconds[$project] % 60 ))
done
exit "$status"
