import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MessageType } from '../codes.ts';

const DIR = fileURLToPath(new URL('../__fixtures__/official/', import.meta.url));

export type OfficialExample = {
  file: string;
  type: MessageType;
  bytes: Buffer;
  msgId: string;
  sender: { organisation: string; party: string };
  receiver: { organisation: string; party: string };
  nin: string;
};

/** What each official example holds (read by hand from the files; the parse tests check the parser agrees). */
const FACTS: Record<string, Omit<OfficialExample, 'file' | 'bytes'>> = {
  'Pasientlogistikk_Innlagt_pasient_v1-6_Ny.xml': {
    type: 'LOG_INNLAGT',
    msgId: 'b088a160-0698-11e8-b566-0800200c9a66',
    sender: { organisation: '59', party: '90998' },
    receiver: { organisation: '99387', party: '5078' },
    nin: '15076500565',
  },
  'Pasientlogistikk_Utskrivningsklar_pasient_v1-6_Ny.xml': {
    type: 'LOG_UTSKRIVNINGSKLAR',
    msgId: '79c55ed0-0692-11e8-b566-0800200c9a66',
    sender: { organisation: '59', party: '90998' },
    receiver: { organisation: '99387', party: '5078' },
    nin: '15076500565',
  },
  'Pasientlogistikk_Melding_om_utskrevet_pasient_v1-6_Ny.xml': {
    type: 'LOG_UTSKREVET',
    msgId: 'b5edd090-0697-11e8-b566-0800200c9a66',
    sender: { organisation: '59', party: '90998' },
    receiver: { organisation: '99387', party: '5078' },
    nin: '15076500565',
  },
  'Utskrivningsrapport_v1-6_Ny.xml': {
    type: 'UTSKRIVNINGSRAPPORT',
    msgId: '52c04610-0818-11e8-b566-0800200c9a66',
    sender: { organisation: '59', party: '90998' },
    receiver: { organisation: '99387', party: '5078' },
    nin: '15076500565',
  },
  'Innleggelsesrapport_v1-6_Ny.xml': {
    type: 'INNLEGGELSESRAPPORT',
    msgId: '13a5da20-05c6-11e8-8f1a-0800200c9a66',
    sender: { organisation: '99387', party: '5078' },
    receiver: { organisation: '59', party: '91090' },
    nin: '13116900216',
  },
  'Dialogmelding_foresporsel_PLO_v1-0.xml': {
    type: 'DIALOG_FORESPORSEL',
    msgId: 'f0f88210-0111-11e8-8f1a-0800200c9a66',
    sender: { organisation: '99387', party: '5078' },
    receiver: { organisation: '91096', party: '91101' },
    nin: '13116900216',
  },
  'Dialogmelding_svar_foresporsel_PLO_v1-0.xml': {
    type: 'DIALOG_SVAR',
    msgId: '42001f60-0117-11e8-8f1a-0800200c9a66',
    sender: { organisation: '91096', party: '91101' },
    receiver: { organisation: '99387', party: '5078' },
    nin: '13116900216',
  },
  'Dialogmelding_helsefaglig_dialog_v1-1.xml': {
    type: 'DIALOG_HELSEFAGLIG',
    msgId: 'de1a95c0-4d0c-11e7-9598-0800200c9a66',
    sender: { organisation: '56704', party: '258521' },
    receiver: { organisation: '59', party: '90998' },
    nin: '13116900216',
  },
};

/** The official example messages (`__fixtures__/official/`), with what each holds. */
export function officialExamples(): OfficialExample[] {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.xml'));
  return files.map((file) => {
    const facts = FACTS[file];
    if (!facts) {
      throw new Error(`No facts recorded for the example ${file}`);
    }
    return { file, bytes: readFileSync(join(DIR, file)), ...facts };
  });
}
