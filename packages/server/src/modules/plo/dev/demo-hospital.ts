import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../../config.ts';
import { UnauthenticatedError } from '../../../platform/errors.ts';
import type { Platform } from '../../../platform/platform.ts';
import { appRecPartyOf, buildAppRec } from '../apprec/apprec.build.ts';
import { isAppRec } from '../apprec/apprec.parse.ts';
import { DEMO_HOSPITAL_TOKEN } from '../address-register/demo-register.ts';
import { isMsgHead, parseMsgHead } from '../msghead/msghead.parse.ts';
import { PLO_XML_LIMITS, ploSchemaSet } from '../schema-set.ts';

/**
 * The token the demo hospital "issued to us": what Helsebro presents when it posts to the demo hospital's stand-in.
 * Demo only, like DEMO_HOSPITAL_TOKEN (the one the hospital presents to us); the stand-in exists only with the
 * development IdP.
 */
export const DEMO_HOSPITAL_INBOX_TOKEN = 'hb-demo-to-fjordvik-sykehus-2c8e61d0a95b47f3';
const INBOX_PATH = '/dev/demo-hospital/edi/v1/messages';

/** Where the single-instance demo sends the demo hospital's messages and AppRecs, if it has the stand-in. */
export function demoHospitalLink(config: Pick<Config, 'publicUrl' | 'oidc' | 'ploCredentialKey'>) {
  return config.oidc.devIdp
    ? {
        endpoint: `${config.publicUrl}${INBOX_PATH}`,
        token: DEMO_HOSPITAL_INBOX_TOKEN,
        secret: config.ploCredentialKey,
      }
    : undefined;
}
export type DemoHospitalLink = NonNullable<ReturnType<typeof demoHospitalLink>>;

const BEARER = /^Bearer (\S{16,512})$/i;

function sameToken(given: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(DEMO_HOSPITAL_INBOX_TOKEN);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The demo hospital's message endpoint, served with the development IdP so a fresh `npm start` has a partner that
 * answers (issue 15: the demo must not start collecting dead jobs). It speaks the real transport: it takes the XML
 * with the bearer token we were "issued", says 202, and for a business message answers as the receiving hospital
 * does, with an AppRec 1.1 (HIS 80415-1.1; status 1, or 2 with T02 when the XML does not validate) posted back to
 * our own `/edi/v1/messages` with the hospital's token. AppRecs it receives are taken and answered with nothing
 * (an AppRec is never acknowledged, HITS 1168 §5). It keeps nothing; the two-instance demo has a real hospital.
 */
export const demoHospitalStandIn: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  const { config, logger } = platform;
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    ['application/xml', 'text/xml'],
    { parseAs: 'buffer', bodyLimit: PLO_XML_LIMITS.maxBytes },
    (_req, body, done) => done(null, body),
  );

  const answer = async (bytes: Buffer): Promise<void> => {
    const outcome = ploSchemaSet().validate(bytes);
    if (!outcome.wellFormed || !isMsgHead(outcome.root)) {
      return;
    }
    const m = parseMsgHead(outcome.root).msgInfo;
    const built = buildAppRec({
      status: outcome.valid ? '1' : '2',
      errors: outcome.valid ? [] : [{ code: 'T02', detail: outcome.issues[0]?.message }],
      sender: appRecPartyOf(m.receiver),
      senderRole: 'PRIM',
      receiver: appRecPartyOf(m.sender),
      original: { type: m.type, genDate: m.genDate, msgId: m.msgId },
      genDate: platform.clock.now(),
    });
    const res = await fetch(`${config.publicUrl}/edi/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml', authorization: `Bearer ${DEMO_HOSPITAL_TOKEN}` },
      body: built.xml,
    });
    if (!res.ok) {
      logger.warn({ status: res.status, msgId: m.msgId }, 'the demo hospital could not post its AppRec');
    }
  };

  app.post(
    INBOX_PATH,
    {
      bodyLimit: PLO_XML_LIMITS.maxBytes,
      schema: { response: { 202: z.object({ outcome: z.literal('accepted') }) } },
    },
    async (req, reply) => {
      const token = BEARER.exec(req.headers.authorization ?? '')?.[1];
      if (!token || !sameToken(token)) {
        void reply.header('www-authenticate', 'Bearer realm="demo-hospital"');
        throw new UnauthenticatedError('Mangler gyldig nøkkel for demosykehuset.', 'partner_unauthenticated');
      }
      const bytes = req.body as Buffer;
      const root = ploSchemaSet().parse(bytes);
      if (!(root.wellFormed && isAppRec(root.root))) {
        // After the answer is sent, as the hospital's system receipts what it has taken in.
        setTimeout(() => {
          answer(bytes).catch((err: unknown) =>
            logger.warn(
              { err: err instanceof Error ? err.message : String(err) },
              'the demo hospital failed to answer',
            ),
          );
        }, 100).unref();
      }
      return reply.status(202).send({ outcome: 'accepted' as const });
    },
  );
};
