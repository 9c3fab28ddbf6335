import type { NotificationPreferences } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import FormGroup from '@helsenorge/designsystem-react/components/FormGroup';
import Label, { Sublabel } from '@helsenorge/designsystem-react/components/Label';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import RadioButton from '@helsenorge/designsystem-react/components/RadioButton';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useContactDetails,
  useNotificationPreferences,
  useSaveNotificationPreferences,
} from '../../api/dialog-queries.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { LANGUAGES } from '../../i18n/index.ts';
import { CitizenPage, type CitizenContext } from '../citizen/CitizenPage.tsx';
import { ActingForOtherNotice } from '../representation/ActingForOtherNotice.tsx';
import { NOTIFICATIONS_PATH } from '../dialog/paths.ts';

const CHANNELS = ['sms', 'email'] as const;
const LEVELS = ['limited', 'normal', 'full'] as const;

/** `/min-side/varsler`: how and how much the user is told about new messages (A7). Always the user's own choice. */
export function NotificationPreferencesPage() {
  return <CitizenPage>{(ctx) => <Preferences {...ctx} />}</CitizenPage>;
}

function Preferences({ acting, choices }: CitizenContext) {
  const { t } = useTranslation();
  useDocumentTitle(t('notificationPrefs.title'));
  const self = acting.basis === 'self';
  const prefs = useNotificationPreferences(self);
  return (
    <div className="hb-narrow">
      <PageHeading>{t('notificationPrefs.title')}</PageHeading>
      <p className="hb-lead">{t('notificationPrefs.lead')}</p>
      {!self ? (
        <ActingForOtherNotice
          acting={acting}
          choices={choices}
          returnTo={NOTIFICATIONS_PATH}
          message={t('notificationPrefs.forYourself', { name: acting.displayName })}
        />
      ) : prefs.isPending ? (
        <Loading />
      ) : prefs.isError ? (
        <ErrorPanel error={prefs.error} onRetry={() => void prefs.refetch()} />
      ) : (
        <PreferencesForm saved={prefs.data} />
      )}
    </div>
  );
}

function PreferencesForm({ saved }: { saved: NotificationPreferences }) {
  const { t } = useTranslation();
  const save = useSaveNotificationPreferences();
  const [draft, setDraft] = useState(saved);
  const [done, setDone] = useState(false);
  const update = (patch: Partial<NotificationPreferences>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setDone(false);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(draft, { onSuccess: () => setDone(true) });
  };
  return (
    <form className="hb-form" noValidate onSubmit={onSubmit}>
      <FormGroup legend={t('notificationPrefs.channelLegend')}>
        {CHANNELS.map((c) => (
          <RadioButton
            key={c}
            inputId={`channel-${c}`}
            name="channel"
            value={c}
            checked={draft.channel === c}
            onChange={() => update({ channel: c })}
            label={
              <Label
                labelTexts={[{ text: t(`notificationPrefs.channel.${c}`) }]}
                sublabel={
                  <Sublabel
                    id={`channel-${c}-hint`}
                    sublabelTexts={[{ text: t(`notificationPrefs.channel.${c}Text`) }]}
                  />
                }
              />
            }
            aria-describedby={`channel-${c}-hint`}
          />
        ))}
      </FormGroup>
      <FormGroup legend={t('notificationPrefs.levelLegend')}>
        {LEVELS.map((l) => (
          <RadioButton
            key={l}
            inputId={`level-${l}`}
            name="level"
            value={l}
            checked={draft.level === l}
            onChange={() => update({ level: l })}
            label={
              <Label
                labelTexts={[{ text: t(`notificationPrefs.level.${l}`) }]}
                sublabel={
                  <Sublabel id={`level-${l}-hint`} sublabelTexts={[{ text: t(`notificationPrefs.level.${l}Text`) }]} />
                }
              />
            }
            aria-describedby={`level-${l}-hint`}
          />
        ))}
      </FormGroup>
      <FormGroup legend={t('notificationPrefs.languageLegend')}>
        {LANGUAGES.map((l) => (
          <RadioButton
            key={l}
            inputId={`language-${l}`}
            name="language"
            value={l}
            checked={draft.language === l}
            onChange={() => update({ language: l })}
            // The design system's RadioButton renders only a <Label> (its labelTexts); anything else shows no text.
            // Named in the page's language, so a screen reader reads it in one voice (WCAG 3.1.2 needs no lang).
            label={<Label labelTexts={[{ text: t(`notificationPrefs.languageName.${l}`) }]} />}
          />
        ))}
      </FormGroup>
      <ContactDetails />
      {save.isError && <ErrorPanel error={save.error} />}
      {done && (
        <div className="hb-notice" role="status">
          <NotificationPanel variant="success">
            <p>{t('notificationPrefs.saved')}</p>
          </NotificationPanel>
        </div>
      )}
      <div className="hb-form__actions">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? t('notificationPrefs.saving') : t('notificationPrefs.save')}
        </Button>
      </div>
    </form>
  );
}

/** Where notices go, as KRR has it now: shown, not editable here (it is changed at KRR). */
function ContactDetails() {
  const { t } = useTranslation();
  const details = useContactDetails(true);
  return (
    <section className="hb-panel" aria-labelledby="contact-heading">
      <h2 id="contact-heading" className="hb-panel__heading">
        {t('notificationPrefs.contactHeading')}
      </h2>
      <p>{t('notificationPrefs.contactText')}</p>
      {details.isPending ? (
        <Loading />
      ) : details.isError ? (
        <ErrorPanel error={details.error} onRetry={() => void details.refetch()} />
      ) : details.data.status === 'found' ? (
        <dl className="hb-facts">
          <div>
            <dt>{t('notificationPrefs.mobile')}</dt>
            <dd>{details.data.mobile ?? t('notificationPrefs.missing')}</dd>
          </div>
          <div>
            <dt>{t('notificationPrefs.email')}</dt>
            <dd>{details.data.email ?? t('notificationPrefs.missing')}</dd>
          </div>
        </dl>
      ) : (
        <p>{t(details.data.status === 'none' ? 'notificationPrefs.krrNone' : 'notificationPrefs.krrUnavailable')}</p>
      )}
    </section>
  );
}
