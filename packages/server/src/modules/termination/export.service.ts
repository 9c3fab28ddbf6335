import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordAudit } from '../../platform/audit/audit.ts';
import { safeFilename } from '../../platform/http/content-disposition.ts';
import { actorId, type RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { osloDateOf } from '../../platform/time/oslo-time.ts';
import { ZipWriter, type ZipEntryResult } from '../../platform/zip/zip-writer.ts';
import { requireMunicipalAdmin } from '../organisations/index.ts';
import * as repo from './export.repository.ts';
import { findMunicipalityName } from './termination.repository.ts';

/** A built export: a zip in a temporary file, removed by `cleanup` once it has been sent. */
export type BuiltExport = { path: string; filename: string; cleanup: () => Promise<void> };

export type ManifestFile = {
  path: string;
  table: string | null;
  format: 'json' | 'csv' | 'file';
  rows: number | null;
} & Omit<ZipEntryResult, 'name'>;

/** A value as one CSV field (RFC 4180): quoted when it needs to be, objects and arrays as JSON. */
function csvField(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  // A spreadsheet runs a cell that starts with = + - @ as a formula (OWASP "CSV injection"); text written by
  // citizens ends up here. A leading apostrophe keeps it text; the JSON file keeps the exact value. Numbers,
  // phone numbers (+47 …) and dates are left alone.
  if (typeof value === 'string' && /^[=@\t\r]|^[+-](?![\d ])/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvLine = (values: unknown[]) => `${values.map(csvField).join(',')}\r\n`;

/**
 * The municipality's complete export (issue 12, seed 000 §6: what the municipality controls, for it to take with
 * it when it leaves). One zip: per table `<table>.json` (an array of rows as PostgreSQL's row_to_json gives them,
 * timestamps in UTC) and `<table>.csv` (UTF-8 with BOM, a header line); the dialog attachments' files under
 * `attachments/<id>/<name>` — all of them, since each is at most 10 MB and the zip is written to a temporary file
 * one chunk at a time, so memory stays at one batch of rows or one attachment whatever the municipality's size;
 * and `manifest.json` (each file's table, row count, size and SHA-256, when, by whom).
 *
 * Everything is read in one transaction (a consistent snapshot on PostgreSQL, repeatable read) with the audit entry
 * in it. On PGlite, whose one connection serves one transaction at a time, other requests wait while the export
 * is written; the export is a rare administrative act.
 */
export function createExportService(platform: Pick<Platform, 'db' | 'clock'>) {
  const { db, clock } = platform;
  return {
    async build(ctx: RequestContext): Promise<BuiltExport> {
      const dir = await mkdtemp(join(tmpdir(), 'helsebro-export-'));
      const path = join(dir, 'export.zip');
      const cleanup = () => rm(dir, { recursive: true, force: true });
      try {
        const filename = await db.transaction(
          async (tx) => {
            await requireMunicipalAdmin(tx, ctx);
            const municipalityId = ctx.municipalityId as string;
            const municipality = await findMunicipalityName(tx, municipalityId);
            await repo.exportSession(tx);
            const at = clock.now();
            const zip = new ZipWriter(createWriteStream(path), at);
            const files: ManifestFile[] = [];
            for (const table of repo.exportTables(municipalityId)) {
              let rows = 0;
              const json = await zip.add(
                `${table.name}.json`,
                jsonChunks(tx, table.select, () => rows++),
              );
              files.push({
                path: json.name,
                table: table.name,
                format: 'json',
                rows,
                bytes: json.bytes,
                sha256: json.sha256,
              });
              const columns = await repo.columnsOf(tx, table.select);
              const csv = await zip.add(`${table.name}.csv`, csvChunks(tx, table.select, columns));
              files.push({
                path: csv.name,
                table: table.name,
                format: 'csv',
                rows,
                bytes: csv.bytes,
                sha256: csv.sha256,
              });
            }
            for await (const a of repo.cursorRows(tx, repo.attachmentFilesSelect(municipalityId), false, 5)) {
              const name = `attachments/${String(a.id)}/${safeFilename(String(a.filename))}`;
              const file = await zip.add(name, [a.content as Buffer]);
              files.push({
                path: file.name,
                table: 'dialog_attachments',
                format: 'file',
                rows: null,
                bytes: file.bytes,
                sha256: file.sha256,
              });
            }
            const manifest = {
              format: 'helsebro-municipality-export/1',
              municipality: {
                id: municipalityId,
                name: municipality?.name ?? null,
                number: municipality?.number ?? null,
              },
              generatedAt: at.toISOString(),
              generatedBy: { kind: ctx.actor.kind, id: actorId(ctx.actor) },
              notes: [
                'JSON: one array of rows per table, as PostgreSQL row_to_json gives them; timestamps in UTC.',
                "CSV: UTF-8 with BOM, RFC 4180; text starting with = + - @ has a leading ' (the JSON has the exact value).",
                'Attachments: every file, under attachments/<id>/; PLO messages: metadata and parsed content, not raw XML.',
                'EPJ clients: no secrets (the authentication method and public keys only).',
              ],
              files,
            };
            await zip.add('manifest.json', [JSON.stringify(manifest, null, 2)]);
            await zip.finish();
            await recordAudit(tx, ctx, {
              action: 'municipality.export',
              resourceType: 'municipality',
              resourceId: municipalityId,
              details: {
                files: files.length,
                rows: files.filter((f) => f.format === 'json').reduce((n, f) => n + (f.rows ?? 0), 0),
              },
            });
            return `helsebro-eksport-${municipality?.number ?? 'kommune'}-${osloDateOf(at)}.zip`;
          },
          { isolationLevel: 'repeatable read' },
        );
        return { path, filename, cleanup };
      } catch (err) {
        await cleanup();
        throw err;
      }
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;

async function* jsonChunks(tx: Parameters<typeof repo.columnsOf>[0], select: string, count: () => void) {
  yield '[';
  let first = true;
  for await (const row of repo.cursorRows(tx, select, true)) {
    count();
    yield `${first ? '\n' : ',\n'}${JSON.stringify(row)}`;
    first = false;
  }
  yield first ? ']\n' : '\n]\n';
}

async function* csvChunks(tx: Parameters<typeof repo.columnsOf>[0], select: string, columns: string[]) {
  yield `\uFEFF${csvLine(columns)}`;
  for await (const row of repo.cursorRows(tx, select, true)) {
    yield csvLine(columns.map((c) => row[c]));
  }
}
