import { pino } from 'pino';
import type { Database } from '../../db/client.ts';
import { startAuditSealer } from '../sealer.ts';

/**
 * Tampering as a database superuser would: the append-only trigger stops the application, not someone who can
 * disable it. That is what the chain and its checkpoints are for.
 * @param statements - SQL run between disabling and enabling the trigger
 */
export async function asSuperuser(database: Pick<Database, 'exec'>, statements: string): Promise<void> {
  await database.exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
${statements};
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;`);
}

/**
 * Seals what is pending and anchors the head in `file`, as the server's sealer does when it stops.
 * @param key - the audit key
 */
export async function sealAndAnchor(database: Pick<Database, 'db'>, key: string, file: string): Promise<void> {
  const sealer = startAuditSealer({
    config: { auditKey: key, auditSealIntervalMs: 60_000, auditCheckpointFile: file, auditCheckpointIntervalMs: 0 },
    database,
    logger: pino({ level: 'silent' }),
  });
  await sealer.stop();
}
