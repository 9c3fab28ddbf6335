import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REPRESENTED_ACTIONS } from '@helsebro/contracts';
import { actionsInArea, may } from './rights.ts';

void describe('actionsInArea', () => {
  void it('says when a representation holds only part of an area', () => {
    assert.deepEqual(actionsInArea(['appointments.read', 'profile.read'], 'digitale_helsetjenester'), {
      granted: ['appointments.read'],
      complete: false,
    });
    assert.equal(actionsInArea(REPRESENTED_ACTIONS, 'innsyn').complete, true);
    assert.deepEqual(actionsInArea([], 'brev_og_skjema'), { granted: [], complete: false });
  });
});

void describe('may', () => {
  const acting = { personId: 'p', displayName: 'Per Hansen', serviceAreas: [], actions: [] };
  void it('allows everything for yourself and only the listed actions for others', () => {
    assert.equal(may({ ...acting, basis: 'self' }, 'profile.read'), true);
    assert.equal(may({ ...acting, basis: 'fullmakt', actions: ['messages.read'] }, 'profile.read'), false);
    assert.equal(may({ ...acting, basis: 'fullmakt', actions: ['messages.read'] }, 'messages.read'), true);
  });
});
