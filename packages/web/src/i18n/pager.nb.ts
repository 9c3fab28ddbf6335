import type { Widen } from './widen.ts';

/** Bokmål: the pager under paged lists. */
export const pagerNb = {
  pager: {
    label: 'Sider',
    previous: 'Forrige side',
    next: 'Neste side',
    pageOf: 'Side {{page}} av {{pages}}',
  },
};

export type PagerResources = Widen<typeof pagerNb>;
