import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const MODULES = fileURLToPath(new URL('../../src/modules', import.meta.url));
/** Past this a file is several use cases, or several scenarios, and is split (house style; issue 11). */
const MAX_LINES = 450;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      return files(p);
    }
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

void describe('module files', () => {
  it(`are at most ${MAX_LINES} lines, tests included`, () => {
    const all = files(MODULES);
    assert.ok(all.length > 100, `only ${all.length} files found under ${MODULES}`);
    const long = all
      .map((f) => ({ f: relative(MODULES, f), n: readFileSync(f, 'utf8').trimEnd().split('\n').length }))
      .filter(({ n }) => n > MAX_LINES)
      .map(({ f, n }) => `${f}: ${n} lines`);
    assert.deepEqual(long, []);
  });
});
