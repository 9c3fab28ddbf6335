import type { Config } from '../config.ts';

/** What `npm start` prints once the server listens: where to go and whom to log in as. */
export function printDemoBanner(config: Config): void {
  const lines = [
    '',
    `  Helsebro kjører på ${config.publicUrl}`,
    '',
    '  Logg inn med "Logg inn" og velg en testbruker på innloggingssiden:',
    '    innbygger  Kari Nordmann',
    '    sykepleier Siri Sykepleier (hjemmesykepleien)',
    '    operatør   Ola Operatør (driftskonsollen)',
    '',
    `  Lagring: ${config.databaseUrl ? 'PostgreSQL' : `PGlite i ${config.dataDir}/pglite`}`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
