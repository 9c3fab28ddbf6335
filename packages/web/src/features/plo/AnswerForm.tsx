import type {
  PloAnswerType,
  PloConsoleAnswerBody,
  PloConsoleAnswerResponse,
  PloConsoleMessage,
} from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import FormGroup from '@helsenorge/designsystem-react/components/FormGroup';
import Input from '@helsenorge/designsystem-react/components/Input';
import Label, { Sublabel } from '@helsenorge/designsystem-react/components/Label';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import RadioButton from '@helsenorge/designsystem-react/components/RadioButton';
import Select from '@helsenorge/designsystem-react/components/Select';
import Textarea from '@helsenorge/designsystem-react/components/Textarea';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldError } from '../../api/api-error.ts';
import { useAnswerMessage } from '../../api/plo-console-queries.ts';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary.tsx';
import { PLO_CONSOLE_LIMITS } from '@helsebro/contracts/constants';
import { consoleError, partyLabel } from './labels.ts';
import { ploMessagePath } from './paths.ts';

type QuestionKind = '1' | '4' | '8' | '99';
type Draft = { type: PloAnswerType; questionKind: QuestionKind; subject: string; text: string };
type Errors = Partial<Record<'subject' | 'text' | 'form', string>>;
const QUESTION_KINDS: QuestionKind[] = ['8', '1', '4', '99'];
const IDS = { type: 'plo-answer-type', subject: 'plo-answer-subject', text: 'plo-answer-text' } as const;

/** What is wrong with the draft, checked in the browser the way the server checks it (plo-console.ts). */
function validate(d: Draft, t: TFunction): Errors {
  const errors: Errors = {};
  const text = d.text.trim();
  if (!text) {
    errors.text = t('ploConsole.errors.textRequired');
  } else if (text.length > PLO_CONSOLE_LIMITS.maxAnswerLength) {
    errors.text = t('ploConsole.errors.textTooLong', { max: PLO_CONSOLE_LIMITS.maxAnswerLength });
  }
  if (d.type === 'DIALOG_HELSEFAGLIG') {
    const subject = d.subject.trim();
    if (!subject) {
      errors.subject = t('ploConsole.errors.subjectRequired');
    } else if (subject.length > PLO_CONSOLE_LIMITS.maxSubjectLength) {
      errors.subject = t('ploConsole.errors.subjectTooLong', { max: PLO_CONSOLE_LIMITS.maxSubjectLength });
    }
  }
  return errors;
}

/** The server's word for a field (`required`, `too_long`, `invalid_characters`) in the reader's language. */
function serverFieldError(err: unknown, field: 'text' | 'subject', t: TFunction): string | undefined {
  const code = fieldError(err, field);
  const max = field === 'text' ? PLO_CONSOLE_LIMITS.maxAnswerLength : PLO_CONSOLE_LIMITS.maxSubjectLength;
  switch (code) {
    case undefined:
      return undefined;
    case 'required':
      return t(field === 'text' ? 'ploConsole.errors.textRequired' : 'ploConsole.errors.subjectRequired');
    case 'too_long':
      return t(field === 'text' ? 'ploConsole.errors.textTooLong' : 'ploConsole.errors.subjectTooLong', { max });
    case 'invalid_characters':
      return t('ploConsole.errors.invalidCharacters');
    default:
      return code;
  }
}

function bodyOf(d: Draft): PloConsoleAnswerBody {
  switch (d.type) {
    case 'DIALOG_SVAR':
      return { type: d.type, text: d.text.trim() };
    case 'DIALOG_FORESPORSEL':
      return { type: d.type, questionKind: d.questionKind, text: d.text.trim() };
    case 'DIALOG_HELSEFAGLIG':
      return { type: d.type, subject: d.subject.trim(), text: d.text.trim() };
  }
}

/**
 * Answer with a dialog message: a DIALOG_SVAR to a question, else a question or a note about the patient. Errors
 * stand at their fields and in a summary that takes focus; after sending, the result says where it went and its
 * status, with a link to the sent message.
 */
