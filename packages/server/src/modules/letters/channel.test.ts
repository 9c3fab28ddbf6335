import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KrrPerson } from '../notifications/index.ts';
import { decideChannel, type ReaderFacts } from './channel.ts';

const NOW = new Date('2026-12-05T12:00:00Z');
const active = (over: Partial<KrrPerson> = {}): KrrPerson => ({
  personidentifikator: '01018012345',
  reservasjon: 'NEI',
  status: 'AKTIV',
  varslingsstatus: 'KAN_VARSLES',
  kontaktinformasjon: {
    epostadresse: 'a@example.com',
    epostadresse_oppdatert: '2026-11-01T00:00:00Z',
    mobiltelefonnummer: '+4791000000',
    mobiltelefonnummer_oppdatert: '2026-11-01T00:00:00Z',
  },
  ...over,
});
const reader = (over: Partial<ReaderFacts> = {}): ReaderFacts => ({
  personId: 'p',
  basis: 'self',
  krr: active(),
  usedPortal: true,
  preferred: 'sms',
  ...over,
});
const decide = (...readers: ReaderFacts[]) => decideChannel({ deceased: false, readers, now: NOW });

/** The channel rules as a pure function (integrations.md §1.5, §2.2); the routes test them against the stand-in. */
void describe('letters: the channel decision', () => {
  void it('portal with a notice on the preferred valid channel', () => {
    const d = decide(reader({ preferred: 'email' }));
    assert.deepEqual(
      [d.channel, d.reason, d.notices],
      ['portal', 'portal_active', [{ personId: 'p', channel: 'email' }]],
    );
  });

  void it('the 18-month boundary: 18 months and a day ago is expired, 17 months is not', () => {
    const contact = (updated: string) =>
      reader({
        krr: active({
          kontaktinformasjon: { epostadresse: 'a@example.com', epostadresse_oppdatert: updated },
        }),
      });
    assert.equal(decide(contact('2025-06-04T12:00:00Z')).reason, 'krr_contact_expired');
    assert.equal(decide(contact('2025-06-05T12:00:00Z')).reason, 'portal_active');
    assert.equal(decide(contact('2025-07-05T12:00:00Z')).notices[0]?.channel, 'email', 'the only valid channel');
  });

  void it('print, with the strongest reason of the readers', () => {
    assert.equal(decide(reader({ krr: active({ reservasjon: 'JA' }), usedPortal: false })).reason, 'krr_reserved');
    assert.equal(decide(reader({ krr: undefined })).reason, 'krr_not_registered');
    assert.equal(decide(reader({ krr: active({ status: 'SLETTET' }) })).reason, 'krr_not_registered');
    assert.equal(decide(reader({ krr: active({ varslingsstatus: 'KAN_IKKE_VARSLES' }) })).reason, 'krr_cannot_notify');
    assert.equal(decide(reader({ usedPortal: false })).reason, 'portal_never_used');
    assert.equal(
      decide(
        reader({ usedPortal: false }),
        reader({ personId: 'q', basis: 'parent', krr: active({ reservasjon: 'JA' }) }),
      ).reason,
      'krr_reserved',
    );
    assert.equal(decideChannel({ deceased: true, readers: [reader()], now: NOW }).reason, 'deceased');
    assert.equal(decideChannel({ deceased: false, readers: [], now: NOW }).reason, 'no_reader');
  });

  void it('any one reader on Helsebro is enough, and only those readers are notified', () => {
    const d = decide(reader({ usedPortal: false }), reader({ personId: 'mother', basis: 'parent' }));
    assert.equal(d.channel, 'portal');
    assert.deepEqual(d.notices, [{ personId: 'mother', channel: 'sms' }]);
  });
});
