import type { DialogUnitsResponse } from '@helsebro/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/api-error.ts';
import { useDialogUnits, useStartConversation } from '../../api/dialog-queries.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { CitizenPage, type CitizenContext } from '../citizen/CitizenPage.tsx';
import { RefusedPanel } from '../citizen/RefusedPanel.tsx';
import { may } from '../citizen/rights.ts';
import { MessageComposer } from './MessageComposer.tsx';
import { useDialogTitle } from './MessagesPage.tsx';
import { conversationPath, MESSAGES_PATH } from './paths.ts';

/** `/min-side/meldinger/ny`: start a conversation with a unit the principal receives services from. */
export function NewMessagePage() {
  return <CitizenPage>{(ctx) => <NewMessage {...ctx} />}</CitizenPage>;
}

function NewMessage({ acting }: CitizenContext) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const title = useDialogTitle(acting, 'dialog.newTitle', 'dialog.newTitleFor');
  const allowed = may(acting, 'messages.send');
  const units = useDialogUnits(allowed);
  const start = useStartConversation();
  const refusedByServer = isApiError(units.error, 403) && units.error.code === 'service_area_not_granted';

  return (
    <div className="hb-narrow">
      <PageHeading>{title}</PageHeading>
      {!allowed || refusedByServer ? (
        <RefusedPanel acting={acting} action="messages.send" heading={t('dialog.refusedHeading')} />
      ) : units.isPending ? (
        <Loading />
      ) : units.isError ? (
        <ErrorPanel error={units.error} onRetry={() => void units.refetch()} />
      ) : (
        <>
          <p className="hb-lead">{t('dialog.newLead')}</p>
          {units.data.units.length === 0 ? (
            <p className="hb-empty">{t('dialog.noUnits')}</p>
          ) : units.data.units.some((u) => u.openForDialog) ? (
            <MessageComposer
              idPrefix="new"
              units={units.data.units}
              initialUnitId={params.get('enhet') ?? ''}
              textLabel={t('dialog.text')}
              textHint={t('dialog.textHint')}
              submitLabel={t('dialog.send')}
              send={(form) => start.mutateAsync(form)}
              pending={start.isPending}
              onSent={(data) =>
                void navigate(conversationPath(data.conversation.id), {
                  state: { sent: data.conversation.serviceUnit.name },
                })
              }
              actions={
                <ButtonLink href={MESSAGES_PATH} variant="borderless">
                  {t('dialog.cancel')}
                </ButtonLink>
              }
            />
          ) : (
            <p className="hb-empty">{t('dialog.noOpenUnits')}</p>
          )}
          <ClosedUnits units={units.data.units.filter((u) => !u.openForDialog)} />
        </>
      )}
    </div>
  );
}

/** Units the principal receives services from that take no messages here: said plainly, with how to reach them. */
function ClosedUnits({ units }: { units: DialogUnitsResponse['units'] }) {
  const { t } = useTranslation();
  if (units.length === 0) {
    return null;
  }
  return (
    <section className="hb-section" aria-labelledby="closed-units-heading">
      <h2 id="closed-units-heading" className="hb-section__heading">
        {t('dialog.closedUnitsHeading')}
      </h2>
      <ul className="hb-closed-units">
        {units.map((u) => (
          <li key={u.id}>
            {t('dialog.closedUnit', { unit: u.name })}
            {u.phone && (
              <>
                {' '}
                {t('dialog.call')} <a href={`tel:${u.phone.replace(/\s/g, '')}`}>{u.phone}</a>.
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
