/**
 * The small part of oidc-provider 9 that Helsebro's development IdP uses. The package ships no type
 * declarations (and @types/oidc-provider stops at version 8), so these are ours.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export type InteractionDetails = {
    uid: string;
    returnTo: string;
    prompt: { name: string; reasons: string[]; details: Record<string, unknown> };
    params: Record<string, unknown> & { client_id?: string; scope?: string };
    session?: { accountId?: string };
    grantId?: string;
    lastSubmission?: Record<string, unknown>;
  };

  export type LoginResult = { login: { accountId: string; acr?: string; amr?: string[]; remember?: boolean } };
  export type ConsentResult = { consent: { grantId: string } };
  export type ErrorResult = { error: string; error_description?: string };

  export type Grant = {
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  };

  export type KoaContext = {
    type: string;
    body: string;
    status: number;
    host: string;
    oidc: {
      client?: { clientId: string; clientName?: string };
      session?: { accountId?: string; grantIdFor(clientId: string): string | undefined };
      result?: { consent?: { grantId?: string } };
      provider: Provider;
    };
  };

  export class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    readonly issuer: string;
    proxy: boolean;
    Grant: {
      new (init: { clientId: string; accountId: string }): Grant;
      find(id: string): Promise<Grant | undefined>;
    };
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionResult(
      req: IncomingMessage,
      res: ServerResponse,
      result: LoginResult | ConsentResult | ErrorResult,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<string>;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  /** OAuth error classes; the resource server settings throw InvalidTarget for an unknown resource. */
  export const errors: { InvalidTarget: new (description?: string) => Error };

  export default Provider;
}

declare module 'oidc-provider/lib/adapters/memory_adapter.js' {
  /** The built-in in-memory storage, created explicitly (the implicit default prints a warning). */
  export function createMemoryAdapter(clockTolerance?: number): (model: string) => unknown;
}
