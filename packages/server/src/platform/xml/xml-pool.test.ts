import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { compileSchemaSet } from './schema-set.ts';
import { createXmlPool, XmlWorkerError, type XmlPool } from './xml-pool.ts';

const dir = fileURLToPath(new URL('./__fixtures__/', import.meta.url));
const schema = { dir, entry: 'entry.xsd', limits: { maxBytes: 256 * 1024, maxDepth: 32 } };
const inline = compileSchemaSet(schema);
const NS = 'urn:helsebro:test:referral';
const utf8 = (s: string) => Buffer.from(s, 'utf8');
const referral = (nin: string, priority = 'normal', extra = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Referral xmlns="${NS}" id="r1">\n  <Nin>${nin}</Nin>\n  <Priority>${priority}</Priority>${extra}\n</Referral>\n`;
const refusal = (r: { outcome: { wellFormed: boolean; refusal?: string } }) =>
  r.outcome.wellFormed ? null : r.outcome.refusal;

void describe('platform/xml: the XML thread pool', () => {
  const pools: XmlPool[] = [];
  const pool = (over: Partial<Parameters<typeof createXmlPool>[0]> = {}) => {
    const p = createXmlPool({ schema, inline, size: 2, inlineMaxBytes: 0, timeoutMs: 30_000, ...over });
    pools.push(p);
    return p;
  };
  after(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });
  const threads = pool();

  void it('validates in a thread with the verdict, issues and tree of the inline set, and hashes the bytes', async () => {
    const docs = [
      referral('01017012345', 'urgent', '<Note>Tå &amp; tær</Note><Any><x><y>deep</y></x></Any>'),
      referral('0101701234X', 'soon'),
      '<Referral xmlns="urn:helsebro:test:referral">\n<Nin>1</Nim>\n</Referral>',
    ].map(utf8);
    for (const doc of docs) {
      const r = await threads.validate(doc, { tree: { treeDepth: 2 }, sha256: true });
      assert.equal(r.offThread, true);
      assert.deepEqual(r.outcome, inline.validate(doc, { treeDepth: 2 }));
      assert.equal(r.sha256, createHash('sha256').update(doc).digest('hex'));
    }
    const valid = await threads.validate(docs[0]!);
    assert.ok(valid.outcome.wellFormed && valid.outcome.valid);
    assert.equal(valid.sha256, undefined, 'no hash unless asked for');
  });

  void it('keeps the rules of the safe parse in the thread: no DTD, no external load, limits, UTF-8 only', async () => {
    const xxe = '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>';
    assert.equal(refusal(await threads.validate(utf8(xxe))), 'dtd_forbidden');
    const laughs = `<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><r>&b;</r>`;
    assert.equal(refusal(await threads.validate(utf8(laughs))), 'dtd_forbidden');
    const remote = '<!DOCTYPE r SYSTEM "http://127.0.0.1:1/x.dtd"><r/>';
    assert.equal(refusal(await threads.validate(utf8(remote))), 'dtd_forbidden');
    const hinted = referral('01017012345').replace(
      'id="r1"',
      'id="r1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:helsebro:test:referral file:///etc/passwd"',
    );
    const h = await threads.validate(utf8(hinted));
    assert.ok(h.outcome.wellFormed && h.outcome.valid);
    assert.equal(h.refusedLoads, 0, 'libxml2 in the thread never even asked for the hinted schema');
    const deep = `${'<a>'.repeat(1000)}${'</a>'.repeat(1000)}`;
    assert.equal(refusal(await threads.validate(utf8(deep))), 'too_deep');
    assert.equal(refusal(await threads.validate(new Uint8Array(256 * 1024 + 1).fill(0x20))), 'too_large');
    const latin1 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><r>ø</r>', 'latin1');
    assert.equal(refusal(await threads.validate(latin1)), 'not_utf8');
  });

  void it('keeps documents up to the inline limit in this thread and sends larger ones to a thread', async () => {
    const mixed = pool({ inlineMaxBytes: 400 });
    const small = utf8(referral('01017012345'));
    const large = utf8(referral('01017012345', 'normal', `<Note>${'x'.repeat(500)}</Note>`));
    const s = await mixed.validate(small, { sha256: true });
    assert.deepEqual([s.offThread, mixed.running], [false, 0]);
    assert.equal(s.sha256, createHash('sha256').update(small).digest('hex'));
    const l = await mixed.validate(large);
    assert.deepEqual([l.offThread, mixed.running], [true, 1]);
    assert.ok(l.outcome.wellFormed && l.outcome.valid);
    const none = pool({ size: 0 });
    assert.equal((await none.validate(large)).offThread, false, 'no threads: everything inline');
  });

  void it('runs at most `size` threads and queues the rest, answering each document with its own outcome', async () => {
    const nins = ['01017012345', '0101701234X', '01017012345', '0101701234Y', '01017012345', '0101701234Z'];
    const results = await Promise.all(nins.map((n) => threads.validate(utf8(referral(n)), { tree: { treeDepth: 2 } })));
    assert.equal(threads.running, 2);
    assert.deepEqual(
      results.map((r) => r.outcome.wellFormed && r.outcome.valid),
      nins.map((n) => /^\d{11}$/.test(n)),
    );
  });

  void describe('with a thread that misbehaves (a stand-in)', () => {
    const standIn = new URL('./__fixtures__/stand-in-worker.mjs', import.meta.url);
    const fails = async (p: XmlPool, body: string, reason: XmlWorkerError['reason']) =>
      assert.rejects(p.validate(utf8(body)), (err: unknown) => {
        assert.ok(err instanceof XmlWorkerError);
        assert.equal(err.reason, reason);
        return true;
      });
    const answers = async (p: XmlPool, body: string) => {
      const r = await p.validate(utf8(body));
      assert.ok(!r.outcome.wellFormed && r.outcome.issues[0]?.message === body, 'answered by a thread');
    };

    void it('fails a document its thread does not answer in time, replaces the thread and goes on', async () => {
      const p = pool({ size: 1, timeoutMs: 2_000, workerUrl: standIn });
      await answers(p, 'first');
      const started = performance.now();
      await fails(p, 'hang', 'timeout');
      assert.ok(performance.now() - started >= 1_900);
      assert.equal(p.running, 0, 'the hung thread is gone');
      await answers(p, 'after the timeout');
    });

    void it('fails only the document of a thread that exits, throws or reports a libxml2 failure', async () => {
      const p = pool({ size: 1, workerUrl: standIn });
      for (const body of ['exit', 'throw', 'fail']) {
        const queued = p.validate(utf8(`queued behind ${body}`));
        await fails(p, body, 'crashed');
        const r = await queued;
        assert.equal(r.outcome.wellFormed ? '' : r.outcome.issues[0]?.message, `queued behind ${body}`);
      }
    });

    void it('fails what is in flight or queued when closed, and everything after', async () => {
      const p = createXmlPool({ schema, inline, size: 1, inlineMaxBytes: 0, timeoutMs: 30_000, workerUrl: standIn });
      const settled = Promise.all([fails(p, 'hang', 'closed'), fails(p, 'queued', 'closed')]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await p.close();
      await settled;
      await fails(p, 'after', 'closed');
      assert.equal(p.running, 0);
    });
  });
});
