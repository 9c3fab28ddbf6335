export const FULLMAKT_PATH = '/min-side/fullmakt';
export const GIVE_FULLMAKT_PATH = `${FULLMAKT_PATH}/ny`;
