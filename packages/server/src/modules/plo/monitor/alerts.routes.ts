import {
  ploAlert,
  ploAlertCloseBody,
  ploAlertListQuery,
  ploAlertListResponse,
  ploAlertParams,
} from '@helsebro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../../platform/http/auth.ts';
import type { AlertsService } from './alerts.service.ts';

const BASE = '/api/plo/console/alerts';

/** The message console's alerts (contracts in plo-monitoring.ts); personnel only, the service checks the role. */
export const alertsRoutes: FastifyPluginAsyncZod<{ service: AlertsService }> = async (app, { service }) => {
  const staff = { preHandler: requireActor('personnel') };
  app.get(
    BASE,
    { ...staff, schema: { querystring: ploAlertListQuery, response: { 200: ploAlertListResponse } } },
    async (req) => service.list(req.ctx, req.query),
  );
  app.get(`${BASE}/:id`, { ...staff, schema: { params: ploAlertParams, response: { 200: ploAlert } } }, async (req) =>
    service.read(req.ctx, req.params.id),
  );
  app.post(
    `${BASE}/:id/acknowledge`,
    { ...staff, schema: { params: ploAlertParams, response: { 200: ploAlert } } },
    async (req) => service.acknowledge(req.ctx, req.params.id),
  );
  app.post(
    `${BASE}/:id/close`,
    { ...staff, schema: { params: ploAlertParams, body: ploAlertCloseBody, response: { 200: ploAlert } } },
    async (req) => service.close(req.ctx, req.params.id, req.body.note),
  );
};
