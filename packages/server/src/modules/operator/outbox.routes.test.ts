import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import type { JobItem, JobsResponse } from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { loginAs, type LoggedIn } from '../../../test/login.ts';
import { makeMunicipality, makeOperator, makePerson } from '../../../test/factories.ts';
import { auditLog, jobs } from '../../platform/db/schema.ts';
import { enqueue } from '../../platform/jobs/outbox.ts';

void describe('/api/operator/jobs', () => {
  let t: TestApp;
  let operator: LoggedIn;
  let citizen: LoggedIn;
  let deadId: number;
  let readyId: number;
  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    operator = await loginAs(t.app, { kind: 'operator', operatorId: (await makeOperator(db)).id });
    const municipality = await makeMunicipality(db);
    citizen = await loginAs(t.app, {
      kind: 'citizen',
      personId: (await makePerson(db, { municipalityId: municipality.id })).id,
    });
    readyId = await enqueue(db, { kind: 'test.ready', payload: { nin: '01017012345' } });
    deadId = await enqueue(db, { kind: 'test.dead', payload: {} });
    await db.update(jobs).set({ state: 'dead', attempts: 3, lastError: 'Error: refused' }).where(eq(jobs.id, deadId));
  });
  after(async () => {
    await t.close();
  });

  void it('answers an anonymous caller 401 and a citizen 403', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/operator/jobs' });
    assert.equal(anonymous.statusCode, 401);
    const asCitizen = await t.app.inject({ method: 'GET', url: '/api/operator/jobs', headers: citizen.headers });
    assert.equal(asCitizen.statusCode, 403);
    const retry = await t.app.inject({
      method: 'POST',
      url: `/api/operator/jobs/${deadId}/retry`,
      headers: citizen.headers,
    });
    assert.equal(retry.statusCode, 403);
  });

  void it('gives the operator counts and the jobs, dead first, payloads left out', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/operator/jobs', headers: operator.headers });
    assert.equal(res.statusCode, 200);
    const body = res.json<JobsResponse>();
    assert.deepEqual(body.counts, { ready: 1, running: 0, done: 0, dead: 1 });
    assert.deepEqual(
      body.jobs.map((j) => [j.id, j.state]),
      [
        [deadId, 'dead'],
        [readyId, 'ready'],
      ],
    );
    assert.doesNotMatch(res.body, /payload|01017012345/);
    const dead = await t.app.inject({
      method: 'GET',
      url: '/api/operator/jobs?state=dead&limit=5',
      headers: operator.headers,
    });
    assert.deepEqual(
      dead.json<JobsResponse>().jobs.map((j) => j.id),
      [deadId],
    );
  });

  void it('answers 400 for a state that does not exist', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/operator/jobs?state=lost', headers: operator.headers });
    assert.equal(res.statusCode, 400);
  });

  void it('retries a dead job, and answers 409 for one that is not dead and 404 for none', async () => {
    const url = (id: number | string) => `/api/operator/jobs/${id}/retry`;
    const ok = await t.app.inject({ method: 'POST', url: url(deadId), headers: operator.headers });
    assert.equal(ok.statusCode, 200);
    assert.deepEqual((({ id, state, attempts }: JobItem) => ({ id, state, attempts }))(ok.json<JobItem>()), {
      id: deadId,
      state: 'ready',
      attempts: 0,
    });
    const again = await t.app.inject({ method: 'POST', url: url(deadId), headers: operator.headers });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json<{ code: string }>().code, 'job_not_dead');
    const none = await t.app.inject({ method: 'POST', url: url(99_999_999), headers: operator.headers });
    assert.equal(none.statusCode, 404);
    const bad = await t.app.inject({ method: 'POST', url: url('abc'), headers: operator.headers });
    assert.equal(bad.statusCode, 400);
  });

  void it('refuses a retry without the CSRF token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/operator/jobs/${readyId}/retry`,
      headers: { cookie: operator.headers.cookie },
    });
    assert.equal(res.statusCode, 403);
  });
});

