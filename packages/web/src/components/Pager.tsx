import Button from '@helsenorge/designsystem-react/components/Button';
import { useTranslation } from 'react-i18next';

/**
 * Previous/next and "Side x av y" under a paged list; nothing when everything fits on one page.
 * @param page - the current page, from 1
 * @param total - how many items the whole list has
 * @param pageSize - items per page, as the server pages them
 */
export function Pager({
  page,
  total,
  pageSize,
  onPage,
}: {
  page: number;
  total: number;
  pageSize: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) {
    return null;
  }
  return (
    <nav aria-label={t('pager.label')} className="hb-pager">
      <Button variant="outline" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('pager.previous')}
      </Button>
      <span>{t('pager.pageOf', { page, pages })}</span>
      <Button variant="outline" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('pager.next')}
      </Button>
    </nav>
  );
}
