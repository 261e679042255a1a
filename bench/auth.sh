# Sourced by the HTTP benchmarks: a free port, waiting for a started server, signing in and checking
# credentials.
# Needs curl and python3. Nothing here prints a password; the token is printed only to stdout of
# gw_bench_token, for the caller to capture.

# gw_bench_token BASE_URL USER PASSWORD TOKEN_NAME: signs in (POST /api/auth/login, cookie jar in a
# temporary file), creates an API token (POST /api/auth/tokens) and prints its "secret" (gw_...).
# Fails with a message on stderr when sign-in or token creation does not answer 200/201.
gw_bench_token() {
    local base=$1 user=$2 pass=$3 name=$4 jar code resp token
    jar=$(mktemp)
    code=$(GW_U="$user" GW_P="$pass" python3 -c \
            'import json, os; print(json.dumps({"username": os.environ["GW_U"], "password": os.environ["GW_P"]}))' \
        | curl -s -o /dev/null -w '%{http_code}' -m 30 -c "$jar" -H 'Content-Type: application/json' \
            --data-binary @- "$base/api/auth/login") || code="curl failed"
    if [ "$code" != 200 ]; then
        rm -f "$jar"
        printf 'auth: sign-in as %s at %s failed: HTTP %s\n' "$user" "$base" "$code" >&2
        return 1
    fi
    resp=$(curl -s -m 30 -b "$jar" -H 'Content-Type: application/json' -w '\n%{http_code}' \
        -d "{\"name\": \"$name\"}" "$base/api/auth/tokens") || resp=$'\ncurl failed'
    rm -f "$jar"
    code=${resp##*$'\n'}
    if [ "$code" != 201 ]; then
        printf 'auth: creating an API token as %s failed: HTTP %s %s\n' "$user" "$code" "${resp%$'\n'*}" >&2
        return 1
    fi
    token=$(printf '%s' "${resp%$'\n'*}" | python3 -c 'import json, sys; print(json.load(sys.stdin)["secret"])') || token=""
    if [[ "$token" != gw_* ]]; then
        printf 'auth: the token answer has no gw_ secret\n' >&2
        return 1
    fi
    printf '%s\n' "$token"
}

# gw_bench_check_auth URL TOKEN: URL must answer 401 without credentials and 200 with the bearer
# token, so that the benchmark really measures authenticated requests. Prints the two codes.
gw_bench_check_auth() {
    local url=$1 token=$2 anon with
    anon=$(curl -s -o /dev/null -w '%{http_code}' -m 30 "$url") || anon="curl failed"
    with=$(curl -s -o /dev/null -w '%{http_code}' -m 30 -H "Authorization: Bearer $token" "$url") || with="curl failed"
    if [ "$anon" != 401 ] || [ "$with" != 200 ]; then
        printf 'auth: %s answered %s without credentials (want 401) and %s with the token (want 200)\n' \
            "$url" "$anon" "$with" >&2
        return 1
    fi
    printf 'auth check: %s -> 401 anonymous, 200 with the token\n' "${url#http://*/}" >&2
}

# gw_free_port: prints a free TCP port on 127.0.0.1.
gw_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# gw_bench_wait_healthy PORT PID LOG: waits up to 120 s for http://127.0.0.1:PORT/health to answer
# 2xx. Fails (tail of LOG on stderr) when the process PID exits first or the time runs out.
gw_bench_wait_healthy() {
    local port=$1 pid=$2 log=$3
    for _ in $(seq 1 240); do
        curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return 0
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -30 "$log" >&2
            printf 'the server exited before answering /health (log: %s)\n' "$log" >&2
            return 1
        fi
        sleep 0.5
    done
    printf 'the server did not answer /health within 120 s (log: %s)\n' "$log" >&2
    return 1
}
