#!/usr/bin/env bash
# Regenerates ecdsa-openssl.json: ECDSA signatures made by OpenSSL (an implementation independent of ours) with
# throwaway keys, converted from DER Ecdsa-Sig-Value to the draft's fixed-length r and s (PROFILE §3).
# Usage: ./make-ecdsa-openssl-vectors.sh > ecdsa-openssl.json   (needs openssl 3 and python3)
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'aSSURE signing input \x00\x01\xff' > "$work/msg"
first=1
echo '['
for curve in P-256:prime256v1:32 P-384:secp384r1:48 P-521:secp521r1:66; do
  IFS=: read -r label name len <<< "$curve"
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:"$name" -out "$work/key.pem" 2>/dev/null
  spki=$(openssl pkey -in "$work/key.pem" -pubout -outform DER | xxd -p | tr -d '\n')
  for digest in sha256 sha384 sha512; do
    openssl dgst -"$digest" -sign "$work/key.pem" -out "$work/sig.der" "$work/msg"
    rs=$(python3 - "$work/sig.der" "$len" <<'PY'
import sys
der = open(sys.argv[1], 'rb').read()
n = int(sys.argv[2])
def length(b, i):
    if b[i] < 0x80:
        return b[i], i + 1
    k = b[i] & 0x7f
    return int.from_bytes(b[i + 1:i + 1 + k], 'big'), i + 1 + k
assert der[0] == 0x30
_, i = length(der, 1)
out = []
for _ in range(2):
    assert der[i] == 0x02
    l, i = length(der, i + 1)
    out.append(int.from_bytes(der[i:i + l], 'big').to_bytes(n, 'big').hex())
    i += l
print(out[0], out[1])
PY
)
    read -r r s <<< "$rs"
    [ $first -eq 1 ] || echo ','
    first=0
    printf '  {"curve": "%s", "format": "ECDSA_%s", "spki": "%s", "message": "%s", "r": "%s", "s": "%s", "source": "openssl dgst -%s -sign"}' \
      "$label" "$(echo "$digest" | tr a-z A-Z)" "$spki" "$(xxd -p "$work/msg" | tr -d '\n')" "$r" "$s" "$digest"
  done
done
echo
echo ']'
