import type { StaffCitizenResponse } from '@helsebro/contracts';
import Select from '@helsenorge/designsystem-react/components/Select';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useStaffDialogUnits, useStaffStartConversation } from '../../api/dialog-queries.ts';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { MessageComposer } from '../dialog/MessageComposer.tsx';
import { staffConversationPath } from '../dialog/paths.ts';

/**
 * "Ny melding til innbygger" on a citizen's page in the staff workspace (issue 15): the staff member's unit starts a
 * conversation with the citizen. Only units the staff member works in, that take messages and that the citizen has
 * an active care relation with are offered (the server checks the same again). Sent, it opens the conversation.
 */
export function StartConversationPanel({ data }: { data: StaffCitizenResponse }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const units = useStaffDialogUnits();
  const start = useStaffStartConversation();
  const name = `${data.citizen.givenName} ${data.citizen.familyName}`;
  const served = new Set(data.careRelations.filter((r) => r.active).map((r) => r.serviceUnit.id));
  const mine = (units.data?.units ?? []).filter((u) => u.openForDialog && served.has(u.id));
  const [unitId, setUnitId] = useState('');
  const chosen = mine.find((u) => u.id === unitId) ?? mine[0];

  return (
    <section className="hb-section" aria-labelledby="start-conversation-heading">
      <h2 id="start-conversation-heading" className="hb-section__heading">
        {t('staffInbox.startHeading')}
      </h2>
      {units.isPending ? (
        <Loading />
      ) : units.isError ? (
        <ErrorPanel error={units.error} onRetry={() => void units.refetch()} />
      ) : !chosen ? (
        <p>{t('staffInbox.startNone', { name })}</p>
      ) : (
        <>
          <p className="hb-lead">{t('staffInbox.startLead', { name })}</p>
          {mine.length > 1 ? (
            <Select
              selectId="start-conversation-unit"
              name="unit"
              label={t('staffInbox.startUnit')}
              value={chosen.id}
              onChange={(e) => setUnitId(e.target.value)}
            >
              {mine.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </Select>
          ) : (
            <p>
              {t('staffInbox.startUnit')}: <strong>{chosen.name}</strong>
            </p>
          )}
          <MessageComposer
            idPrefix="start-conversation"
            withSubject
            textLabel={t('staffInbox.startText')}
            textHint={t('staffInbox.startHint')}
            submitLabel={t('staffInbox.start')}
            send={(form) => {
              form.append('personId', data.citizen.personId);
              return start.mutateAsync({ unitId: chosen.id, form });
            }}
            pending={start.isPending}
            onSent={(res) => void navigate(staffConversationPath(res.conversation.id))}
          />
        </>
      )}
    </section>
  );
}
