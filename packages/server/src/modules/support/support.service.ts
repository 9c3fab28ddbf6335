import {
  SUPPORT_CATEGORIES,
  SUPPORT_PAGE_SIZE,
  SUPPORT_ROUTING,
  type ContactBody,
  type SupportCategory,
  type SupportPageQuery,
  type SupportRecipient,
  type SupportRecipients,
  type SupportReplyBody,
  type SupportRequestBody,
  type SupportRequestItem,
  type SupportRequestsPage,
} from '@helsebro/contracts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { requireMunicipalAdmin } from '../organisations/index.ts';
import * as repo from './support.repository.ts';

/** What staff see as the operator's contact: requests to it land in the operator console's queue. */
const OPERATOR_CONTACT: repo.Contact = { name: 'Helsebro drift', email: null, phone: null };

/** Any staff member of the municipality they logged in for. */
function requireStaff(ctx: RequestContext): string {
  if (ctx.actor.kind !== 'personnel' || !ctx.municipalityId) {
    throw new ForbiddenError('Brukerstøtte er for kommunens ansatte.', 'not_staff');
  }
  return ctx.actor.personnelId;
}

function requireOperator(ctx: RequestContext): string {
  if (ctx.actor.kind !== 'operator') {
    throw new ForbiddenError('Bare driftsoperatøren ser denne køen.', 'wrong_role');
  }
  return ctx.actor.operatorId;
}

const missing = (message: string, code: string) =>
  new UnprocessableError(message, [{ path: 'category', message }], code);

/** Where a category goes now, and why not when nobody is registered (the 422 names whom to ask). */
async function recipientOf(
  q: Queryable,
  ctx: RequestContext,
  category: SupportCategory,
): Promise<{ contact: repo.Contact } | { problem: UnprocessableError }> {
  if (category === 'platform') {
    return { contact: OPERATOR_CONTACT };
  }
  if (category === 'epj_operation') {
    const vendor = await repo.ictVendorOf(q, ctx);
    return vendor
      ? { contact: vendor }
      : {
          problem: missing(
            'Kommunen har ikke registrert sin IKT-driftsleverandør. Be kommunens administrator registrere den under Brukerstøtte.',
            'ict_vendor_missing',
          ),
        };
  }
  const epj = await repo.epjVendorOf(q, ctx);
  if (!epj) {
    return {
      problem: missing(
        'Kommunen har ikke registrert journalsystemet sitt. Be kommunens administrator velge det under EPJ.',
        'epj_system_missing',
      ),
    };
  }
  if (!epj.name) {
    return {
      problem: missing(
        `${epj.vendor} har ingen registrert brukerstøtte for ${epj.product}. Be driftsoperatøren registrere leverandørens kontakt.`,
        'epj_vendor_contact_missing',
      ),
    };
  }
  return { contact: { name: epj.name, email: epj.email, phone: epj.phone } };
}

function toItem(r: repo.ListedRequest): SupportRequestItem {
  const x = r.request;
  return {
    id: x.id,
    municipality: { id: x.municipalityId, name: r.municipalityName },
    unit: x.serviceUnitId && r.unitName ? { id: x.serviceUnitId, name: r.unitName } : null,
    category: x.category,
    title: x.title,
    description: x.description,
    routedTo: x.routedTo,
    recipient: { name: x.recipientName, email: x.recipientEmail, phone: x.recipientPhone },
    status: x.status,
    reply: x.reply,
    repliedAt: x.repliedAt?.toISOString() ?? null,
    closedAt: x.closedAt?.toISOString() ?? null,
    filedBy: r.filedBy,
    createdAt: x.createdAt.toISOString(),
  };
}

/** The operator's entries name the municipality concerned, so that municipality's audit trail shows them. */
const inThe = (ctx: RequestContext, municipalityId: string): RequestContext => ({ ...ctx, municipalityId });

export type SupportService = ReturnType<typeof createSupportService>;

/**
 * Support routing (seed 000 §5.1, "Til punkt 6.3.2 Tjenestenivå"): staff file a request by category and it goes to
 * the municipality's ICT operations vendor, the EPJ vendor or the operator; the operator answers only its own.
 * @param platform - the store
 */