void describe('/api/operator/jobs: dead jobs by cause, and "retry all of this cause"', () => {
  let t: TestApp;
  let operator: LoggedIn;
  let citizen: LoggedIn;
  const ids: Record<string, number[]> = { endpoint: [], refused: [], other: [] };
  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    operator = await loginAs(t.app, { kind: 'operator', operatorId: (await makeOperator(db)).id });
    const municipality = await makeMunicipality(db);
    citizen = await loginAs(t.app, {
      kind: 'citizen',
      personId: (await makePerson(db, { municipalityId: municipality.id })).id,
    });
    const dead = async (kind: string, lastError: string) => {
      const id = await enqueue(db, { kind, payload: {} });
      await db.update(jobs).set({ state: 'dead', attempts: 8, lastError }).where(eq(jobs.id, id));
      return id;
    };
    for (let i = 0; i < 3; i += 1) {
      ids['endpoint']!.push(
        await dead('test.send', `RetryLater: Message m-${i}: no transport endpoint for the receiver in the register`),
      );
    }
    ids['refused']!.push(await dead('test.send', 'PermanentJobFailure: Message m-9: the partner answered 400'));
    ids['other']!.push(await dead('test.other', 'RetryLater: Message m-8: no transport endpoint for the receiver'));
  });
  after(async () => {
    await t.close();
  });

  void it('groups the dead jobs by kind and cause, largest first, and names each dead job its cause', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/operator/jobs', headers: operator.headers });
    const body = res.json<JobsResponse>();
    assert.deepEqual(body.deadGroups, [
      { kind: 'test.send', cause: 'no_endpoint', count: 3 },
      { kind: 'test.other', cause: 'no_endpoint', count: 1 },
      { kind: 'test.send', cause: 'refused_message', count: 1 },
    ]);
    const refused = body.jobs.find((j) => j.id === ids['refused']![0]);
    assert.equal(refused?.cause, 'refused_message');
  });

  void it('retries every dead job of that kind and cause, audited one by one, and no other', async () => {
    const url = '/api/operator/jobs/retry-dead';
    const asCitizen = await t.app.inject({
      method: 'POST',
      url,
      headers: citizen.headers,
      payload: { kind: 'test.send', cause: 'no_endpoint' },
    });
    assert.equal(asCitizen.statusCode, 403);
    const bad = await t.app.inject({
      method: 'POST',
      url,
      headers: operator.headers,
      payload: { kind: 'test.send', cause: 'gremlins' },
    });
    assert.equal(bad.statusCode, 400);
    assert.match(String(bad.headers['content-type']), /application\/problem\+json/);

    const res = await t.app.inject({
      method: 'POST',
      url,
      headers: operator.headers,
      payload: { kind: 'test.send', cause: 'no_endpoint' },
    });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { retried: 3, refused: 0 });
    const db = t.database.db;
    const states = await db.select({ id: jobs.id, state: jobs.state, attempts: jobs.attempts }).from(jobs);
    const stateOf = (id: number) => states.find((s) => s.id === id);
    for (const id of ids['endpoint']!) {
      assert.deepEqual(stateOf(id), { id, state: 'ready', attempts: 0 });
    }
    assert.equal(stateOf(ids['refused']![0]!)?.state, 'dead', 'another cause of the same kind stays dead');
    assert.equal(stateOf(ids['other']![0]!)?.state, 'dead', 'the same cause of another kind stays dead');
    const audited = await db.select().from(auditLog).where(eq(auditLog.action, 'job.retry'));
    assert.deepEqual(audited.map((a) => Number(a.resourceId)).sort(), [...ids['endpoint']!].sort());

    const again = await t.app.inject({
      method: 'POST',
      url,
      headers: operator.headers,
      payload: { kind: 'test.send', cause: 'no_endpoint' },
    });
    assert.deepEqual(again.json(), { retried: 0, refused: 0 }, 'nothing of that cause is dead any more');
  });
});
