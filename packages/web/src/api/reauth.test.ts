import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { reauthUrl } from './reauth.ts';

void describe('reauthUrl', () => {
  void it('comes back to the page, encoded', () => {
    assert.equal(reauthUrl('/min-side/velg?a=1'), '/auth/login?prompt=login&returnTo=%2Fmin-side%2Fvelg%3Fa%3D1');
  });
});

void describe("the contracts' constants entry the web imports", () => {
  void it('imports nothing, so the app bundles no zod through it', () => {
    const file = createRequire(import.meta.url).resolve('@helsebro/contracts/constants');
    const source = readFileSync(file, 'utf8');
    assert.doesNotMatch(source, /^(import\b|export\b[^;\n]*\bfrom\s*['"])/m);
    assert.match(source, /export const SERVICE_AREAS/);
  });
});
