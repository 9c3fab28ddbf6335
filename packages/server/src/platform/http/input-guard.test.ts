import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../errors.ts';
import { refuseUnstorableText } from './input-guard.ts';

const refusedAt = (value: unknown, path: string) =>
  assert.throws(
    () => refuseUnstorableText(value, 'body'),
    (err: unknown) => {
      assert.ok(err instanceof ValidationError);
      assert.equal(err.status, 400);
      assert.equal(err.code, 'invalid_character');
      assert.equal(err.fieldErrors[0]?.path, path);
      return true;
    },
  );

describe('text PostgreSQL cannot store is refused at the edge', () => {
  it('lets through any well-formed text: emoji (surrogate pairs), direction marks, other controls', () => {
    refuseUnstorableText({ a: '👩‍⚕️ \u202Eabc \u0007', b: ['😀', { c: 'é' }], n: 1, z: null }, 'body');
    refuseUnstorableText(Buffer.from([0]), 'body');
  });

  it('refuses a NUL anywhere: a nested value, an array item, a key', () => {
    refusedAt({ a: { b: 'x\u0000' } }, 'body.a.b');
    refusedAt({ list: ['ok', '\u0000'] }, 'body.list.1');
    refusedAt({ ['k\u0000']: 'v' }, 'body');
    refusedAt('\u0000', 'body');
  });

  it('refuses a lone surrogate, high or low, which jsonb cannot hold', () => {
    refusedAt({ label: '\uDFFF' }, 'body.label');
    refusedAt({ label: 'a\uD83D' }, 'body.label');
    refusedAt({ label: '\uD83Da' }, 'body.label');
  });
});
