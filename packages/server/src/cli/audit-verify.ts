import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { openDatabase } from '../platform/db/client.ts';
import { verifyAuditChain } from '../platform/audit/verify.ts';
import { formatVerifyReport } from '../platform/audit/verify-report.ts';
import { progressBar } from '../platform/cli/progress.ts';
import { redactNin } from '../platform/redact.ts';

/**
 * `npm run audit:verify`: checks the audit log's hash chain against the audit key, and against the checkpoints in
 * AUDIT_CHECKPOINT_FILE, read-only, with the same configuration as the server. Verdicts go to stdout, warnings
 * (no checkpoint file, entries left unsealed, missing insert ids) to stderr. Exit 0 intact, 1 broken, rewound or
 * a tampered checkpoint file, 2 when it could not check.
 */
async function main(): Promise<number> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const dataDir = resolve(join(config.dataDir, 'pglite'));
  if (!config.databaseUrl) {
    if (!existsSync(join(dataDir, 'PG_VERSION'))) {
      process.stderr.write(`No Helsebro store at ${dataDir}, and DATABASE_URL is not set: nothing to verify.\n`);
      return 2;
    }
    // PGlite writes postmaster.pid while a process has the folder open and removes it on a clean close. It does
    // not stop a second process from opening the folder, which would corrupt it, so we check for ourselves.
    if (existsSync(join(dataDir, 'postmaster.pid'))) {
      process.stderr.write(
        `The embedded store at ${dataDir} is in use by a running Helsebro server (only one process can open it).\n` +
          'Stop the server and run this again. If no server is running, the last one did not shut down cleanly:\n' +
          'start it and stop it once (Ctrl-C), then run this again.\n',
      );
      return 2;
    }
  }
  const database = await openDatabase({ url: config.databaseUrl, dataDir, poolSize: 1 });
  const bar = progressBar('entries');
  try {
    const result = await verifyAuditChain(database, config.auditKey, bar.update, {
      checkpointFile: config.auditCheckpointFile,
      // A few sealing rounds, with the sealer's longest retry delay, and never under a minute.
      staleAfterMs: Math.max(60_000, 5 * config.auditSealIntervalMs + 10_000),
    });
    bar.end();
    const report = formatVerifyReport(result);
    process.stdout.write(report.lines.map((l) => `${l}\n`).join(''));
    process.stderr.write(report.warnings.map((w) => `Warning: ${w}\n`).join(''));
    return result.ok ? 0 : 1;
  } finally {
    bar.end();
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const message = redactNin(err instanceof Error ? err.message : String(err));
    process.stderr.write(`Could not verify the audit chain: ${message}\n`);
    process.exit(2);
  },
);
