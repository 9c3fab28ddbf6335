import {
  EPJ_API_PREFIX,
  epjLetterBody,
  LETTER_LIMITS,
  letterParams,
  problemResponse,
  staffLetter,
} from '@helsebro/contracts';
import type { EpjRoutes } from '../epj/index.ts';
import { createLettersService } from './letters.service.ts';

const tags = ['letters'];

/**
 * Letters in the EPJ API (/epj/v1): an EPJ sends a letter for a unit of its municipality through the same service
 * as the staff workspace (gate, PDF check, channel decided and recorded), and reads its delivery report.
 */
export const epjLetterRoutes: EpjRoutes = async (app, { platform }) => {
  const service = createLettersService(platform);
  app.post(
    `${EPJ_API_PREFIX}/letters`,
    {
      // The PDF travels as base64 in JSON: up to 10 MB of PDF is about 13.4 MB of body.
      bodyLimit: Math.ceil((LETTER_LIMITS.maxPdfBytes * 4) / 3) + 64 * 1024,
      schema: {
        tags,
        summary:
          'Send a letter (PDF, base64) to a citizen who receives services from the unit; the channel (Helsebro with ' +
          'a notice, or print) is decided against KRR and returned with its reason',
        body: epjLetterBody,
        response: { 201: staffLetter, 409: problemResponse, 413: problemResponse, 422: problemResponse },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const letter = await service.send(req.ctx, b.serviceUnitId, {
        nin: b.nin,
        title: b.title,
        importance: b.importance,
        file: { filename: b.document.filename ?? 'brev.pdf', bytes: Buffer.from(b.document.data, 'base64') },
      });
      return reply.code(201).send(letter);
    },
  );
  app.get(
    `${EPJ_API_PREFIX}/letters/:id`,
    {
      schema: {
        tags,
        summary: 'The delivery report of a letter: channel and reason, notified, opened, printed',
        params: letterParams,
        response: { 200: staffLetter },
      },
    },
    async (req) => service.staffLetter(req.ctx, req.params.id),
  );
};