export function AnswerForm({ message }: { message: PloConsoleMessage }) {
  const { t } = useTranslation();
  const answer = useAnswerMessage(message.id);
  const [draft, setDraft] = useState<Draft>({
    type: message.answerTypes[0] ?? 'DIALOG_FORESPORSEL',
    questionKind: '8',
    subject: '',
    text: '',
  });
  const [errors, setErrors] = useState<Errors>({});
  const [attempt, setAttempt] = useState(0);
  const [sent, setSent] = useState<PloConsoleAnswerResponse | null>(null);
  const update = (next: Partial<Draft>) => setDraft({ ...draft, ...next });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = validate(draft, t);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((a) => a + 1);
      return;
    }
    answer.mutate(bodyOf(draft), {
      onSuccess: (r) => {
        setSent(r);
        setDraft({ ...draft, subject: '', text: '' });
      },
      onError: (err) => {
        setErrors({
          text: serverFieldError(err, 'text', t),
          subject: serverFieldError(err, 'subject', t),
          form: consoleError(err, t),
        });
        setAttempt((a) => a + 1);
      },
    });
  };

  const summary: SummaryItem[] = [
    ...(errors.form && !errors.text && !errors.subject ? [{ fieldId: null, message: errors.form }] : []),
    ...(errors.subject ? [{ fieldId: IDS.subject, message: errors.subject }] : []),
    ...(errors.text ? [{ fieldId: IDS.text, message: errors.text }] : []),
  ];

  return (
    <section className="hb-panel hb-plo-answer" aria-labelledby="plo-answer-heading">
      <h2 id="plo-answer-heading" className="hb-panel__heading">
        {t('ploConsole.answerHeading')}
      </h2>
      {sent && (
        <div className="hb-notice" role="status">
          <NotificationPanel variant="success" label={t('ploConsole.sentTitle')} labelHtmlMarkup="h3">
            <p>{t('ploConsole.sentText', { status: t(`ploConsole.statuses.${sent.status}`) })}</p>
            <p>
              <Link to={ploMessagePath(sent.id)}>{t('ploConsole.openSent')}</Link>
            </p>
          </NotificationPanel>
        </div>
      )}
      <p className="hb-hint">{t('ploConsole.answerTo', { party: partyLabel(message.sender) })}</p>
      <form className="hb-form" onSubmit={onSubmit} noValidate>
        <ErrorSummary title={t('ploConsole.errorTitle')} items={summary} attempt={attempt} />
        {message.answerTypes.length > 1 && (
          <FormGroup legend={t('ploConsole.answerKind')}>
            {message.answerTypes.map((type, i) => (
              <RadioButton
                key={type}
                inputId={i === 0 ? IDS.type : `${IDS.type}-${type}`}
                name="type"
                value={type}
                checked={draft.type === type}
                onChange={() => update({ type })}
                label={t(`ploConsole.answerTypes.${type}`)}
              />
            ))}
          </FormGroup>
        )}
        {draft.type === 'DIALOG_FORESPORSEL' && (
          <Select
            selectId="plo-answer-kind"
            label={t('ploConsole.questionKind')}
            value={draft.questionKind}
            onChange={(e) => update({ questionKind: e.target.value as QuestionKind })}
          >
            {QUESTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`ploConsole.questionKinds.${k}`)}
              </option>
            ))}
          </Select>
        )}
        {draft.type === 'DIALOG_HELSEFAGLIG' && (
          <Input
            inputId={IDS.subject}
            name="subject"
            label={t('ploConsole.subject')}
            value={draft.subject}
            required
            onChange={(e) => update({ subject: e.target.value })}
            errorText={errors.subject}
          />
        )}
        <Textarea
          textareaId={IDS.text}
          name="text"
          label={
            <Label
              labelTexts={[{ text: t('ploConsole.text') }]}
              sublabel={
                <Sublabel
                  id="plo-answer-text-hint"
                  sublabelTexts={[{ text: t('ploConsole.textHint', { max: PLO_CONSOLE_LIMITS.maxAnswerLength }) }]}
                />
              }
            />
          }
          aria-describedby="plo-answer-text-hint"
          minRows={5}
          maxCharacters={PLO_CONSOLE_LIMITS.maxAnswerLength}
          required
          value={draft.text}
          onChange={(e) => update({ text: e.target.value })}
          errorText={errors.text}
        />
        <div className="hb-form__actions">
          <Button type="submit" disabled={answer.isPending}>
            {answer.isPending ? t('ploConsole.sending') : t('ploConsole.send')}
          </Button>
        </div>
      </form>
    </section>
  );
}
