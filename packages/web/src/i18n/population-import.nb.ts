import type { Widen } from './widen.ts';

/** Bokmål: the operator's population register import (/drift/folkeregister). */
export const populationImportNb = {
  populationImport: {
    title: 'Folkeregisteret',
    lead: 'Les inn et uttrekk fra folkeregisteret: personene som bor i kommunene på Helsebro, med adresse og foreldreansvar. Det som ikke har endret seg, blir stående.',
    formHeading: 'Les inn et uttrekk',
    errorSummary: 'Uttrekket ble ikke lest inn',
    file: 'Registeruttrekk',
    fileHint: 'En .json-fil med en liste over personer, eller en .ndjson-fil med én endring per linje.',
    chooseFile: 'Velg filen med uttrekket.',
    refusedFile: 'Filen ble avvist: {{reason}}',
    submit: 'Les inn',
    importing: 'Leser inn …',
    done: '{{name}} er lest inn.',
    summaryHeading: 'Resultat',
    counts: {
      created: 'Nye personer',
      changed: 'Endret',
      unchanged: 'Uendret',
      refused: 'Avvist',
    },
    refusals: 'Avviste oppføringer',
    refusalsFirst: 'De første {{shown}} av {{count}} avviste oppføringer',
    place: 'Hvor',
    reason: 'Hvorfor',
    line: 'Linje {{n}}',
    record: 'Oppføring {{n}}',
  },
};

export type PopulationImportResources = Widen<typeof populationImportNb>;
