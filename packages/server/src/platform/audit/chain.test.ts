import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalEntry, canonicalJson, chainHash, type ChainEntry } from './chain.ts';

const entry: ChainEntry = {
  id: '42',
  occurredAt: '2026-03-01T12:34:56.123456Z',
  requestId: 'req-1',
  actorKind: 'personnel',
  actorId: '5f0c8d0e-8d1a-4c1e-9d55-0b7b3c1f2a10',
  actingForPersonId: null,
  subjectPersonId: '0b3f2c4e-1111-4a2b-8c3d-222233334444',
  municipalityId: null,
  action: 'profile.read',
  resourceType: 'person',
  resourceId: null,
  purpose: 'health_care',
  emergency: false,
  outcome: 'success',
  details: '{"z": 1, "a": {"y": [2, 1], "b": null}}',
};

void describe('audit chain serialisation', () => {
  void it('sorts object keys at every depth and keeps array order', () => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: [3, { y: 1, x: 2 }], c: null } }),
      '{"a":{"c":null,"d":[3,{"x":2,"y":1}]},"b":1}',
    );
  });

  void it('writes every content column, nulls included, and leaves the seal out', () => {
    const text = canonicalEntry(entry);
    assert.match(text, /"municipality_id":null/);
    assert.match(text, /"details":\{"a":\{"b":null,"y":\[2,1\]\},"z":1\}/);
    assert.match(text, /"id":"42"/);
    assert.doesNotMatch(text, /seq|prev_hash/);
  });

  void it('gives the same hash for the same entry, whatever the order of the detail keys', () => {
    const reordered = { ...entry, details: '{"a": {"b": null, "y": [2, 1]}, "z": 1}' };
    assert.equal(chainHash('k'.repeat(32), 'genesis', entry), chainHash('k'.repeat(32), 'genesis', reordered));
  });

  void it('changes the hash when any content, the previous hash or the key changes', () => {
    const key = 'k'.repeat(32);
    const base = chainHash(key, 'genesis', entry);
    assert.match(base, /^[0-9a-f]{64}$/);
    assert.notEqual(chainHash(key, 'genesis', { ...entry, outcome: 'denied' }), base);
    assert.notEqual(chainHash(key, 'genesis', { ...entry, occurredAt: '2026-03-01T12:34:56.123457Z' }), base);
    assert.notEqual(chainHash(key, 'x', entry), base);
    assert.notEqual(chainHash('j'.repeat(32), 'genesis', entry), base);
  });
});
