import type { NotCancellableReason } from '@helsebro/contracts';
import { AppError, ConflictError, ForbiddenError } from '../../platform/errors.ts';

/** 409 "taken": someone else booked the slot first; the database's unique index decided it. */
export class SlotTakenError extends ConflictError {
  constructor() {
    super('Timen er nettopp tatt av noen andre. Velg en annen ledig time.', 'slot_taken');
  }
}

/** 409: the appointment was cancelled or carried out meanwhile, so it can no longer be moved or cancelled. */
export class NoLongerBookedError extends ConflictError {
  constructor() {
    super('Timeavtalen er ikke lenger bestilt.', 'appointment_not_booked');
  }
}

/** A 422 business rule refusal with a stable code. */
export class RuleError extends AppError {
  constructor(code: string, message: string) {
    super(422, code, message);
  }
}

export type CancelRefusalInfo = {
  reason: NotCancellableReason;
  cancelDeadline: string | null;
  cancelByDate: string | null;
  unit: { id: string; name: string; phone: string | null; openingHours: string | null };
};

const REFUSAL: Record<Exclude<NotCancellableReason, 'not_permitted'>, { status: number; code: string }> = {
  deadline_passed: { status: 422, code: 'cancel_deadline_passed' },
  type_not_cancellable: { status: 422, code: 'type_not_cancellable' },
  request_pending: { status: 409, code: 'request_pending' },
  not_booked: { status: 409, code: 'appointment_not_booked' },
};

/**
 * A refused cancellation, answered as problem+json with the reason, the deadline and the unit's phone as extension
 * members (RFC 9457 §3.2), so the citizen sees why and whom to call.
 * @param info - why, until when, and the unit
 */
export function cancelRefused(info: CancelRefusalInfo): AppError {
  if (info.reason === 'not_permitted') {
    return new ForbiddenError(
      'Du kan ikke avbestille for denne personen. Det krever tjenesteområdet «Digitale helsetjenester».',
      'service_area_not_granted',
    );
  }
  const phone = info.unit.phone ? ` Ring ${info.unit.name} på ${info.unit.phone}.` : ` Kontakt ${info.unit.name}.`;
  const text: Record<typeof info.reason, string> = {
    deadline_passed: `Fristen for å avbestille digitalt gikk ut ${info.cancelByDate ?? ''}.${phone}`,
    type_not_cancellable: `Denne timen kan ikke avbestilles digitalt.${phone}`,
    request_pending: 'Du har allerede sendt en forespørsel om denne timen. Vent på svar fra enheten.',
    not_booked: 'Timen er ikke lenger bestilt.',
  };
  const { status, code } = REFUSAL[info.reason];
  return new AppError(status, code, text[info.reason], [], {
    reason: info.reason,
    cancelDeadline: info.cancelDeadline,
    cancelByDate: info.cancelByDate,
    unit: info.unit,
  });
}

/**
 * Whether an error is a unique-constraint violation (SQLSTATE 23505), as node-postgres or PGlite report it,
 * possibly wrapped by drizzle.
 * @param err - what was thrown
 */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23505') {
      return true;
    }
  }
  return false;
}
