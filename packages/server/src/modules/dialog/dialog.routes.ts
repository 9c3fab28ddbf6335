import {
  assignConversationBody,
  attachmentParams,
  conversationParams,
  conversationResponse,
  conversationsResponse,
  dialogUnitsResponse,
  DIALOG_LIMITS,
  serviceUnitSettings,
  staffDialogUnitsResponse,
  staffInboxResponse,
  unitParams,
  unitStaffResponse,
  updateServiceUnitSettingsBody,
} from '@helsebro/contracts';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/auth.ts';
import { sendDownload } from '../../platform/http/content-disposition.ts';
import { readMessageInput } from './attachments.ts';
import type { DialogService } from './dialog.service.ts';

/** Citizen and staff dialog routes; multipart is registered here only. */
export const dialogRoutes: FastifyPluginAsyncZod<{ service: DialogService }> = async (app, { service }) => {
  await app.register(multipart, {
    limits: {
      fileSize: DIALOG_LIMITS.maxAttachmentBytes,
      files: DIALOG_LIMITS.maxAttachments,
      fields: 10,
      fieldSize: DIALOG_LIMITS.maxTextLength * 4,
      parts: 20,
    },
  });
  const citizen = requireActor('citizen');
  const staff = requireActor('personnel');
  const both = requireActor('citizen', 'personnel');

  app.get(
    '/api/dialog/units',
    { schema: { response: { 200: dialogUnitsResponse } }, preHandler: citizen },
    async (req) => {
      return service.units(req.ctx);
    },
  );
  app.get(
    '/api/dialog/conversations',
    { schema: { response: { 200: conversationsResponse } }, preHandler: citizen },
    async (req) => {
      return service.listConversations(req.ctx);
    },
  );
  app.post(
    '/api/dialog/conversations',
    { schema: { response: { 201: conversationResponse } }, preHandler: citizen },
    async (req, reply) => reply.code(201).send(await service.start(req.ctx, await readMessageInput(req))),
  );
  app.get(
    '/api/dialog/conversations/:id',
    { schema: { params: conversationParams, response: { 200: conversationResponse } }, preHandler: citizen },
    async (req) => {
      return service.readConversation(req.ctx, req.params.id);
    },
  );
  app.post(
    '/api/dialog/conversations/:id/messages',
    { schema: { params: conversationParams, response: { 201: conversationResponse } }, preHandler: citizen },
    async (req, reply) =>
      reply.code(201).send(await service.citizenReply(req.ctx, req.params.id, await readMessageInput(req))),
  );
  for (const url of ['/api/dialog/attachments/:id', '/api/staff/dialog/attachments/:id']) {
    app.get(url, { schema: { params: attachmentParams }, preHandler: both }, async (req, reply) =>
      sendDownload(reply, await service.attachment(req.ctx, req.params.id)),
    );
  }

  app.get(
    '/api/staff/dialog/units',
    { schema: { response: { 200: staffDialogUnitsResponse } }, preHandler: staff },
    async (req) => {
      return service.staffUnits(req.ctx);
    },
  );
  app.get(
    '/api/staff/dialog/units/:unitId/inbox',
    { schema: { params: unitParams, response: { 200: staffInboxResponse } }, preHandler: staff },
    async (req) => {
      return service.inbox(req.ctx, req.params.unitId);
    },
  );
  app.get(
    '/api/staff/dialog/units/:unitId/staff',
    { schema: { params: unitParams, response: { 200: unitStaffResponse } }, preHandler: staff },
    async (req) => {
      return service.unitStaff(req.ctx, req.params.unitId);
    },
  );
  app.post(
    '/api/staff/dialog/units/:unitId/conversations',
    { schema: { params: unitParams, response: { 201: conversationResponse } }, preHandler: staff },
    async (req, reply) => {
      const input = await readMessageInput(req);
      const personId = input.fields.personId ?? null;
      return reply.code(201).send(await service.unitStart(req.ctx, req.params.unitId, personId, input));
    },
  );
  app.get(
    '/api/staff/dialog/units/:unitId/settings',
    { schema: { params: unitParams, response: { 200: serviceUnitSettings } }, preHandler: staff },
    async (req) => service.settings(req.ctx, req.params.unitId),
  );
  app.put(
    '/api/staff/dialog/units/:unitId/settings',
    {
      schema: { params: unitParams, body: updateServiceUnitSettingsBody, response: { 200: serviceUnitSettings } },
      preHandler: staff,
    },
    async (req) => service.updateSettings(req.ctx, req.params.unitId, req.body),
  );
  app.get(
    '/api/staff/dialog/conversations/:id',
    { schema: { params: conversationParams, response: { 200: conversationResponse } }, preHandler: staff },
    async (req) => {
      return service.staffReadConversation(req.ctx, req.params.id);
    },
  );
  app.post(
    '/api/staff/dialog/conversations/:id/messages',
    { schema: { params: conversationParams, response: { 201: conversationResponse } }, preHandler: staff },
    async (req, reply) =>
      reply.code(201).send(await service.staffReply(req.ctx, req.params.id, await readMessageInput(req))),
  );
  app.post(
    '/api/staff/dialog/conversations/:id/close',
    { schema: { params: conversationParams, response: { 200: conversationResponse } }, preHandler: staff },
    async (req) => service.close(req.ctx, req.params.id),
  );
  app.post(
    '/api/staff/dialog/conversations/:id/assign',
    {
      schema: { params: conversationParams, body: assignConversationBody, response: { 200: conversationResponse } },
      preHandler: staff,
    },
    async (req) => service.assign(req.ctx, req.params.id, req.body.personnelId),
  );
};
