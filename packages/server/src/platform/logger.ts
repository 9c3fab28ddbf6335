import { pino, type Logger, type LoggerOptions } from 'pino';
import { redactNin } from './redact.ts';

/**
 * Pino options shared by the server and the command-line tools. Bodies, cookies and credentials are removed by
 * path; identity numbers are masked in the written line (see createLogger).
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
  };
}

/**
 * A pino logger whose every written line has national identity numbers masked (Normen: no identity number in
 * logs). Masking the serialised line, after pino's serializers ran, catches a number wherever it sits — a URL,
 * an error message, a nested field — without deep-copying objects on the hot path.
 * @param level - the pino level
 * @param destination - where lines go (stdout by default)
 */
export function createLogger(level: string, destination: { write(line: string): unknown } = process.stdout): Logger {
  return pino(loggerOptions(level), {
    write(line: string) {
      destination.write(redactNin(line));
    },
  });
}
