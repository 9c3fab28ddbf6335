import type { PagerResources } from './pager.nb.ts';

/** Nynorsk. */
export const pagerNn: PagerResources = {
  pager: {
    label: 'Sider',
    previous: 'Førre side',
    next: 'Neste side',
    pageOf: 'Side {{page}} av {{pages}}',
  },
};
