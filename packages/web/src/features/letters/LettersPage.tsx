import type { CitizenLetter } from '@helsebro/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error.ts';
import { letterDocumentHref } from '../../api/letters-api.ts';
import { useLetters, useMarkOpened } from '../../api/letters-queries.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { Pager } from '../../components/Pager.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useFormatters } from '../../components/useFormatters.ts';
import { CitizenPage, type CitizenContext } from '../citizen/CitizenPage.tsx';
import { RefusedPanel } from '../citizen/RefusedPanel.tsx';
import { may } from '../citizen/rights.ts';

/** `/min-side/brev`: the letters of the person the user acts for (issue 13, B1), newest first, unread marked. */
export function LettersPage() {
  return <CitizenPage>{(ctx) => <Letters {...ctx} />}</CitizenPage>;
}

function Letters({ acting }: CitizenContext) {
  const { t } = useTranslation();
  const self = acting.basis === 'self';
  const title = self ? t('letters.title') : t('letters.titleFor', { name: acting.displayName });
  useDocumentTitle(title);
  const [page, setPage] = useState(1);
  const allowed = may(acting, 'letters.read');
  const letters = useLetters(page, allowed);
  const refusedByServer = isApiError(letters.error, 403) && letters.error.code === 'service_area_not_granted';
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="hb-lead">{self ? t('letters.lead') : t('letters.leadFor', { name: acting.displayName })}</p>
      {!allowed || refusedByServer ? (
        <RefusedPanel acting={acting} action="letters.read" heading={t('letters.refusedHeading')} />
      ) : (
        <section className="hb-section" aria-labelledby="letters-heading">
          <h2 id="letters-heading" className="hb-section__heading">
            {t('letters.listHeading')}
          </h2>
          {letters.isPending ? (
            <Loading />
          ) : letters.isError ? (
            <ErrorPanel error={letters.error} onRetry={() => void letters.refetch()} />
          ) : letters.data.letters.length === 0 ? (
            <p className="hb-empty">
              {self ? t('letters.empty') : t('letters.emptyFor', { name: acting.displayName })}
            </p>
          ) : (
            <>
              <ul className="hb-conversations" data-testid="letters">
                {letters.data.letters.map((l) => (
                  <LetterRow key={l.id} letter={l} />
                ))}
              </ul>
              <Pager page={page} total={letters.data.total} pageSize={letters.data.pageSize} onPage={setPage} />
            </>
          )}
        </section>
      )}
    </>
  );
}

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} kB`;

function LetterRow({ letter: l }: { letter: CitizenLetter }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const opened = useMarkOpened();
  const unread = l.readAt === null;
  return (
    <li className={`hb-conversations__item${unread ? ' hb-conversations__item--unread' : ''}`}>
      <a
        href={letterDocumentHref(l.id, 'citizen')}
        download
        className="hb-conversations__link"
        onClick={() => opened(l.id)}
      >
        {unread && <span className="hb-visually-hidden">{t('letters.unread')} </span>}
        {t('letters.open', { title: l.title, size: kb(l.sizeBytes) })}
      </a>
      <p className="hb-conversations__meta">
        <span>{t('letters.from', { unit: l.sender.unitName, municipality: l.sender.municipalityName })}</span>
        <span className="hb-hint">{t('letters.sent', { date: dateTime(l.sentAt) })}</span>
        {l.importance === 'important' && <span className="hb-tag">{t('letters.important')}</span>}
        {unread ? (
          <span className="hb-badge">{t('letters.unread')}</span>
        ) : (
          <span className="hb-hint">{t('letters.read', { date: dateTime(l.readAt!) })}</span>
        )}
      </p>
    </li>
  );
}
