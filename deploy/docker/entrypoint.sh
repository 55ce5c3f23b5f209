#!/bin/sh
# Starts one service of the hub: the first argument, else HUB_SERVICE. Further arguments go to the service
# (e.g. `--role worker`). exec: the service replaces the shell as PID 1, so it receives SIGTERM itself.
set -eu
service="${1:-${HUB_SERVICE:-}}"
[ "$#" -gt 0 ] && shift
case "$service" in
  gateway) exec node /app/gateway/dist/main.js "$@" ;;
  children|plans|reviews|notifications) exec node "/app/subgraphs/$service/dist/main.js" "$@" ;;
  *)
    echo "care-hub: name the service (gateway, children, plans, reviews, notifications) as the first argument or in HUB_SERVICE" >&2
    exit 64 ;;
esac
