#!/usr/bin/env node
// `npm run check:cycles`: fails when the server's or the web's source files import each other in a circle.
// A cycle between modules means neither can be understood, tested or loaded without the other (issue 11); between
// files it is how ES module initialisation order bugs start. Type-only imports count too: they are the same coupling,
// only erased at run time. The TypeScript compiler resolves the specifiers, so `.ts` paths, `index.ts` folders and the
// workspace packages resolve as they do for `tsc`.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const trees = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['packages/server/src', 'packages/web/src'];

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'dist') {
      return [];
    }
    if (statSync(p).isDirectory()) {
      return sourceFiles(p);
    }
    return /\.tsx?$/.test(name) && !/\.d\.ts$/.test(name) ? [p] : [];
  });
}

const options = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  jsx: ts.JsxEmit.ReactJSX,
};
const host = ts.createCompilerHost(options);

/** The project files a file imports (statically, dynamically or by re-export), resolved by the compiler. */
function importsOf(file, inTree) {
  const info = ts.preProcessFile(ts.sys.readFile(file) ?? '', true, true);
  const out = new Set();
  for (const { fileName } of info.importedFiles) {
    const resolved = ts.resolveModuleName(fileName, file, options, host).resolvedModule?.resolvedFileName;
    if (resolved && inTree.has(resolved)) {
      out.add(resolved);
    }
  }
  return [...out];
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(graph) {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const found = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) {
        low.set(v, Math.min(low.get(v), idx.get(w)));
      }
    }
    if (low.get(v) === idx.get(v)) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) {
        found.push(scc);
      }
    }
  };
  for (const v of graph.keys()) {
    if (!idx.has(v)) {
      visit(v);
    }
  }
  return found;
}

/** One concrete circle inside a component, for the message: a path from its first file back to it. */
function circleIn(graph, scc) {
  const members = new Set(scc);
  const start = scc[0];
  const prev = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift();
    for (const w of graph.get(v) ?? []) {
      if (w === start) {
        const path = [start];
        for (let x = v; x !== start; x = prev.get(x)) {
          path.splice(1, 0, x);
        }
        return [...path, start];
      }
      if (members.has(w) && !prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return scc;
}

let failed = 0;
for (const tree of trees) {
  const files = sourceFiles(resolve(root, tree));
  const inTree = new Set(files);
  const graph = new Map(files.map((f) => [f, importsOf(f, inTree)]));
  const found = cycles(graph);
  console.log(`cycles: ${tree}: ${files.length} files, ${found.length} import cycle(s)`);
  for (const scc of found) {
    failed += 1;
    console.log(
      `  ${circleIn(graph, scc)
        .map((f) => relative(root, f))
        .join(' → ')}`,
    );
  }
}
process.exit(failed > 0 ? 1 : 0);
