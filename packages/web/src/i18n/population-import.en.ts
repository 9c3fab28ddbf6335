import type { PopulationImportResources } from './population-import.nb.ts';

/** English. */
export const populationImportEn: PopulationImportResources = {
  populationImport: {
    title: 'Population register',
    lead: 'Read in an extract from the National Population Register: the people living in the municipalities on Helsebro, with their addresses and parental responsibilities. What has not changed is left as it is.',
    formHeading: 'Read in an extract',
    errorSummary: 'The extract was not read in',
    file: 'Register extract',
    fileHint: 'A .json file with a list of persons, or an .ndjson file with one change a line.',
    chooseFile: 'Choose the file with the extract.',
    refusedFile: 'The file was refused: {{reason}}',
    submit: 'Read in',
    importing: 'Reading in …',
    done: '{{name}} has been read in.',
    summaryHeading: 'Result',
    counts: {
      created: 'New persons',
      changed: 'Changed',
      unchanged: 'Unchanged',
      refused: 'Refused',
    },
    refusals: 'Refused records',
    refusalsFirst: 'The first {{shown}} of {{count}} refused records',
    place: 'Where',
    reason: 'Why',
    line: 'Line {{n}}',
    record: 'Record {{n}}',
  },
};
