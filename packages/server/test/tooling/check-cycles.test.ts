import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../../../scripts/check-cycles.mjs', import.meta.url));

function tree(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'cycles-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const run = (dir: string) => spawnSync(process.execPath, [script, dir], { encoding: 'utf8' });

void describe('check-cycles', () => {
  it('names a circle through an index file and a type-only import, and fails', () => {
    const dir = tree({
      'a/index.ts': "export { a } from './a.ts';\n",
      'a/a.ts': "import type { B } from '../b.ts';\nexport const a = (b: B) => b;\n",
      'b.ts': "import { a } from './a/index.ts';\nexport type B = string;\nexport const use = a;\n",
      'c.ts': "import { use } from './b.ts';\nexport const c = use;\n",
    });
    try {
      const res = run(dir);
      assert.equal(res.status, 1, res.stdout + res.stderr);
      assert.match(res.stdout, /1 import cycle\(s\)/);
      assert.match(res.stdout, /a\/a\.ts/);
      assert.match(res.stdout, /b\.ts/);
      assert.doesNotMatch(res.stdout, /c\.ts →/, 'a file that only depends on the circle is not in it');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('passes a tree without cycles', () => {
    const dir = tree({
      'x.ts': "import { y } from './y.ts';\nexport const x = y;\n",
      'y.tsx': 'export const y = 1;\n',
    });
    try {
      const res = run(dir);
      assert.equal(res.status, 0, res.stdout + res.stderr);
      assert.match(res.stdout, /2 files, 0 import cycle\(s\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
