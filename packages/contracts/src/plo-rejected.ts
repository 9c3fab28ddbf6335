import { z } from 'zod';
import { herId } from './plo.ts';
import { ploConsoleParty, ploConsolePatient } from './plo-console.ts';

/**
 * Rejected messages (issue 14, D6): a message the hub answered with a negative AppRec — unknown receiver, unknown
 * patient, schema errors — is kept, and shown to the message handlers of the organisation it was addressed to,
 * with the reason. They forward one that reached the wrong service of their organisation to the right one, or
 * close it with a note (the sender has been told by the AppRec). Every action is audited.
 *
 *   GET  /api/plo/console/rejected?state=open|done&page=    → ploRejectedListResponse
 *   POST /api/plo/console/rejected/:id/close    ploRejectedCloseBody   → ploRejectedItem
 *   POST /api/plo/console/rejected/:id/forward  ploRejectedForwardBody → ploRejectedItem (409 when already done)
 */
export const PLO_REJECTED_LIMITS = { pageSize: 20, maxNoteLength: 2_000 } as const;

export const ploRejectedItem = z.object({
  id: z.string(),
  msgType: z.string().nullable(),
  typeName: z.string().nullable(),
  /** `rejected`: negative AppRec; `refused`: a sender level the partner may not speak for. */
  status: z.enum(['rejected', 'refused']),
  at: z.string(),
  sender: ploConsoleParty,
  /** As the message addressed it (the service may be one we do not have). */
  receiver: ploConsoleParty,
  patient: ploConsolePatient,
  /** Why, as code list 8221 codes with the Norwegian text and the detail the AppRec carried. */
  reasons: z.array(z.object({ code: z.string(), text: z.string(), detail: z.string().nullable() })),
  /** What a handler did with it; null while it waits. */
  done: z
    .object({
      outcome: z.enum(['closed', 'forwarded']),
      note: z.string(),
      by: z.string().nullable(),
      at: z.string(),
      forwardedTo: z.object({ herId: z.string(), name: z.string() }).nullable(),
    })
    .nullable(),
});
export type PloRejectedItem = z.infer<typeof ploRejectedItem>;

export const ploRejectedListQuery = z.object({
  state: z.enum(['open', 'done']).default('open'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type PloRejectedListQuery = z.infer<typeof ploRejectedListQuery>;

export const ploRejectedListResponse = z.object({
  items: z.array(ploRejectedItem),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  /** Waiting across the caller's organisation (for the console's link). */
  openCount: z.number().int(),
  /** The services of the caller's organisation a message can be forwarded to. */
  services: z.array(z.object({ herId, name: z.string() })),
});
export type PloRejectedListResponse = z.infer<typeof ploRejectedListResponse>;

export const ploRejectedParams = z.object({ id: z.uuid() });

const note = z.string().trim().min(1, 'Skriv et notat.').max(PLO_REJECTED_LIMITS.maxNoteLength);
export const ploRejectedCloseBody = z.object({ note });
export type PloRejectedCloseBody = z.infer<typeof ploRejectedCloseBody>;
export const ploRejectedForwardBody = z.object({ serviceHerId: herId, note });
export type PloRejectedForwardBody = z.infer<typeof ploRejectedForwardBody>;
