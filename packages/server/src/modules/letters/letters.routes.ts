import {
  citizenLettersResponse,
  LETTER_LIMITS,
  letterParams,
  letterUnitParams,
  lettersQuery,
  printListResponse,
  staffLetter,
  staffLetterUnitsResponse,
  staffLettersResponse,
} from '@helsebro/contracts';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, ValidationError } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/auth.ts';
import { sendDownload } from '../../platform/http/content-disposition.ts';
import { refuseUnstorableText } from '../../platform/http/input-guard.ts';
import type { LetterInput, LettersService } from './letters.service.ts';

/**
 * Reads the staff form (multipart: nin, title, importance and one file) completely before anything is stored; a
 * file over the limit is 413, a second file 400.
 */
async function readLetterForm(req: FastifyRequest): Promise<LetterInput> {
  if (!req.isMultipart()) {
    throw new AppError(415, 'multipart_required', 'Brevet må sendes som multipart/form-data.');
  }
  const fields: Record<string, string> = {};
  let file: LetterInput['file'] = null;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') {
        fields[part.fieldname] = typeof part.value === 'string' ? part.value : String(part.value);
        continue;
      }
      const bytes = await part.toBuffer();
      file = { filename: part.filename ?? '', bytes };
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(413, 'letter_too_large', 'Brevet er større enn 10 MB.');
    }
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw new AppError(413, 'letter_form_too_large', 'Skjemaet har flere felt enn et brev har.');
    }
    if (code === 'FST_FILES_LIMIT') {
      throw new ValidationError('Legg ved ett brev.', [{ path: 'file', message: 'for mange filer' }], 'too_many_files');
    }
    throw err;
  }
  refuseUnstorableText(fields, 'fields');
  return { nin: fields.nin ?? '', title: fields.title ?? '', importance: fields.importance ?? '', file };
}

/** Citizen and staff routes of the letters; multipart is registered here only. */
export const lettersRoutes: FastifyPluginAsyncZod<{ service: LettersService }> = async (app, { service }) => {
  await app.register(multipart, {
    limits: { fileSize: LETTER_LIMITS.maxPdfBytes, files: 1, fields: 6, fieldSize: 1000, parts: 8 },
  });
  const citizen = requireActor('citizen');
  const staff = requireActor('personnel');

  app.get(
    '/api/letters',
    { schema: { querystring: lettersQuery, response: { 200: citizenLettersResponse } }, preHandler: citizen },
    async (req) => service.citizenLetters(req.ctx, req.query.page),
  );
  app.get('/api/letters/:id/document', { schema: { params: letterParams }, preHandler: citizen }, async (req, reply) =>
    sendDownload(reply, await service.open(req.ctx, req.params.id)),
  );

  app.get(
    '/api/staff/letters/units',
    { schema: { response: { 200: staffLetterUnitsResponse } }, preHandler: staff },
    async (req) => service.units(req.ctx),
  );
  app.post(
    '/api/staff/letters/units/:unitId/letters',
    { schema: { params: letterUnitParams, response: { 201: staffLetter } }, preHandler: staff },
    async (req, reply) =>
      reply.code(201).send(await service.send(req.ctx, req.params.unitId, await readLetterForm(req))),
  );
  app.get(
    '/api/staff/letters/units/:unitId/letters',
    {
      schema: { params: letterUnitParams, querystring: lettersQuery, response: { 200: staffLettersResponse } },
      preHandler: staff,
    },
    async (req) => service.unitLetters(req.ctx, req.params.unitId, req.query.page),
  );
  app.get(
    '/api/staff/letters/units/:unitId/print-list',
    { schema: { params: letterUnitParams, response: { 200: printListResponse } }, preHandler: staff },
    async (req) => service.printList(req.ctx, req.params.unitId),
  );
  app.get(
    '/api/staff/letters/:id/document',
    { schema: { params: letterParams }, preHandler: staff },
    async (req, reply) => sendDownload(reply, await service.staffDocument(req.ctx, req.params.id)),
  );
  app.post(
    '/api/staff/letters/:id/printed',
    { schema: { params: letterParams, response: { 200: staffLetter } }, preHandler: staff },
    async (req) => service.markPrinted(req.ctx, req.params.id),
  );
};
