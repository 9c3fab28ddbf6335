import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { causeOf } from './job-cause.ts';

void describe('causeOf', () => {
  void it('names the cause of the errors our handlers store', () => {
    const cases: Array<[string | null, string]> = [
      ['RetryLater: Message m-1: no transport endpoint for the receiver in the address register', 'no_endpoint'],
      ['RetryLater: Message m-1: no outgoing credential held for the partner of 8140', 'no_credential'],
      ['RetryLater: Message m-1: network error', 'unreachable'],
      ['Error: connect ECONNREFUSED 127.0.0.1:2525', 'unreachable'],
      ['PermanentJobFailure: Message m-1: the partner answered 401', 'refused_access'],
      ['PermanentJobFailure: Message m-1: the partner answered 403', 'refused_access'],
      ['PermanentJobFailure: Message m-1: the partner answered 400', 'refused_message'],
      ['RetryLater: Message m-1: the partner answered 503', 'receiver_error'],
      ['Error: the SMS gateway answered 500', 'receiver_error'],
      ['Error: no SMTP_URL configured', 'not_configured'],
      ['Error: The worker stopped during the last attempt (its lease ran out)', 'interrupted'],
      ['Error: Outgoing message 7 not found', 'missing_data'],
      ['TypeError: something else', 'other'],
      [null, 'other'],
    ];
    for (const [error, cause] of cases) {
      assert.equal(causeOf(error), cause, String(error));
    }
  });
});
