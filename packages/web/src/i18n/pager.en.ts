import type { PagerResources } from './pager.nb.ts';

/** English. */
export const pagerEn: PagerResources = {
  pager: {
    label: 'Pages',
    previous: 'Previous page',
    next: 'Next page',
    pageOf: 'Page {{page}} of {{pages}}',
  },
};
