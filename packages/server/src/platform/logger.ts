import { pino, type Logger, type LoggerOptions } from 'pino';
import { redactDeep } from './redact.ts';

/**
 * Pino options shared by the server and the command-line tools. Identity numbers are masked in every
 * argument (Normen: no national identity number in logs); bodies, cookies and credentials are removed by path.
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        'body',
        'req.body',
        '*.body',
        '*.password',
        '*.token',
        '*.id_token',
        '*.access_token',
      ],
      remove: true,
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => redactDeep(a)) as Parameters<typeof method>);
      },
    },
  };
}

export function createLogger(level: string): Logger {
  return pino(loggerOptions(level));
}
