import type {
  CitizenLettersResponse,
  PrintListResponse,
  StaffLetter,
  StaffLetterUnitsResponse,
  StaffLettersResponse,
} from '@helsebro/contracts';

/** Letters (issue 13, B1); the routes are listed in contracts' letters.ts. */
export type LettersApi = {
  mine(page: number): Promise<CitizenLettersResponse>;
  staffUnits(): Promise<StaffLetterUnitsResponse>;
  send(unitId: string, form: FormData): Promise<StaffLetter>;
  unitLetters(unitId: string, page: number): Promise<StaffLettersResponse>;
  printList(unitId: string): Promise<PrintListResponse>;
  markPrinted(id: string): Promise<StaffLetter>;
};

type Request = <T>(method: string, path: string, body?: unknown) => Promise<T>;

const unit = (id: string) => `/api/staff/letters/units/${encodeURIComponent(id)}`;

/** Where the browser downloads a letter's PDF (a plain link: the session cookie goes with it). */
export const letterDocumentHref = (id: string, side: 'citizen' | 'staff') =>
  side === 'citizen'
    ? `/api/letters/${encodeURIComponent(id)}/document`
    : `/api/staff/letters/${encodeURIComponent(id)}/document`;

export function createLettersApi(request: Request): LettersApi {
  return {
    mine: (page) => request('GET', `/api/letters?page=${page}`),
    staffUnits: () => request('GET', '/api/staff/letters/units'),
    send: (unitId, form) => request('POST', `${unit(unitId)}/letters`, form),
    unitLetters: (unitId, page) => request('GET', `${unit(unitId)}/letters?page=${page}`),
    printList: (unitId) => request('GET', `${unit(unitId)}/print-list`),
    markPrinted: (id) => request('POST', `/api/staff/letters/${encodeURIComponent(id)}/printed`),
  };
}
