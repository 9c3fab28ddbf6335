import {
  EPJ_API_PREFIX,
  epjActionBody,
  epjConversationResponse,
  epjIdParams,
  epjReplyBody,
  epjStartConversationBody,
  problemResponse,
} from '@helsebro/contracts';
import { z } from 'zod';
import { sendDownload } from '../../platform/http/content-disposition.ts';
import type { EpjRoutes } from '../epj/index.ts';
import { createDialogService } from './dialog.service.ts';
import { createDialogEpjService } from './epj.service.ts';

/**
 * The dialog in the EPJ API (/epj/v1): starting a conversation with a citizen, a conversation, and reply,
 * read and close as the service unit, and its attachments. Registered by modules/epj inside its scope, which authenticates the client, sets its municipality,
 * counts its requests, and documents each route with the bearer requirement and the problem responses.
 */
export const epjDialogRoutes: EpjRoutes = async (app, { platform }) => {
  const service = createDialogEpjService(platform, createDialogService(platform));

  app.post(
    `${EPJ_API_PREFIX}/conversations`,
    {
      schema: {
        tags: ['dialog'],
        summary:
          'Start a conversation as the service unit with a citizen who has an active care relation with it, written by ' +
          'the named health worker; the citizen is notified (no content) and the feed gets conversation.created ' +
          'with startedBy: unit. Anyone else is 404.',
        body: epjStartConversationBody,
        response: { 201: epjConversationResponse, 404: problemResponse },
      },
    },
    async (req, reply) => reply.code(201).send(await service.start(req.ctx, req.body)),
  );
  app.get(
    `${EPJ_API_PREFIX}/conversations/:id`,
    {
      schema: {
        tags: ['dialog'],
        summary: 'A conversation with its messages, read status and attachment links (marks nothing read)',
        params: epjIdParams,
        response: { 200: epjConversationResponse },
      },
    },
    async (req) => service.conversation(req.ctx, req.params.id),
  );
  app.post(
    `${EPJ_API_PREFIX}/conversations/:id/messages`,
    {
      schema: {
        tags: ['dialog'],
        summary: 'Reply as the service unit, written by the named health worker; the citizen is notified',
        params: epjIdParams,
        body: epjReplyBody,
        response: { 201: epjConversationResponse, 409: problemResponse },
      },
    },
    async (req, reply) => reply.code(201).send(await service.reply(req.ctx, req.params.id, req.body)),
  );
  app.post(
    `${EPJ_API_PREFIX}/conversations/:id/read`,
    {
      schema: {
        tags: ['dialog'],
        summary: "Mark the citizen's messages read by the unit",
        params: epjIdParams,
        body: epjActionBody,
        response: { 200: epjConversationResponse },
      },
    },
    async (req) => service.markRead(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${EPJ_API_PREFIX}/conversations/:id/close`,
    {
      schema: {
        tags: ['dialog'],
        summary: 'Close the conversation (closing a closed one changes nothing)',
        params: epjIdParams,
        body: epjActionBody,
        response: { 200: epjConversationResponse },
      },
    },
    async (req) => service.close(req.ctx, req.params.id, req.body),
  );
  app.get(
    `${EPJ_API_PREFIX}/attachments/:id`,
    {
      schema: {
        tags: ['dialog'],
        summary: 'An attachment of a conversation (PDF, JPEG or PNG), as a download',
        params: epjIdParams,
        // Sent as bytes with the file's own type; Fastify does not serialize a Buffer.
        response: { 200: z.any().describe('The file (application/pdf, image/jpeg or image/png)') },
      },
    },
    async (req, reply) => sendDownload(reply, await service.attachment(req.ctx, req.params.id)),
  );
};
