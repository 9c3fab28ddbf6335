import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { refusedExternalLoads } from '../../../platform/xml/index.ts';
import { NS } from '../codes.ts';
import { officialExamples } from '../testing/official-examples.ts';
import { buildPloTestApp, type PloTestApp } from '../testing/plo-test-app.ts';

const ex = officialExamples().find((e) => e.type === 'LOG_INNLAGT')!;
const head = `<MsgHead xmlns="${NS.msgHead}">`;

/** Writes `total` bytes as a chunked upload (no Content-Length) and reports the status and how much was sent. */
function chunkedUpload(port: number, token: string, total: number): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/edi/v1/messages',
        headers: { 'content-type': 'application/xml', authorization: `Bearer ${token}` },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, sent }));
      },
    );
    // The server may close the socket at the limit before this side has read its 413 (a race that a loaded
    // machine loses): then the answer is "stopped" (status 0), never a hang. A reset after the answer changes
    // nothing, since the promise is settled.
    req.on('error', (err: NodeJS.ErrnoException) =>
      err.code === 'ECONNRESET' || err.code === 'EPIPE' ? resolve({ status: 0, sent }) : reject(err),
    );
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    req.write(head);
    pump();
  });
}

void describe('POST /edi/v1/messages: hostile input', () => {
  let t: PloTestApp;
  const unreadable = async () =>
    Number(
      (
        await t.database.query<{ n: number }>("SELECT count(*)::int AS n FROM plo_messages WHERE status = 'unreadable'")
      )[0]!.n,
    );

  before(async () => {
    t = await buildPloTestApp();
  });
  after(async () => {
    await t.close();
  });

  const cases: Array<{ name: string; body: () => string | Buffer; status: number; code: string }> = [
    {
      name: 'an external entity',
      body: () =>
        `<?xml version="1.0"?>\n<!DOCTYPE MsgHead [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n${head}<MsgInfo>&x;</MsgInfo></MsgHead>`,
      status: 400,
      code: 'xml_dtd_forbidden',
    },
    {
      name: 'entity expansion (a billion laughs)',
      body: () =>
        `<!DOCTYPE MsgHead [<!ENTITY a "${'a'.repeat(10)}">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('')}]>${head}<MsgInfo>&j;</MsgInfo></MsgHead>`,
      status: 400,
      code: 'xml_dtd_forbidden',
    },
    {
      name: '10 000-deep nesting',
      body: () => `${head}${'<MsgInfo>'.repeat(10_000)}${'</MsgInfo>'.repeat(10_000)}</MsgHead>`,
      status: 400,
      code: 'xml_too_deep',
    },
    {
      name: 'invalid UTF-8',
      body: () =>
        Buffer.concat([
          Buffer.from(`${head}<MsgInfo>`),
          Buffer.from([0xc3, 0x28, 0xff]),
          Buffer.from('</MsgInfo></MsgHead>'),
        ]),
      status: 400,
      code: 'xml_not_utf8',
    },
    {
      name: 'UTF-16',
      body: () => Buffer.from(`\ufeff${ex.bytes.toString('utf8')}`, 'utf16le'),
      status: 400,
      code: 'xml_unsupported_encoding',
    },
    {
      name: 'a wrong namespace',
      body: () => ex.bytes.toString('utf8').replace(NS.msgHead, 'http://www.kith.no/xmlstds/msghead/2099-01-01'),
      status: 400,
      code: 'unsupported_document',
    },
    { name: 'text that is not XML', body: () => 'Hei, dette er ikke XML.', status: 400, code: 'xml_not_well_formed' },
    { name: 'truncated XML', body: () => ex.bytes.subarray(0, 900), status: 400, code: 'xml_not_well_formed' },
    { name: 'an empty body', body: () => '', status: 400, code: 'xml_not_well_formed' },
  ];
  for (const c of cases) {
    void it(`answers ${c.name} with ${c.status} ${c.code}, keeps it for inspection and reads no file`, async () => {
      const loads = refusedExternalLoads();
      const before = await unreadable();
      const started = performance.now();
      const res = await t.post(c.body(), '59');
      assert.ok(performance.now() - started < 2_000, 'answered quickly');
      assert.equal(res.statusCode, c.status, res.body);
      assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(res.json().code, c.code);
      assert.doesNotMatch(res.body, /root:/, 'no file content in the answer');
      assert.equal(refusedExternalLoads(), loads, 'libxml2 asked for no external resource');
      assert.equal(await unreadable(), before + 1);
    });
  }

  void it('answers a 50 MB body with 413 from its Content-Length, without reading it', async () => {
    const res = await t.post(Buffer.alloc(50 * 1024 * 1024, 0x20), '59');
    assert.equal(res.statusCode, 413);
    assert.equal(res.json().code, 'message_too_large');
  });

  void it('answers an unauthenticated 50 MB body with 401', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/edi/v1/messages',
      headers: { 'content-type': 'application/xml' },
      payload: Buffer.alloc(50 * 1024 * 1024),
    });
    assert.equal(res.statusCode, 401);
  });

  void it('stops a chunked 50 MB upload at the limit over a real socket, and keeps serving', async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as AddressInfo;
    const total = 50 * 1024 * 1024;
    const r = await chunkedUpload(port, t.tokens['59']!, total);
    assert.ok(r.status === 413 || (r.status === 0 && r.sent < total), `status ${r.status} after ${r.sent} bytes`);
    const ok = await fetch(`http://127.0.0.1:${port}/edi/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml', authorization: `Bearer ${t.tokens['59']}` },
      body: ex.bytes,
    });
    assert.equal(ok.status, 202);
  });

  void it('is still up and taking valid messages after all of the above', async () => {
    const res = await t.post(ex.bytes.toString('utf8').replace(ex.msgId, crypto.randomUUID()), '59');
    assert.equal(res.statusCode, 202);
    assert.equal(res.json().outcome, 'accepted');
  });
});
