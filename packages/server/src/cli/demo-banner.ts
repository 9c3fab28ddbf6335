import type { Config } from '../config.ts';
import { DEMO_HOSPITAL_TOKEN } from '../modules/plo/index.ts';

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
    '    kommunens administrator Astrid Aalberg (Fjordvik kommune, /ansatt/admin)',
    '',
    '  PLO-meldinger fra demosykehuset (Fjordvik sykehus HF) tas imot på',
    `    POST ${config.publicUrl}/edi/v1/messages  (Content-Type: application/xml)`,
    `    Authorization: Bearer ${DEMO_HOSPITAL_TOKEN}`,
    '  (se README, "Receiving PLO messages")',
    '',
    `  EPJ-API-et: ${config.publicUrl}/epj/v1 (OpenAPI: /epj/v1/openapi.json), demoklient for Fjordvik`,
    '    epj-demo-9901 / epj-demo-secret-9901  — prøv `npm run epj-sim` (se README, "EPJ integration")',
    '',
    `  Lagring: ${config.databaseUrl ? 'PostgreSQL' : `PGlite i ${config.dataDir}/pglite`}`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
