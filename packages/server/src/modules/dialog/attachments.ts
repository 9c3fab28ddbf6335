import { createHash } from 'node:crypto';
import { DIALOG_LIMITS, type AttachmentType } from '@helsebro/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError, ValidationError } from '../../platform/errors.ts';
import { safeFilename } from '../../platform/http/content-disposition.ts';
import { refuseUnstorableText } from '../../platform/http/input-guard.ts';

export type UploadedFile = { filename: string; contentType: AttachmentType; bytes: Buffer; sha256: string };
export type MessageInput = { fields: Record<string, string>; files: UploadedFile[] };

/**
 * The type of a file judged from its first bytes (magic numbers), never from its name or declared type. Only the
 * start counts, so a polyglot ("%PDF-" then HTML, or then an MZ executable) is a PDF: it is stored, served and
 * named as one (see readMessageInput), so it opens as a PDF.
 * @returns the content type, or null for anything but PDF, JPEG and PNG
 */
export function sniffType(bytes: Buffer): AttachmentType | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    return 'application/pdf';
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return 'image/jpeg';
  }
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  return null;
}

/**
 * Reads a multipart message (text fields and files) completely into memory before anything is stored, so a bad
 * file leaves nothing behind. Files over DIALOG_LIMITS.maxAttachmentBytes give 413, others a 400 naming the file.
 *
 * A file's stored name takes the extension of the type its bytes have ("x.html" holding a PDF is stored as
 * "x.pdf", "setup.exe" as "setup.pdf"), rather than the upload being refused when name and content disagree:
 * - the name is what a user's system opens a saved file with, so once it always says the detected type, a
 *   polyglot opens as a PDF or an image, never as a web page or a program, and it is served as that type with
 *   nosniff and attachment; a refusal would make nothing safer than that;
 * - refusing only the "dangerous" disagreements needs a list of dangerous extensions (html, svg, exe, scr,
 *   hta, lnk, js, …) that is never complete, while this rule needs none;
 * - harmless disagreements are common (a phone's JPEG still called .heic, a screenshot PNG saved as .jpg, a
 *   scanner's name without extension), and a citizen has no easy way to rename a file and try again.
 * @param req - a request on a route of the dialog plugin (where @fastify/multipart is registered)
 */
export async function readMessageInput(req: FastifyRequest): Promise<MessageInput> {
  if (!req.isMultipart()) {
    throw new AppError(415, 'multipart_required', 'Meldingen må sendes som multipart/form-data.');
  }
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') {
        fields[part.fieldname] = typeof part.value === 'string' ? part.value : String(part.value);
        continue;
      }
      const bytes = await part.toBuffer();
      // A file part may come without a filename at all (busboy then leaves it undefined, whatever the type says).
      const name = (part.filename as string | undefined) ?? '';
      // The given name, cleaned of controls and bidi overrides, for messages; stored with the detected extension.
      const given = safeFilename(name);
      if (bytes.length === 0) {
        throw new ValidationError(
          `Filen «${given}» er tom.`,
          [{ path: 'files', message: 'tom fil' }],
          'attachment_empty',
        );
      }
      const contentType = sniffType(bytes);
      if (!contentType) {
        throw new ValidationError(
          `Filen «${given}» er ikke en PDF, JPEG eller PNG. Vi sjekker innholdet i filen, ikke navnet.`,
          [{ path: 'files', message: 'filtypen er ikke tillatt' }],
          'attachment_type_not_allowed',
        );
      }
      files.push({
        filename: safeFilename(name, contentType),
        contentType,
        bytes,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      });
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(
        413,
        'attachment_too_large',
        'En fil er større enn 10 MB. Del den opp eller send et mindre bilde.',
      );
    }
    if (code === 'FST_FILES_LIMIT') {
      throw new ValidationError(
        `Du kan legge ved høyst ${DIALOG_LIMITS.maxAttachments} filer.`,
        [{ path: 'files', message: 'for mange filer' }],
        'too_many_attachments',
      );
    }
    throw err;
  }
  refuseUnstorableText(fields, 'fields');
  return { fields, files };
}
