import fc from 'fast-check';

/**
 * Hostile leaf values for the fuzz suite: what a careless or malicious client sends where the contract expects
 * something else. Each list names the class of input it stands for, so a failure report reads as a category.
 */

/** Calendar dates that are well-formed `YYYY-MM-DD` but impossible or out of any sane range. */
export const IMPOSSIBLE_DATES = [
  '0000-00-00',
  '2026-02-30',
  '2026-02-29',
  '2026-13-01',
  '2026-00-10',
  '2026-04-31',
  '9999-12-31',
  '1899-01-01',
  '1000-01-01',
  '0001-01-01',
  '2201-01-01',
  '2026-1-1',
  '2026-01-01T00:00:00Z',
  '+02026-01-01',
  '２０２６-０１-０１',
];

/** Instants: impossible calendar parts, no offset, out of range, or beyond what a JS Date can hold. */
export const IMPOSSIBLE_INSTANTS = [
  '0000-00-00T00:00:00Z',
  '2026-02-30T10:00:00+01:00',
  '2026-13-01T10:00:00Z',
  '2026-01-01T24:00:00Z',
  '2026-01-01T23:60:00Z',
  '2026-01-01T10:00:00',
  '2026-01-01T10:00:00+25:00',
  '9999-12-31T23:59:59Z',
  '1899-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '2026-01-01',
  '2026-03-29T02:30:00+01:00',
];

/** Text that breaks naive handling: direction overrides, NUL and other controls, lone surrogates, emoji. */
export const NASTY_TEXT = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u202Egnp.exe',
  '\u2066\u2067\u2068\u2069',
  '\uD800',
  '\uDFFF',
  'x\uD83D',
  '\uFEFF',
  '\u200B\u200D',
  '👩‍⚕️🏥',
  'é'.normalize('NFD'),
  'Z̷̢̛̛a̸l̶g̵o̴',
  '\r\n\r\nX-Injected: 1',
  "' OR 1=1 --",
  '"; DROP TABLE persons; --',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00',
  '%',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '99999999999999999999999',
  'true',
  '[]',
  '{}',
];

/** Numbers at and past every boundary a route might have. */
export const EDGE_NUMBERS = [
  0,
  -0,
  -1,
  1,
  0.5,
  -0.000001,
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31),
  2 ** 53,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
];

/**
 * Builds an arbitrary once, on first use: the schema-shaped generators ask for these at every node, and building
 * fast-check arbitraries again each time cost seconds for a large schema (the PLO send request).
 */
export function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

/** A long string of one character class, around the sizes limits are usually set at. */
export const hugeString = once((): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom('a', 'é', '😀', '\u202E', '0', ' ', '\u0000'),
      // The largest now and then: parsing it is what costs, in every layer.
      fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(121, 201, 301, 1_001, 10_001) },
        { weight: 1, arbitrary: fc.constant(100_001) },
      ),
    )
    .map(([c, n]) => c.repeat(n)),
);

/** Any string, including lone surrogates and every plane (fast-check's binary units). */
export const anyString = once((): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.string({ maxLength: 30 }),
  ),
);

/** One hostile string from any class above. */
export const hostileString = once((): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_TEXT) },
    { weight: 2, arbitrary: fc.constantFrom(...IMPOSSIBLE_DATES, ...IMPOSSIBLE_INSTANTS) },
    { weight: 2, arbitrary: anyString() },
    { weight: 1, arbitrary: hugeString() },
    { weight: 1, arbitrary: fc.uuid() },
  ),
);

/** A hostile value of any JSON type: wrong types, nulls, arrays where objects go, odd keys, deep nesting. */
export const hostileValue = once((): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: hostileString() },
    { weight: 2, arbitrary: fc.constantFrom(...EDGE_NUMBERS) },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.array(fc.oneof(hostileString(), fc.integer(), fc.constant(null)), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.constant([]) },
    { weight: 1, arbitrary: fc.constant({}) },
    {
      weight: 1,
      arbitrary: fc.dictionary(fc.oneof(fc.constantFrom(...NASTY_TEXT), fc.string()), hostileString(), {
        maxKeys: 4,
      }),
    },
    { weight: 1, arbitrary: fc.integer({ min: 20, max: 2000 }).map(deeplyNested) },
  ),
);

function deeplyNested(depth: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) {
    v = i % 2 === 0 ? [v] : { a: v };
  }
  return v;
}
