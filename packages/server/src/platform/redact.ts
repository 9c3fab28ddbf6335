/**
 * Masks anything shaped like a Norwegian national identity number (11 digits: fødselsnummer, D-number,
 * synthetic number) so it never reaches a log line. Longer digit runs (ids, timestamps) are left alone.
 */
const NIN = /(?<!\d)\d{6}[\s.-]?\d{5}(?!\d)/g;

export function redactNin(text: string): string {
  return text.replace(NIN, '***********');
}

/** Deep copy with every string masked; depth-limited so a cyclic or huge object cannot stall logging. */
export function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    return redactNin(value);
  }
  if (depth > 6 || value === null || typeof value !== 'object') {
    return value;
  }
  if (value instanceof Error) {
    const copy = new Error(redactNin(value.message));
    copy.name = value.name;
    copy.stack = value.stack ? redactNin(value.stack) : undefined;
    return copy;
  }
  if (Array.isArray(value)) {
    return value.slice(0, 100).map((v) => redactDeep(v, depth + 1));
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = redactDeep(v, depth + 1);
  }
  return out;
}
