import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/client.ts';
import { ForbiddenError, NotFoundError } from '../../../platform/errors.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import type { AddressRegister } from '../address-register/address-register.service.ts';
import * as repo from './messages.repository.ts';

export type InboxItem = Awaited<ReturnType<typeof repo.listInbox>>[number];

/**
 * A receiving service's inbox, newest first: the messages accepted for it (the message console reads this in the
 * next part of issue 4). Only personnel of the service's municipality may read it, and every message listed is
 * audited with its patient as subject, since the list shows who the messages are about.
 * @param deps - store and address register
 */
export function createInboxService(deps: { db: Db; register: AddressRegister }) {
  return {
    /**
     * @param ctx - the caller; personnel in the service's municipality
     * @param serviceHerId - the receiving service's HER-id
     * @param limit - the most messages
     */
    async list(ctx: RequestContext, serviceHerId: string, limit = 50): Promise<InboxItem[]> {
      const party = await deps.register.lookup(serviceHerId);
      if (!party?.hosted) {
        throw new NotFoundError(`Ingen tjeneste her med HER-id ${serviceHerId}.`, 'service_not_found');
      }
      if (ctx.actor.kind !== 'personnel' || !party.municipalityId || ctx.municipalityId !== party.municipalityId) {
        await recordAudit(
          deps.db,
          ctx,
          { action: 'plo_inbox.read', resourceType: 'plo_inbox', resourceId: party.id },
          'denied',
        );
        throw new ForbiddenError('Bare helsepersonell i tjenestens kommune kan lese innboksen.', 'inbox_forbidden');
      }
      return deps.db.transaction(async (tx) => {
        const items = await repo.listInbox(tx, party.id, limit);
        for (const item of items) {
          await recordAudit(tx, ctx, {
            action: 'plo_message.read',
            resourceType: 'plo_message',
            resourceId: item.messageId,
            subjectPersonId: item.patientPersonId,
            details: { via: 'inbox', serviceHerId },
          });
        }
        return items;
      });
    },
  };
}