export function createSupportService(platform: Pick<Platform, 'db'>) {
  const { db } = platform;

  async function recipients(q: Queryable, ctx: RequestContext, canEditIctVendor: boolean) {
    const items: SupportRecipient[] = [];
    for (const category of SUPPORT_CATEGORIES) {
      const found = await recipientOf(q, ctx, category);
      items.push({ category, routedTo: SUPPORT_ROUTING[category], contact: 'contact' in found ? found.contact : null });
    }
    return { items, canEditIctVendor };
  }

  async function isAdmin(ctx: RequestContext): Promise<boolean> {
    try {
      await requireMunicipalAdmin(db, ctx);
      return true;
    } catch (e) {
      if (e instanceof ForbiddenError) {
        return false;
      }
      throw e;
    }
  }

  return {
    async recipients(ctx: RequestContext): Promise<SupportRecipients> {
      requireStaff(ctx);
      return recipients(db, ctx, await isAdmin(ctx));
    },

    /** Registers (or replaces) the municipality's ICT operations vendor. */
    async setIctVendor(ctx: RequestContext, body: ContactBody): Promise<SupportRecipients> {
      return db.transaction(async (tx) => {
        const admin = await requireMunicipalAdmin(tx, ctx);
        await repo.setIctVendor(tx, ctx, admin, body);
        await recordAudit(tx, ctx, {
          action: 'ict_operations_vendor.set',
          resourceType: 'municipality',
          resourceId: ctx.municipalityId,
          details: { name: body.name },
        });
        return recipients(tx, ctx, true);
      });
    },

    /**
     * Files a request and routes it by category, copying the recipient's contact onto it.
     * @throws UnprocessableError naming `category` when nobody is registered for it, `unitId` for a unit that is
     *   not an open unit of the municipality
     */
    async file(ctx: RequestContext, body: SupportRequestBody): Promise<SupportRequestItem> {
      const personnelId = requireStaff(ctx);
      return db.transaction(async (tx) => {
        if (body.unitId && !(await repo.openUnit(tx, ctx, body.unitId))) {
          const message = 'Velg en åpen enhet i kommunen din.';
          throw new UnprocessableError(message, [{ path: 'unitId', message }], 'unit_not_found');
        }
        const found = await recipientOf(tx, ctx, body.category);
        if ('problem' in found) {
          throw found.problem;
        }
        const id = await repo.insertRequest(tx, {
          municipalityId: ctx.municipalityId as string,
          serviceUnitId: body.unitId ?? null,
          category: body.category,
          title: body.title,
          description: body.description,
          routedTo: SUPPORT_ROUTING[body.category],
          recipientName: found.contact.name,
          recipientEmail: found.contact.email,
          recipientPhone: found.contact.phone,
          filedByPersonnelId: personnelId,
        });
        await recordAudit(tx, ctx, {
          action: 'support_request.create',
          resourceType: 'support_request',
          resourceId: id,
          details: { category: body.category, routedTo: SUPPORT_ROUTING[body.category] },
        });
        const { rows } = await repo.municipalityRequests(tx, ctx, { offset: 0, limit: 1, only: id });
        return toItem(rows[0] as repo.ListedRequest);
      });
    },

    async listForStaff(ctx: RequestContext, query: SupportPageQuery): Promise<SupportRequestsPage> {
      requireStaff(ctx);
      const offset = (query.page - 1) * SUPPORT_PAGE_SIZE;
      const { rows, total } = await repo.municipalityRequests(db, ctx, { offset, limit: SUPPORT_PAGE_SIZE });
      // The list names the staff who filed them: audited.
      await recordAudit(db, ctx, {
        action: 'support_request.list',
        resourceType: 'support_request',
        details: { page: query.page },
      });
      return { items: rows.map(toItem), total, page: query.page, pageSize: SUPPORT_PAGE_SIZE };
    },

    async listForOperator(ctx: RequestContext, query: SupportPageQuery): Promise<SupportRequestsPage> {
      requireOperator(ctx);
      const offset = (query.page - 1) * SUPPORT_PAGE_SIZE;
      const { rows, total } = await repo.operatorRequests(db, {
        offset,
        limit: SUPPORT_PAGE_SIZE,
        status: query.status,
      });
      await recordAudit(db, ctx, {
        action: 'support_request.list',
        resourceType: 'support_request',
        details: { page: query.page, status: query.status ?? null },
      });
      return { items: rows.map(toItem), total, page: query.page, pageSize: SUPPORT_PAGE_SIZE };
    },

    /** The operator answers a request routed to it (it stays answerable until closed). */
    async reply(ctx: RequestContext, id: string, body: SupportReplyBody): Promise<SupportRequestItem> {
      const operatorId = requireOperator(ctx);
      return db.transaction(async (tx) => {
        const found = await repo.findOperatorRequest(tx, id);
        if (!found) {
          throw new NotFoundError(
            'Fant ingen henvendelse til driftsoperatøren med denne id-en.',
            'support_request_not_found',
          );
        }
        if (found.status === 'closed') {
          throw new ConflictError('Henvendelsen er avsluttet.', 'support_request_closed');
        }
        await repo.updateOperatorRequest(tx, id, {
          status: 'answered',
          reply: body.reply,
          repliedAt: new Date(),
          repliedByOperatorId: operatorId,
        });
        await recordAudit(tx, inThe(ctx, found.municipalityId), {
          action: 'support_request.reply',
          resourceType: 'support_request',
          resourceId: id,
        });
        const { rows } = await repo.operatorRequests(tx, { offset: 0, limit: 1, only: id });
        return toItem(rows[0] as repo.ListedRequest);
      });
    },

    async close(ctx: RequestContext, id: string): Promise<SupportRequestItem> {
      requireOperator(ctx);
      return db.transaction(async (tx) => {
        const found = await repo.findOperatorRequest(tx, id);
        if (!found) {
          throw new NotFoundError(
            'Fant ingen henvendelse til driftsoperatøren med denne id-en.',
            'support_request_not_found',
          );
        }
        if (found.status !== 'closed') {
          await repo.updateOperatorRequest(tx, id, { status: 'closed', closedAt: new Date() });
        }
        await recordAudit(tx, inThe(ctx, found.municipalityId), {
          action: 'support_request.close',
          resourceType: 'support_request',
          resourceId: id,
        });
        const { rows } = await repo.operatorRequests(tx, { offset: 0, limit: 1, only: id });
        return toItem(rows[0] as repo.ListedRequest);
      });
    },
  };
}
