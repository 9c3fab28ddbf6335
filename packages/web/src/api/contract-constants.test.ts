import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ACTION_AREA,
  DIALOG_LIMITS as CONTRACT_DIALOG_LIMITS,
  EMERGENCY_REASON_MIN_LENGTH,
  REAUTH_LOGIN_PATH,
  SERVICE_AREAS,
} from '@helsebro/contracts';
import { AREA_OF, AREAS, DIALOG_LIMITS, REASON_MIN_LENGTH, reauthUrl } from './contract-constants.ts';

void describe("the web's copies of the contracts' constants", () => {
  void it('equal the contracts', () => {
    assert.deepEqual(AREAS, SERVICE_AREAS);
    assert.deepEqual(AREA_OF, ACTION_AREA);
    assert.equal(REASON_MIN_LENGTH, EMERGENCY_REASON_MIN_LENGTH);
    assert.deepEqual(DIALOG_LIMITS, CONTRACT_DIALOG_LIMITS);
    assert.ok(reauthUrl('/x').startsWith(`${REAUTH_LOGIN_PATH}&`));
  });
});

void describe('reauthUrl', () => {
  void it('comes back to the page, encoded', () => {
    assert.equal(reauthUrl('/min-side/velg?a=1'), '/auth/login?prompt=login&returnTo=%2Fmin-side%2Fvelg%3Fa%3D1');
  });
});
