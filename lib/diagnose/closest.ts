/** Known codes closest to an unknown one: nearest AH numbers, or the most similar names. */
export function closestCodes(value: string, known: string[], limit = 3): string[] {
  const ah = /^AH(\d{5})$/.exec(value);
  if (ah) {
    const n = Number(ah[1]);
    return known
      .filter((k) => /^AH\d{5}$/.test(k))
      .sort((a, b) => Math.abs(Number(a.slice(2)) - n) - Math.abs(Number(b.slice(2)) - n))
      .slice(0, limit);
  }
  const v = value.toLowerCase();
  // Same family first (curl (…), ERR_…, SSL_ERROR_…, hex codes), then anything similar.
  const family = known.filter((k) => k.toLowerCase().slice(0, 4) === v.slice(0, 4));
  return (family.length ? family : known)
    .map((k) => ({ k, d: distance(v, k.toLowerCase()) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, limit)
    .map((x) => x.k);
}

/** Levenshtein distance, capped at 64 characters a side so it stays cheap. */
export function distance(a: string, b: string): number {
  a = a.slice(0, 64);
  b = b.slice(0, 64);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
