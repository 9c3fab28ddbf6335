import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { i18nKey } from './paths.ts';

void describe('i18nKey', () => {
  void it('makes the server’s section keys usable as translation keys', () => {
    assert.equal(i18nKey('event.3'), 'event_3');
    assert.equal(i18nKey('contactUnit'), 'contactUnit');
  });
});
