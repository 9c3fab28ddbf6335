import type { IncomingMessage, ServerResponse } from 'node:http';
import { isValidNin } from '@helsebro/contracts';
import type { Provider } from 'oidc-provider';
import type { Db } from '../../../platform/db/client.ts';
import { AppError, NotFoundError, ValidationError } from '../../../platform/errors.ts';
import { findCitizenByNin, findOperator, findPersonnel, listTestUsers } from '../accounts.repository.ts';
import {
  CITIZEN_ACR,
  claimsFor,
  formatAccountId,
  helseIdAccountFor,
  parseAccountId,
  type IdpAccountRef,
} from './idp-accounts.ts';
import { renderLoginPage, type LoginKind } from './idp.pages.ts';

export type LoginChoice = { account?: string | undefined; nin?: string | undefined; kind?: LoginKind | undefined };

/** What the IdP records for a login: the account and, for citizens, ID-porten's level and method. */
export type ChosenLogin = { accountId: string; acr?: string; amr?: string[] };

/**
 * Resolves the login page's choice (a user button, or a typed identity number with the kind of login) to an
 * IdP account. The number is only compared, never logged.
 * @param db - the store
 * @param choice - the submitted form
 * @throws ValidationError for a malformed number or choice, NotFoundError when nobody has it
 */
export async function chooseLogin(db: Db, choice: LoginChoice): Promise<ChosenLogin> {
  const ref = choice.account ? parseAccountId(choice.account) : await refByNin(db, choice);
  if (!ref || !(await claimsFor(db, ref))) {
    throw new NotFoundError('Fant ikke testbrukeren. Velg en annen.', 'unknown_test_user');
  }
  const accountId = formatAccountId(ref);
  return ref.kind === 'citizen' ? { accountId, acr: CITIZEN_ACR, amr: ['TestID'] } : { accountId };
}

async function refByNin(db: Db, choice: LoginChoice): Promise<IdpAccountRef | null> {
  const nin = (choice.nin ?? '').replace(/[\s.-]/g, '');
  if (!nin) {
    throw new ValidationError('Skriv inn et fødselsnummer eller velg en testbruker.', [], 'nin_missing');
  }
  if (!isValidNin(nin)) {
    throw new ValidationError(
      'Fødselsnummeret er ikke gyldig. Det skal ha 11 siffer med riktige kontrollsiffer.',
      [],
      'nin_invalid',
    );
  }
  const unknown = new NotFoundError('Fant ingen testbruker med dette fødselsnummeret.', 'nin_unknown');
  switch (choice.kind ?? 'citizen') {
    case 'citizen': {
      const p = await findCitizenByNin(db, nin);
      if (!p) {
        throw unknown;
      }
      return { kind: 'citizen', id: p.id };
    }
    case 'personnel': {
      const p = await findPersonnel(db, { nin });
      const first = p?.workplaces[0];
      if (!p || !first) {
        return helseIdAccountFor(nin);
      }
      return { kind: 'personnel', id: p.id, municipalityId: first.municipalityId };
    }
    case 'operator': {
      const o = await findOperator(db, { nin });
      if (!o) {
        throw unknown;
      }
      return { kind: 'operator', id: o.id };
    }
  }
}

const MAX_USERS_PER_GROUP = 40;

export type InteractionAnswer = { redirect: string } | { status: number; html: string };

/**
 * The IdP's login interaction on top of oidc-provider (whose API takes the raw request and response, to read
 * its interaction cookie).
 * @param provider - the development provider
 * @param db - the store
 */
export function createIdpInteractions(provider: Provider, db: Db) {
  const page = async (uid: string, form: LoginChoice & { error?: string } = {}) =>
    renderLoginPage({ ...form, uid, clientName: 'Helsebro', users: await listTestUsers(db, MAX_USERS_PER_GROUP) });
  const details = async (req: IncomingMessage, res: ServerResponse, uid: string) => {
    const found = await provider.interactionDetails(req, res);
    if (found.uid !== uid) {
      throw new AppError(400, 'interaction_mismatch', 'Innloggingen hører til en annen fane. Start på nytt.');
    }
    return found;
  };

  return {
    /**
     * The login page of a pending interaction.
     * @param uid - the interaction id from the URL
     */
    async show(req: IncomingMessage, res: ServerResponse, uid: string): Promise<string> {
      return page((await details(req, res, uid)).uid);
    },

    /**
     * Completes the interaction with the chosen user (redirect back into the provider), or shows the page again
     * with the error when a typed number is invalid or unknown.
     * @param uid - the interaction id from the URL
     * @param choice - the submitted form
     */
    async submit(
      req: IncomingMessage,
      res: ServerResponse,
      uid: string,
      choice: LoginChoice,
    ): Promise<InteractionAnswer> {
      await details(req, res, uid);
      try {
        const login = await chooseLogin(db, choice);
        return { redirect: await provider.interactionResult(req, res, { login }, { mergeWithLastSubmission: false }) };
      } catch (err) {
        if (!(err instanceof AppError) || choice.account) {
          throw err;
        }
        return { status: err.status, html: await page(uid, { ...choice, error: err.message }) };
      }
    },
  };
}
