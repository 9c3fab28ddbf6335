import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CitizenLettersResponse, ProblemResponse } from '@helsebro/contracts';
import { makeFullmakt, makeParentalResponsibility } from '../../../test/factories.ts';
import type { LoggedIn } from '../../../test/login.ts';
import type { TestApp } from '../../../test/test-app.ts';
import { PDF, makeLettersWorld, startLettersApp } from './testing/letters-world.ts';

/**
 * The citizen's letters (issue 13, B1): the list with the unread marked, opening the PDF marks it read with who
 * opened it, audited with the citizen as subject; a parent of a child under 12 and a proxy with «Brev, skjemaer og
 * verktøy» read them, others get 403 `service_area_not_granted`; another citizen's letter is not found.
 */
void describe('letters: the citizen reads, and whoever may read for them', () => {
  let t: TestApp;
  let close: () => Promise<void>;
  before(async () => {
    ({ t, close } = await startLettersApp());
  });
  after(async () => close());

  const actFor = async (who: LoggedIn, personId: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/representation/acting-for',
      headers: who.headers,
      payload: { personId },
    });
    assert.equal(res.statusCode, 200, res.body);
  };
  const readState = async (id: string) =>
    (
      await t.database.query<{ read_at: Date | null; read_by_person_id: string | null }>(
        'SELECT read_at, read_by_person_id FROM letters WHERE id = $1',
        [id],
      )
    )[0]!;

  void it('lists the letters newest first with the unread counted; opening gives the PDF and marks it read, once', async () => {
    const w = await makeLettersWorld(t);
    const per = await w.citizen(80);
    const login = await w.login(per);
    const first = await w.sent(per, { title: 'Innkalling til kartleggingssamtale', importance: 'ordinary' });
    const second = await w.sent(per, { title: 'Vedtak om praktisk bistand' });

    const list = await w.get('/api/letters', login);
    assert.equal(list.statusCode, 200, list.body);
    const body = list.json<CitizenLettersResponse>();
    assert.deepEqual(
      body.letters.map((l) => [l.title, l.importance, l.readAt]),
      [
        ['Vedtak om praktisk bistand', 'important', null],
        ['Innkalling til kartleggingssamtale', 'ordinary', null],
      ],
    );
    assert.deepEqual([body.total, body.unread, body.page], [2, 2, 1]);
    assert.equal(body.letters[0]?.sender.unitName, 'Hjemmesykepleien');

    const pdf = await w.get(`/api/letters/${second.id}/document`, login);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.match(String(pdf.headers['content-disposition']), /^attachment; filename="vedtak\.pdf"/);
    assert.ok(pdf.rawPayload.equals(PDF), 'the bytes sent');
    const read = await readState(second.id);
    assert.equal(read.read_by_person_id, per.id);
    assert.ok(read.read_at);
    await w.get(`/api/letters/${second.id}/document`, login);
    assert.equal((await readState(second.id)).read_at?.getTime(), read.read_at.getTime(), 'the first open counts');
    assert.equal((await readState(first.id)).read_at, null);
    const after = (await w.get('/api/letters', login)).json<CitizenLettersResponse>();
    assert.equal(after.unread, 1);
    assert.ok(after.letters[0]?.readAt);

    const opens = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'letter.open' AND subject_person_id = $1
        AND resource_id = $2 AND outcome = 'success' AND actor_id = $3`,
      [per.id, second.id, per.id],
    );
    assert.equal(opens[0]?.n, 2, 'every open is audited');
  });

  void it("another citizen's letter is not found, and nothing is marked read", async () => {
    const w = await makeLettersWorld(t);
    const per = await w.citizen(80);
    const other = await w.citizen(70);
    const letter = await w.sent(per);
    const res = await w.get(`/api/letters/${letter.id}/document`, await w.login(other));
    assert.equal(res.statusCode, 404);
    assert.equal(res.json<ProblemResponse>().code, 'letter_not_found');
    assert.equal((await readState(letter.id)).read_at, null);
    assert.equal((await w.get('/api/letters', await w.login(other))).json<CitizenLettersResponse>().total, 0);
  });

  void it('a parent reads the letters of a child under 12, not of a 13-year-old', async () => {
    const w = await makeLettersWorld(t);
    const mother = await w.citizen(40, { care: false });
    const child = await w.citizen(9, { home: mother });
    const teen = await w.citizen(13, { home: mother });
    await makeParentalResponsibility(t.app.platform.db, child.id, mother.id);
    await makeParentalResponsibility(t.app.platform.db, teen.id, mother.id);
    const childLetter = await w.sent(child, { title: 'Innkalling til helsestasjonen' });
    await w.sent(teen, { title: 'Svar fra skolehelsetjenesten' });

    const login = await w.login(mother);
    await actFor(login, child.id);
    const list = (await w.get('/api/letters', login)).json<CitizenLettersResponse>();
    assert.deepEqual(
      list.letters.map((l) => l.title),
      ['Innkalling til helsestasjonen'],
    );
    assert.equal((await w.get(`/api/letters/${childLetter.id}/document`, login)).statusCode, 200);
    assert.equal((await readState(childLetter.id)).read_by_person_id, mother.id, 'opened by the parent');
    const [audit] = await t.database.query<{ actor_id: string; acting_for_person_id: string }>(
      `SELECT actor_id, acting_for_person_id FROM audit_log WHERE action = 'letter.open' AND resource_id = $1`,
      [childLetter.id],
    );
    assert.deepEqual(audit, { actor_id: mother.id, acting_for_person_id: child.id });

    await actFor(login, teen.id);
    const refused = await w.get('/api/letters', login);
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json<ProblemResponse>().code, 'service_area_not_granted');
  });

  void it('a proxy reads with the letters area of the fullmakt; without it, 403 service_area_not_granted', async () => {
    const w = await makeLettersWorld(t);
    const per = await w.citizen(85);
    const letter = await w.sent(per);
    const anne = await w.citizen(55, { care: false });
    const lars = await w.citizen(56, { care: false });
    await makeFullmakt(t.app.platform.db, per.id, anne.id, { serviceAreas: ['brev_og_skjema'] });
    await makeFullmakt(t.app.platform.db, per.id, lars.id, { serviceAreas: ['digitale_helsetjenester', 'innsyn'] });

    const anneLogin = await w.login(anne);
    await actFor(anneLogin, per.id);
    const list = (await w.get('/api/letters', anneLogin)).json<CitizenLettersResponse>();
    assert.deepEqual(
      list.letters.map((l) => l.id),
      [letter.id],
    );
    assert.equal((await w.get(`/api/letters/${letter.id}/document`, anneLogin)).statusCode, 200);
    assert.equal((await readState(letter.id)).read_by_person_id, anne.id);

    const larsLogin = await w.login(lars);
    await actFor(larsLogin, per.id);
    for (const url of ['/api/letters', `/api/letters/${letter.id}/document`]) {
      const res = await w.get(url, larsLogin);
      assert.equal(res.statusCode, 403, url);
      assert.equal(res.json<ProblemResponse>().code, 'service_area_not_granted');
      assert.match(res.json<ProblemResponse>().detail ?? '', /Brev, skjemaer og verktøy/);
    }
    const denied = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'letter.open' AND outcome = 'success' AND actor_id = $1`,
      [lars.id],
    );
    assert.equal(denied[0]?.n, 0);
  });
});
