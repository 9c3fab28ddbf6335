import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import type { AddressRegisterDocument } from '@helsebro/contracts';
import { DEMO_HOSPITAL_HER_ID } from '../../packages/server/src/modules/plo/index.ts';
import { apiAs } from './people.ts';
import { freePort } from './server.ts';

/** The token a journey's hospital "issued to us": what Helsebro presents when it posts there. */
const TOKEN = 'hb-test-hospital-token-0001';

export type TestHospital = {
  endpoint: string;
  /** The bodies the hospital was sent, as text, in order. */
  received: string[];
  /** What it answers: 202 (taken, and it answers nothing of its own) or a refusal such as 403. */
  answer: 202 | 403;
  close(): Promise<void>;
};

/**
 * A hospital endpoint the journey controls, in place of the demo's own stand-in (which answers every message with a
 * positive AppRec at once): it takes or refuses what it is sent and never answers by itself, so the journey posts
 * the hospital's AppRec when and as it wants (a rejection, say).
 */
export async function startTestHospital(answer: 202 | 403 = 202): Promise<TestHospital> {
  const port = await freePort();
  const received: string[] = [];
  const state = { answer };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push(body);
      res.writeHead(state.answer, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${port}/edi/v1/messages`,
    received,
    get answer() {
      return state.answer;
    },
    set answer(v) {
      state.answer = v;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * As the operator does it (the page must be an operator's): the demo hospital's transport endpoint in the address
 * register becomes the test hospital's, and Helsebro gets the token that hospital issued it.
 */
export async function pointDemoHospitalAt(operator: Page, hospital: TestHospital): Promise<void> {
  const register = await apiAs(operator.request, 'GET', '/api/operator/address-register');
  const document = register.json as unknown as AddressRegisterDocument;
  assert.ok(
    document.parties.some((p) => p.herId === DEMO_HOSPITAL_HER_ID),
    'the demo hospital is in the register',
  );
  const parties = document.parties.map((p) =>
    p.herId === DEMO_HOSPITAL_HER_ID ? { ...p, transportEndpoint: hospital.endpoint } : p,
  );
  const put = await apiAs(operator.request, 'PUT', '/api/operator/address-register?mode=merge', {
    ...document,
    parties,
  });
  assert.equal(put.status, 200, JSON.stringify(put.json));
  const credential = await apiAs(
    operator.request,
    'PUT',
    `/api/operator/address-register/${DEMO_HOSPITAL_HER_ID}/outgoing-credential`,
    { token: TOKEN, label: 'Fjordvik sykehus, test' },
  );
  assert.ok(credential.status < 300, JSON.stringify(credential.json));
}
