import { DIALOG_LIMITS, type AuditAction } from '@helsebro/contracts';
import type { AuditEntry } from '../../platform/audit/audit.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { MessageInput } from './attachments.ts';
import type { ConversationRow } from './dialog.repository.ts';

/**
 * Validates subject and text (plain text, kept verbatim; only surrounding whitespace is trimmed).
 * @param withSubject - a new conversation needs a subject, a reply does not
 */
export function messageText(input: MessageInput, withSubject: boolean): { subject: string; text: string } {
  const text = (input.fields.text ?? '').trim();
  const subject = (input.fields.subject ?? '').trim();
  if (withSubject && subject.length === 0) {
    throw new ValidationError(
      'Skriv et emne for meldingen.',
      [{ path: 'subject', message: 'mangler' }],
      'subject_required',
    );
  }
  if (text.length === 0) {
    throw new ValidationError(
      'Meldingen er tom. Skriv hva du vil si.',
      [{ path: 'text', message: 'tom' }],
      'message_empty',
    );
  }
  if (text.length > DIALOG_LIMITS.maxTextLength || subject.length > DIALOG_LIMITS.maxSubjectLength) {
    throw new ValidationError(
      `Meldingen kan ha høyst ${DIALOG_LIMITS.maxTextLength} tegn og emnet ${DIALOG_LIMITS.maxSubjectLength}.`,
      [{ path: text.length > DIALOG_LIMITS.maxTextLength ? 'text' : 'subject', message: 'for lang' }],
      'message_too_long',
    );
  }
  return { subject, text };
}

/** The audit entry of a use case on one conversation: the citizen it is with is the subject. */
export function conversationEntry(
  action: AuditAction,
  conv: Pick<ConversationRow, 'id' | 'personId'>,
  details: Record<string, unknown> = {},
): AuditEntry {
  return { action, resourceType: 'dialog_conversation', resourceId: conv.id, subjectPersonId: conv.personId, details };
}

/** A feed event about a conversation for the unit's EPJ (modules/epj); refs carry ids only. */
export function epjEvent(
  kind: 'conversation.created' | 'message.created' | 'message.read' | 'conversation.closed',
  conv: Pick<ConversationRow, 'id' | 'municipalityId' | 'serviceUnitId' | 'personId'>,
  occurredAt: Date,
  refs: Record<string, string> = {},
) {
  return {
    municipalityId: conv.municipalityId,
    serviceUnitId: conv.serviceUnitId,
    personId: conv.personId,
    kind,
    refs: { conversationId: conv.id, ...refs },
    occurredAt,
  };
}
