import type { FullmaktItem } from '@helsebro/contracts';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { isApiError } from '../../api/api-error.ts';
import { useEndFullmakt, useFullmakter } from '../../api/citizen-queries.ts';
import { reauthUrl } from '../../api/reauth.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ErrorPanel, Loading, errorMessage } from '../../components/PageStatus.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { CitizenPage, type CitizenContext } from '../citizen/CitizenPage.tsx';
import { ActingForOtherNotice } from './ActingForOtherNotice.tsx';
import { EndFullmaktDialog } from './EndFullmaktDialog.tsx';
import { FullmaktCard, type Direction } from './FullmaktCard.tsx';
import { FULLMAKT_PATH, GIVE_FULLMAKT_PATH } from './paths.ts';

/** `/min-side/fullmakt`: the fullmakter the user has given and received, current and history. */
export function FullmaktPage() {
  return <CitizenPage>{(ctx) => <Fullmakter {...ctx} />}</CitizenPage>;
}

type Ending = { item: FullmaktItem; direction: Direction };

function Fullmakter({ acting, choices }: CitizenContext) {
  const { t } = useTranslation();
  const location = useLocation();
  const self = acting.basis === 'self';
  const fullmakter = useFullmakter(self);
  const end = useEndFullmakt();
  const [ending, setEnding] = useState<Ending | null>(null);
  const [announcement, setAnnouncement] = useState<{ text: string; error: boolean } | null>(null);
  const announcementRef = useRef<HTMLDivElement>(null);
  useDocumentTitle(t('fullmakt.title'));
  const given = (location.state as { given?: unknown } | null)?.given;

  const confirmEnd = () => {
    if (!ending) {
      return;
    }
    const { item, direction } = ending;
    setEnding(null);
    end.mutate(item.id, {
      onSuccess: () => {
        const name = direction === 'given' ? item.holder.displayName : item.giver.displayName;
        announce({
          text: t(direction === 'given' ? 'fullmakt.endedGiven' : 'fullmakt.endedReceived', { name }),
          error: false,
        });
      },
      onError: (err) => {
        if (isApiError(err) && err.code === 'reauthentication_required') {
          window.location.assign(reauthUrl(FULLMAKT_PATH));
          return;
        }
        announce({ text: errorMessage(err, t), error: true });
      },
    });
  };
  const announce = (a: { text: string; error: boolean }) => {
    setAnnouncement(a);
    requestAnimationFrame(() => announcementRef.current?.focus());
  };

  return (
    <>
      <PageHeading>{t('fullmakt.title')}</PageHeading>
      <p className="hb-lead">{t('fullmakt.lead')}</p>
      {self ? (
        <ButtonLink href={GIVE_FULLMAKT_PATH} arrow="icon">
          {t('fullmakt.give')}
        </ButtonLink>
      ) : (
        <ActingForOtherNotice acting={acting} choices={choices} returnTo={FULLMAKT_PATH} />
      )}

      <div className="hb-announcement-box" ref={announcementRef} tabIndex={-1} role="status">
        {typeof given === 'string' && !announcement && (
          <NotificationPanel variant="success">
            <p>{t('giveFullmakt.given', { name: given })}</p>
          </NotificationPanel>
        )}
        {announcement && (
          <NotificationPanel variant={announcement.error ? 'error' : 'success'}>
            <p>{announcement.text}</p>
          </NotificationPanel>
        )}
      </div>

      {!self ? null : fullmakter.isPending ? (
        <Loading />
      ) : fullmakter.isError ? (
        <ErrorPanel error={fullmakter.error} onRetry={() => void fullmakter.refetch()} />
      ) : (
        <div className="hb-fullmakt-lists">
          {(['given', 'received'] as const).map((direction) => {
            const lists = fullmakter.data[direction];
            return (
              <section key={direction} aria-labelledby={`${direction}-heading`} className="hb-fullmakt-section">
                <h2 id={`${direction}-heading`} className="hb-section__heading">
                  {t(direction === 'given' ? 'fullmakt.givenHeading' : 'fullmakt.receivedHeading')}
                </h2>
                {lists.current.length === 0 ? (
                  <p className="hb-empty">
                    {t(direction === 'given' ? 'fullmakt.noneGiven' : 'fullmakt.noneReceived')}
                  </p>
                ) : (
                  <ul className="hb-fullmakter">
                    {lists.current.map((item) => (
                      <FullmaktCard
                        key={item.id}
                        item={item}
                        direction={direction}
                        busy={end.isPending && end.variables === item.id}
                        onEnd={() => setEnding({ item, direction })}
                      />
                    ))}
                  </ul>
                )}
                {lists.history.length > 0 && (
                  <details className="hb-history">
                    <summary>{t('fullmakt.historyCount', { count: lists.history.length })}</summary>
                    <ul className="hb-fullmakter">
                      {lists.history.map((item) => (
                        <FullmaktCard key={item.id} item={item} direction={direction} />
                      ))}
                    </ul>
                  </details>
                )}
              </section>
            );
          })}
        </div>
      )}

      {ending && (
        <EndFullmaktDialog
          item={ending.item}
          direction={ending.direction}
          onConfirm={confirmEnd}
          onCancel={() => setEnding(null)}
        />
      )}
    </>
  );
}
