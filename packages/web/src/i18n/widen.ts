/** The shape of a resource object with every text widened to `string`, so the other languages must mirror its keys. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
