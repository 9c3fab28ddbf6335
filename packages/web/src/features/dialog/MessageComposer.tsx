import type { ConversationResponse, DialogUnitsResponse } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import FormGroup from '@helsenorge/designsystem-react/components/FormGroup';
import Input from '@helsenorge/designsystem-react/components/Input';
import Label, { Sublabel } from '@helsenorge/designsystem-react/components/Label';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import RadioButton from '@helsenorge/designsystem-react/components/RadioButton';
import Textarea from '@helsenorge/designsystem-react/components/Textarea';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error.ts';
import { DIALOG_LIMITS } from '@helsebro/contracts/constants';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary.tsx';
import { errorMessage } from '../../components/PageStatus.tsx';
import { AttachmentInput } from './AttachmentInput.tsx';
import {
  looksAllowed,
  placeServerError,
  toFormData,
  validateMessage,
  type MessageErrors,
  type MessageField,
  type MessageProblem,
} from './message-form.ts';

type Unit = DialogUnitsResponse['units'][number];
const ORDER: MessageField[] = ['form', 'serviceUnitId', 'subject', 'text', 'files'];

/**
 * A message form: a new conversation (unit, subject, text, files) or a reply (text, files). Checks what the
 * browser can before sending; the server's refusals are placed at their fields, and all of them are listed in an
 * error summary at the top that takes focus. Nothing is cleared on a refusal, so nothing typed is lost.
 * @param idPrefix - keeps the ids unique when a page has more than one form
 * @param units - for a new conversation: the units the principal receives services from, open or not
 * @param send - sends the multipart body
 */
