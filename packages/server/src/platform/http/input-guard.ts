import type { FastifyRequest } from 'fastify';
import { ValidationError } from '../errors.ts';
import type { App } from './app-type.ts';

/**
 * Text PostgreSQL cannot store, whatever the field: U+0000 in text or jsonb ("invalid byte sequence for encoding
 * UTF8: 0x00"), and a lone UTF-16 surrogate, which JSON may escape (`"\udfff"`) but jsonb refuses ("invalid
 * input syntax for type json") wherever request text reaches an audit entry's details. Either would reach the
 * store as a 500 from whichever query met it first, and no field of any route means it, so both are refused once
 * for every route, before validation.
 */
const NUL = '\u0000';
/** A UTF-16 surrogate without its other half. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function flawOf(s: string): string | null {
  return s.includes(NUL) ? 'nulltegn (U+0000)' : LONE_SURROGATE.test(s) ? 'halvt tegn (enslig surrogat)' : null;
}

/**
 * Refuses a value holding a NUL or a lone surrogate in any string or object key, with 400 `invalid_character`
 * naming where.
 * @param value - parsed input: a string, or objects and arrays of them
 * @param where - the name of the input, e.g. `body` or `fields`
 */
export function refuseUnstorableText(value: unknown, where: string): void {
  const stack: Array<[unknown, string]> = [[value, where]];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      const flaw = flawOf(v);
      if (flaw) {
        throw invalidCharacter(path, flaw);
      }
    } else if (typeof v === 'object' && v !== null && !Buffer.isBuffer(v)) {
      for (const [k, child] of Object.entries(v)) {
        const flaw = flawOf(k);
        if (flaw) {
          throw invalidCharacter(path, flaw);
        }
        stack.push([child, `${path}.${k}`]);
      }
    }
  }
}

function invalidCharacter(path: string, flaw: string): ValidationError {
  return new ValidationError(
    'Forespørselen inneholder tegn som ikke kan brukes i tekst.',
    [{ path, message: flaw }],
    'invalid_character',
  );
}

/**
 * Checks the path parameters, the query and a parsed body (JSON, form or plain text) of every request. A body
 * left as bytes (PLO XML) is its parser's to refuse; multipart fields are read by the routes, which call
 * `refuseUnstorableText` themselves.
 * @param app - the root application
 */
export function registerInputGuard(app: App): void {
  app.addHook('preValidation', async (req: FastifyRequest) => {
    refuseUnstorableText(req.params, 'params');
    refuseUnstorableText(req.query, 'querystring');
    refuseUnstorableText(req.body, 'body');
  });
}
