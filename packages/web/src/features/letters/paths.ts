export const LETTERS_PATH = '/min-side/brev';
export const STAFF_LETTERS_PATH = '/ansatt/brev';
