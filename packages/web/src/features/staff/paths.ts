/** A citizen's profile in the staff workspace (the person id, never the identity number, is in the address). */
export function staffCitizenPath(personId: string): string {
  return `/ansatt/innbygger/${encodeURIComponent(personId)}`;
}
