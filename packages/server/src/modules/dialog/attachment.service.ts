import type { AuditEntry } from '../../platform/audit/audit.ts';
import { auditedRead } from '../../platform/audit/audit.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { requireAction } from '../../platform/http/access.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { requireUnitStaff } from '../organisations/index.ts';
import { dialogRepository as repo } from './dialog.repository.ts';

/**
 * Downloading a message's attachment, from either side of the conversation.
 * @param platform - the store
 */
export function createAttachmentService(platform: Pick<Platform, 'db'>) {
  const { db } = platform;

  return {
    /**
     * An attachment of the principal's conversation (citizen), of the staff member's unit (staff) or of the EPJ's
     * municipality. One that is not the caller's is 404, as one that does not exist; the read is audited with the
     * conversation's citizen as subject either way.
     */
    async attachment(ctx: RequestContext, id: string) {
      const row = await repo.attachmentWithConversation(db, id);
      const entry: AuditEntry = {
        action: 'dialog.attachment.read',
        resourceType: 'dialog_attachment',
        resourceId: id,
        subjectPersonId: row?.conv.personId ?? null,
      };
      return auditedRead(db, ctx, entry, async (q) => {
        if (ctx.actor.kind === 'personnel' || ctx.actor.kind === 'partner') {
          if (!row || ctx.municipalityId === null || row.conv.municipalityId !== ctx.municipalityId) {
            throw new NotFoundError('Fant ikke vedlegget.', 'attachment_not_found');
          }
          // An EPJ client acts for every unit of its municipality (modules/epj placed it there).
          await requireUnitStaff(q, ctx, row.conv.serviceUnitId, { epj: true });
        } else {
          const { principalId } = requireAction(ctx, 'messages.read');
          if (!row || row.conv.personId !== principalId) {
            throw new NotFoundError('Fant ikke vedlegget.', 'attachment_not_found');
          }
        }
        return row.a;
      });
    },
  };
}
