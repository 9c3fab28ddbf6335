/**
 * AppRec 1.1 as typed data (HIS 80415:2012 AppRec v1.1 §4.3–4.4; XSD `AppRec-v1.1.xsd`; plo-messaging.md §5).
 */

/** One level of an AppRec address: `Inst` (the organisation) with a `Dept` (service) or `HCPerson` (person). */
export type AppRecParty = {
  /** Level 1 → Inst (HITS 1168 §11). */
  inst: { name: string; herId?: string | undefined };
  /** Level-2 Organisation → Dept. */
  dept?: { name: string; herId?: string | undefined } | undefined;
  /** Level-2 HealthcareProfessional with a HER-id → HCPerson. */
  hcPerson?: { name: string; herId: string } | undefined;
};

/** `code` is from code list 8221 for AppRecs Helsebro builds; a received one may carry other lists' codes. */
export type AppRecError = { code: string; text: string; detail?: string | undefined };

export type AppRec = {
  version: '1.0' | '1.1';
  id: string;
  genDate: string;
  migVersion: string;
  softwareName?: string | undefined;
  softwareVersion?: string | undefined;
  /** PRIM (primary receiver) or COP (copy receiver) in 1.1 (HITS 1168 §6.2). */
  senderRole?: string | undefined;
  sender: AppRecParty;
  receiver: AppRecParty;
  /** Code list 8258: '1' OK, '2' rejected, '3' OK with errors in part (Helfo only). */
  status: string;
  errors: AppRecError[];
  original: { msgType: string; msgTypeDn?: string | undefined; issueDate: string; id: string };
};
