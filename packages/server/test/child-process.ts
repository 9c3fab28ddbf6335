import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { childEnv } from '../src/platform/jobs/testing/shared-store.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));

/** A TypeScript file of this repository run as its own process, as crash tests need: `kill -9` must kill it. */
export type ScriptProcess = {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr (the last 20 kB), for failure messages. */
  output(): string;
  /** The first match of `pattern` in its stdout; rejects when the process exits before. */
  waitForOutput(pattern: RegExp): Promise<RegExpExecArray>;
  /** `kill -9`; resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM, as an orderly shutdown; resolves with the exit code once the process is gone. */
  stop(): Promise<number | null>;
};

/**
 * Runs a script with tsx from the repository root, with the server's child environment (`childEnv`: the test's
 * database URLs removed, NODE_ENV=test, silent logs) plus `env`.
 * @param script - an absolute path
 */
export function runScript(script: string, env: Record<string, string>): ScriptProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, env: childEnv(env) });
  let stdout = '';
  let all = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
    all = (all + d.toString()).slice(-20_000);
  });
  child.stderr?.on('data', (d: Buffer) => (all = (all + d.toString()).slice(-20_000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    child,
    output: () => all,
    waitForOutput: (pattern) =>
      new Promise((resolve, reject) => {
        const look = () => {
          const m = pattern.exec(stdout);
          if (m) {
            child.stdout?.off('data', look);
            resolve(m);
          }
        };
        child.stdout?.on('data', look);
        look();
        void exited.then((code) => reject(new Error(`the process exited (${code}) before ${String(pattern)}: ${all}`)));
      }),
    kill: async () => {
      if (!gone()) {
        child.kill('SIGKILL');
      }
      await exited;
    },
    stop: async () => {
      if (!gone()) {
        child.kill('SIGTERM');
      }
      return exited;
    },
  };
}

/**
 * Starts the real server (`src/main.ts`) as a child process on loopback and waits until `/ready` answers.
 * @param env - its configuration: the store (DATABASE_URL or DATA_DIR, see `createSharedStore`) and any settings
 * @param port - the port to listen on (the same one again after a restart)
 */
export async function startServerProcess(
  env: Record<string, string>,
  port: number,
): Promise<ScriptProcess & { url: string }> {
  const url = `http://127.0.0.1:${port}`;
  const p = runScript(MAIN, { HOST: '127.0.0.1', PORT: String(port), ...env });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (p.child.exitCode !== null) {
      throw new Error(`The server exited with ${p.child.exitCode} before it was ready: ${p.output()}`);
    }
    try {
      const res = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) {
        return { ...p, url };
      }
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await p.kill();
      throw new Error(`The server was not ready within 60 s: ${p.output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
