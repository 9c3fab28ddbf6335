import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nn } from './nn.ts';

/** Every text of a resource tree, with its key path. */
function texts(node: unknown, path = ''): Array<[string, string]> {
  if (typeof node === 'string') {
    return [[path, node]];
  }
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([k, v]) => texts(v, path ? `${path}.${k}` : k));
  }
  return [];
}

void describe('nynorsk texts', () => {
  void it('use the nynorsk present tense of å bruke ("du brukar"), not the bokmål "bruker"', () => {
    const bokmal = texts(nn).filter(([, text]) => /\bbruker\b/i.test(text));
    assert.deepEqual(bokmal, []);
    assert.ok(texts(nn).some(([, text]) => /Du brukar Helsebro for/.test(text)));
  });
});
