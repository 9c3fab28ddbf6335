export * from './problem.ts';
export * from './session.ts';
export * from './jobs.ts';
export * from './nin.ts';
export * from './representation.ts';
export * from './plo.ts';
export * from './dialog.ts';
