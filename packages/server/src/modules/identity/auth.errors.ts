import { AppError } from '../../platform/errors.ts';

/**
 * A login that cannot complete for a reason the user can act on (expired attempt, refused at the IdP, not
 * registered here). Always 4xx; the message is Norwegian and safe to show.
 */
export class LoginFailedError extends AppError {
  constructor(status: 400 | 403, code: string, message: string, extensions: { audience?: 'staff' | 'citizen' } = {}) {
    super(status, code, message, [], extensions);
  }
}
