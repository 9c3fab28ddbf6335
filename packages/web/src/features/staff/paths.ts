/** A citizen's profile in the staff workspace (the person id, never the identity number, is in the address). */
export function staffCitizenPath(personId: string): string {
  return `/ansatt/innbygger/${encodeURIComponent(personId)}`;
}

/** The staff workspace's own pages (the other features' pages have their paths in their folders). */
export const STAFF_PATHS = {
  workspace: '/ansatt',
  myUnit: '/ansatt/enhet',
} as const;
