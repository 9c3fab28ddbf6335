import type { PloConsoleParty } from '@helsebro/contracts';
import i18next, { type TFunction } from 'i18next';
import { ApiError } from '../../api/api-error.ts';
import { errorMessage } from '../../components/PageStatus.tsx';

/** A message type's name in the reader's language, else the name the server gave, else the code. */
export function typeLabel(t: TFunction, msgType: string | null, typeName: string | null): string {
  if (msgType && i18next.exists(`ploConsole.types.${msgType}`)) {
    return t(`ploConsole.types.${msgType}`);
  }
  return typeName ?? msgType ?? '–';
}

/** "Service, Organisation" or whichever of the two is known. */
export function partyLabel(p: PloConsoleParty): string {
  const parts = [p.partyName, p.organisationName].filter((x): x is string => Boolean(x));
  return parts.length > 0 ? parts.join(', ') : (p.partyHerId ?? p.organisationHerId ?? '–');
}

/** The console's own words for its problem codes, else the shared ones. */
export function consoleError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && i18next.exists(`ploConsole.problems.${error.code}`)) {
    return t(`ploConsole.problems.${error.code}`);
  }
  return errorMessage(error, t);
}
