#!/usr/bin/env bash
# The GitHub Action (action.yml): writes the report file, then lints again for the annotations and
# the step's result. Inputs come as INPUT_* variables; GITHUB_ACTION_PATH is the action's checkout.
set -euo pipefail

# The CLI of the action's own version: its build when the checkout has one, else from npm.
if [ -f "$GITHUB_ACTION_PATH/dist/cli.js" ]; then
  cli=(node "$GITHUB_ACTION_PATH/dist/cli.js")
else
  version=$(node -p 'require(process.argv[1]).version' "$GITHUB_ACTION_PATH/package.json")
  cli=(npx --yes "secpolicy@$version")
fi

read -r -d '' -a paths <<<"${INPUT_PATHS:-.}" || true
[ ${#paths[@]} -gt 0 ] || paths=(.)
config=()
[ -z "${INPUT_CONFIG:-}" ] || config=(--config "$INPUT_CONFIG")

if [ -n "${INPUT_OUTPUT:-}" ]; then
  # Findings are the second run's business; only a run that could not finish (2) stops here.
  status=0
  "${cli[@]}" "${config[@]}" --format "${INPUT_FORMAT:-sarif}" --output "$INPUT_OUTPUT" -- "${paths[@]}" >/dev/null || status=$?
  if [ "$status" -eq 2 ]; then exit 2; fi
  if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "report=$INPUT_OUTPUT" >>"$GITHUB_OUTPUT"; fi
fi

gate=(--fail-on "${INPUT_FAIL_ON:-error}")
[ -z "${INPUT_MAX_WARNINGS:-}" ] || gate+=(--max-warnings "$INPUT_MAX_WARNINGS")
format=stylish
[ "${INPUT_ANNOTATIONS:-true}" != true ] || format=github
exec "${cli[@]}" "${config[@]}" "${gate[@]}" --format "$format" -- "${paths[@]}"
