import { AppError } from '../../platform/errors.ts';

/**
 * Route config for @fastify/rate-limit (registered with `global: false`): at most `max` requests a minute per
 * client address on the route, answered beyond that with 429 problem+json `rate_limited` (and Retry-After).
 * @param max - requests per minute
 */
export function perMinute(max: number) {
  return {
    rateLimit: {
      max,
      timeWindow: '1 minute',
      errorResponseBuilder: () =>
        new AppError(429, 'rate_limited', 'For mange forsøk på kort tid. Vent et minutt og prøv igjen.'),
    },
  };
}
