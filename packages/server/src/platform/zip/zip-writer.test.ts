import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { ZipWriter } from './zip-writer.ts';
import { readZip } from './testing/read-zip.ts';

async function zipOf(entries: Array<[string, Array<string | Buffer>]>) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const zip = new ZipWriter(out, new Date('2026-03-02T08:00:00Z'));
  const results = [];
  for (const [name, content] of entries) {
    results.push(await zip.add(name, content));
  }
  await zip.finish();
  return { bytes: Buffer.concat(chunks), results };
}

void describe('ZipWriter', () => {
  void it('writes entries a reader inflates back, with the size and SHA-256 of what went in', async () => {
    const big = randomBytes(300_000);
    const { bytes, results } = await zipOf([
      ['a.json', ['[', '{"navn":"Åse Ærlig"}', ']']],
      ['mappe/stor.bin', [big.subarray(0, 100_000), big.subarray(100_000)]],
      ['tom.csv', []],
    ]);
    const files = readZip(bytes);
    assert.deepEqual([...files.keys()], ['a.json', 'mappe/stor.bin', 'tom.csv']);
    assert.equal(files.get('a.json')?.toString('utf8'), '[{"navn":"Åse Ærlig"}]');
    assert.ok(files.get('mappe/stor.bin')?.equals(big));
    assert.equal(files.get('tom.csv')?.length, 0);
    assert.deepEqual(results[1], {
      name: 'mappe/stor.bin',
      bytes: big.length,
      sha256: createHash('sha256').update(big).digest('hex'),
    });
  });
});
