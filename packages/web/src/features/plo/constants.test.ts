import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PLO_CONSOLE_LIMITS, ploInboxStates, ploMessageTypes, ploOutgoingStatuses } from '@helsebro/contracts';
import { INBOX_STATES, OUTGOING_STATUSES, PLO_LIMITS, PLO_TYPES } from './constants.ts';
import { i18nKey } from './paths.ts';

void describe("the message console's copies of the contracts' constants", () => {
  void it('equal the contracts', () => {
    assert.deepEqual(PLO_TYPES, ploMessageTypes);
    assert.deepEqual(INBOX_STATES, ploInboxStates);
    assert.deepEqual(OUTGOING_STATUSES, ploOutgoingStatuses);
    assert.deepEqual(PLO_LIMITS, PLO_CONSOLE_LIMITS);
  });

  void it('makes the server’s section keys usable as translation keys', () => {
    assert.equal(i18nKey('event.3'), 'event_3');
    assert.equal(i18nKey('contactUnit'), 'contactUnit');
  });
});
