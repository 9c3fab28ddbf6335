import type { PopulationImportResources } from './population-import.nb.ts';

/** Nynorsk. */
export const populationImportNn: PopulationImportResources = {
  populationImport: {
    title: 'Folkeregisteret',
    lead: 'Les inn eit uttrekk frå folkeregisteret: personane som bur i kommunane på Helsebro, med adresse og foreldreansvar. Det som ikkje har endra seg, blir ståande.',
    formHeading: 'Les inn eit uttrekk',
    errorSummary: 'Uttrekket vart ikkje lese inn',
    file: 'Registeruttrekk',
    fileHint: 'Ei .json-fil med ei liste over personar, eller ei .ndjson-fil med éi endring per linje.',
    chooseFile: 'Vel fila med uttrekket.',
    refusedFile: 'Fila vart avvist: {{reason}}',
    submit: 'Les inn',
    importing: 'Les inn …',
    done: '{{name}} er lese inn.',
    summaryHeading: 'Resultat',
    counts: {
      created: 'Nye personar',
      changed: 'Endra',
      unchanged: 'Uendra',
      refused: 'Avvist',
    },
    refusals: 'Avviste oppføringar',
    refusalsFirst: 'Dei første {{shown}} av {{count}} avviste oppføringar',
    place: 'Kvar',
    reason: 'Kvifor',
    line: 'Linje {{n}}',
    record: 'Oppføring {{n}}',
  },
};