export function MessageComposer({
  idPrefix,
  units,
  initialUnitId = '',
  textLabel,
  textHint,
  submitLabel,
  send,
  pending,
  onSent,
  actions,
  withSubject,
}: {
  idPrefix: string;
  units?: Unit[];
  initialUnitId?: string;
  textLabel: string;
  textHint?: string;
  submitLabel: string;
  send: (form: FormData) => Promise<ConversationResponse>;
  pending: boolean;
  onSent: (data: ConversationResponse) => void;
  actions?: ReactNode;
  /** Ask for a subject without a choice of unit: the unit starting a conversation, which names it itself. */
  withSubject?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const newConversation = units !== undefined;
  const askSubject = withSubject ?? newConversation;
  const open = (units ?? []).filter((u) => u.openForDialog);
  const [unitId, setUnitId] = useState(() => (open.some((u) => u.id === initialUnitId) ? initialUnitId : ''));
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<MessageErrors>({});
  const [attempt, setAttempt] = useState(0);
  const ids: Record<MessageField, string> = {
    form: `${idPrefix}-form`,
    serviceUnitId: `${idPrefix}-unit-${open[0]?.id ?? 'none'}`,
    subject: `${idPrefix}-subject`,
    text: `${idPrefix}-text`,
    files: `${idPrefix}-files`,
  };
  const words = (p: MessageProblem | undefined) => (p ? (p.text ?? t(p.key, p.values)) : undefined);
  const draftOf = (change: Partial<{ unitId: string; subject: string; text: string; files: File[] }>) => ({
    serviceUnitId: newConversation ? (change.unitId ?? unitId) : null,
    subject: askSubject ? (change.subject ?? subject) : null,
    text: change.text ?? text,
    files: change.files ?? files,
  });
  // A shown error is checked again as the field changes, so it goes away once fixed (and not before).
  const recheck = (field: MessageField, draft: ReturnType<typeof draftOf>) => {
    if (errors[field]) {
      const { [field]: _gone, ...rest } = errors;
      const now = validateMessage(draft)[field];
      setErrors(now ? { ...rest, [field]: now } : rest);
    }
  };
  // A file that is not a PDF, JPEG or PNG is refused when chosen, by name; the others are kept.
  const chooseFiles = (next: File[]) => {
    const kept = next.filter(looksAllowed);
    const refused = next.find((f) => !looksAllowed(f));
    setFiles(kept);
    if (refused) {
      setErrors({ ...errors, files: { key: 'dialog.errors.fileType', values: { name: refused.name } } });
    } else {
      recheck('files', draftOf({ files: kept }));
    }
  };
  const fail = (found: MessageErrors) => {
    setErrors(found);
    setAttempt((a) => a + 1);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const draft = draftOf({});
    const found = validateMessage(draft);
    if (Object.keys(found).length > 0) {
      fail(found);
      return;
    }
    setErrors({});
    try {
      const data = await send(toFormData(draft));
      setSubject('');
      setText('');
      setFiles([]);
      onSent(data);
    } catch (err) {
      if (isApiError(err) && err.code !== 'network_error') {
        const placed = placeServerError(
          err.code,
          err.errors.map((x) => x.path),
        );
        if (placed.form && !i18n.exists(placed.form.key)) {
          placed.form = { key: '', text: errorMessage(err, t) };
        }
        fail(placed);
      } else {
        fail({ form: { key: '', text: errorMessage(err, t) } });
      }
    }
  };

  const summary: SummaryItem[] = ORDER.flatMap((field) => {
    const message = words(errors[field]);
    return message ? [{ fieldId: field === 'form' ? null : ids[field], message }] : [];
  });
  const chosen = open.find((u) => u.id === unitId);

  return (
    <>
      <ErrorSummary title={t('dialog.errorSummary')} items={summary} attempt={attempt} />
      <form className="hb-form hb-composer" noValidate onSubmit={(e) => void onSubmit(e)}>
        {newConversation && (
          <FormGroup legend={t('dialog.unitLegend')} error={words(errors.serviceUnitId)}>
            <p className="hb-hint hb-form__hint">{t('dialog.unitHint')}</p>
            {open.map((u) => (
              <RadioButton
                key={u.id}
                inputId={`${idPrefix}-unit-${u.id}`}
                name="serviceUnitId"
                value={u.id}
                checked={unitId === u.id}
                onChange={() => {
                  setUnitId(u.id);
                  recheck('serviceUnitId', draftOf({ unitId: u.id }));
                }}
                label={
                  <Label
                    labelTexts={[{ text: u.name }]}
                    sublabel={
                      <Sublabel id={`${idPrefix}-unit-${u.id}-hint`} sublabelTexts={[{ text: u.municipality.name }]} />
                    }
                  />
                }
                aria-describedby={`${idPrefix}-unit-${u.id}-hint`}
              />
            ))}
          </FormGroup>
        )}
        {chosen && <BeforeYouSend unit={chosen} />}
        {askSubject && (
          <Input
            inputId={ids.subject}
            name="subject"
            label={
              <Label
                labelTexts={[{ text: t('dialog.subject') }]}
                sublabel={
                  <Sublabel
                    id={`${ids.subject}-hint`}
                    sublabelTexts={[{ text: t('dialog.subjectHint', { max: DIALOG_LIMITS.maxSubjectLength }) }]}
                  />
                }
              />
            }
            aria-describedby={`${ids.subject}-hint`}
            autoComplete="off"
            value={subject}
            onChange={(e) => {
              setSubject(e.target.value);
              recheck('subject', draftOf({ subject: e.target.value }));
            }}
            errorText={words(errors.subject)}
          />
        )}
        <Textarea
          textareaId={ids.text}
          name="text"
          label={
            <Label
              labelTexts={[{ text: textLabel }]}
              {...(textHint
                ? { sublabel: <Sublabel id={`${ids.text}-hint`} sublabelTexts={[{ text: textHint }]} /> }
                : {})}
            />
          }
          {...(textHint ? { 'aria-describedby': `${ids.text}-hint` } : {})}
          minRows={5}
          grow
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            recheck('text', draftOf({ text: e.target.value }));
          }}
          errorText={words(errors.text)}
        />
        <AttachmentInput id={ids.files} files={files} onChange={chooseFiles} error={words(errors.files)} />
        <div className="hb-form__actions">
          <Button type="submit" disabled={pending}>
            {pending ? t('dialog.sending') : submitLabel}
          </Button>
          {actions}
        </div>
      </form>
    </>
  );
}

/** What the citizen can expect from the unit, shown before the message is sent (A4). */
function BeforeYouSend({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  return (
    <div className="hb-notice" aria-live="polite">
      <NotificationPanel variant="info" label={t('dialog.expectHeading')} labelHtmlMarkup="h2">
        <p>{t('dialog.expectResponse', { unit: unit.name, count: unit.responseWorkingDays })}</p>
        {unit.autoReply && (
          <>
            <p className="hb-composer__autoreply-label">{t('dialog.autoReplyLabel', { unit: unit.name })}</p>
            <blockquote className="hb-composer__autoreply">{unit.autoReply}</blockquote>
          </>
        )}
        {unit.openingHours && <p>{t('dialog.openingHours', { hours: unit.openingHours })}</p>}
        {unit.absentNow ? <p>{t('dialog.absentNow')}</p> : unit.closedNow && <p>{t('dialog.closedNow')}</p>}
      </NotificationPanel>
    </div>
  );
}
