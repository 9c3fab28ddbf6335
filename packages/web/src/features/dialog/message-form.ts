import { DIALOG_LIMITS } from '@helsebro/contracts/constants';

/** The fields of a message form, as the error summary names them. */
export type MessageField = 'serviceUnitId' | 'subject' | 'text' | 'files' | 'form';
/** A problem to show: a translation key and its values, or the words themselves. */
export type MessageProblem = { key: string; values?: Record<string, unknown>; text?: string };
export type MessageErrors = Partial<Record<MessageField, MessageProblem>>;

export type MessageDraft = {
  /** Null when the form answers an existing conversation. */
  serviceUnitId: string | null;
  subject: string | null;
  text: string;
  files: File[];
};

const EXTENSIONS = ['.pdf', '.jpg', '.jpeg', '.png'];

/**
 * Whether a chosen file looks like a PDF, JPEG or PNG by its name and the type the browser gives it, so a wrong
 * file is refused when chosen, naming it (issue 15). Only a first answer: the server still judges the bytes, so a
 * renamed program is refused there.
 * @param file - a chosen file
 */
export function looksAllowed(file: File): boolean {
  const name = file.name.toLowerCase();
  const types: readonly string[] = DIALOG_LIMITS.attachmentTypes;
  return EXTENSIONS.some((e) => name.endsWith(e)) && (file.type === '' || types.includes(file.type));
}

/**
 * What the browser can tell before sending: the fields the server would refuse, files over the size limit or
 * empty, and files whose name and type are not a PDF, JPEG or PNG (the server reads the type from the bytes).
 * @param draft - the form as filled in
 */
export function validateMessage(draft: MessageDraft): MessageErrors {
  const errors: MessageErrors = {};
  if (draft.serviceUnitId !== null && draft.serviceUnitId === '') {
    errors.serviceUnitId = { key: 'dialog.errors.serviceUnitId' };
  }
  if (draft.subject !== null) {
    if (draft.subject.trim() === '') {
      errors.subject = { key: 'dialog.errors.subject' };
    } else if (draft.subject.trim().length > DIALOG_LIMITS.maxSubjectLength) {
      errors.subject = { key: 'dialog.errors.subjectTooLong', values: { max: DIALOG_LIMITS.maxSubjectLength } };
    }
  }
  if (draft.text.trim() === '') {
    errors.text = { key: 'dialog.errors.text' };
  } else if (draft.text.trim().length > DIALOG_LIMITS.maxTextLength) {
    errors.text = { key: 'dialog.errors.textTooLong', values: { max: DIALOG_LIMITS.maxTextLength } };
  }
  const wrongType = draft.files.find((f) => !looksAllowed(f));
  const big = draft.files.find((f) => f.size > DIALOG_LIMITS.maxAttachmentBytes);
  const empty = draft.files.find((f) => f.size === 0);
  if (draft.files.length > DIALOG_LIMITS.maxAttachments) {
    errors.files = { key: 'dialog.errors.tooManyFiles', values: { max: DIALOG_LIMITS.maxAttachments } };
  } else if (wrongType) {
    errors.files = { key: 'dialog.errors.fileType', values: { name: wrongType.name } };
  } else if (big) {
    errors.files = { key: 'dialog.errors.fileTooLarge', values: { name: big.name } };
  } else if (empty) {
    errors.files = { key: 'dialog.errors.fileEmpty', values: { name: empty.name } };
  }
  return errors;
}

/** The multipart body the server reads: text fields first, then the files under `files`. */
export function toFormData(draft: MessageDraft): FormData {
  const form = new FormData();
  if (draft.serviceUnitId !== null) {
    form.append('serviceUnitId', draft.serviceUnitId);
  }
  if (draft.subject !== null) {
    form.append('subject', draft.subject.trim());
  }
  form.append('text', draft.text);
  for (const file of draft.files) {
    form.append('files', file, file.name);
  }
  return form;
}

/** The field each of the server's error codes belongs to (contracts DIALOG_ERROR_CODES). */
const FIELD_OF: Record<string, MessageField> = {
  no_service_from_unit: 'serviceUnitId',
  // The unit starting a conversation with someone it does not serve: the whole form, it names no field.
  citizen_not_found: 'form',
  unit_closed_for_dialog: 'serviceUnitId',
  subject_required: 'subject',
  message_empty: 'text',
  attachment_type_not_allowed: 'files',
  attachment_empty: 'files',
  attachment_too_large: 'files',
  too_many_attachments: 'files',
};

/**
 * Places a refusal from the server at its field, in the reader's language.
 * @param code - the problem's `code`
 * @param paths - the field paths the problem names (`errors[].path`)
 */
export function placeServerError(code: string, paths: string[]): MessageErrors {
  let field: MessageField = FIELD_OF[code] ?? 'form';
  if (code === 'message_too_long') {
    field = paths.includes('subject') ? 'subject' : 'text';
  }
  return { [field]: { key: `dialog.problems.${code}` } };
}

/** "1,2 MB", "340 kB": a file's size as people read it. */
export function formatBytes(bytes: number, locale: string): string {
  const nf = (digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
  if (bytes >= 1024 * 1024) {
    return `${nf(1).format(bytes / (1024 * 1024))} MB`;
  }
  if (bytes >= 1024) {
    return `${nf(0).format(bytes / 1024)} kB`;
  }
  return `${nf(0).format(bytes)} B`;
}
