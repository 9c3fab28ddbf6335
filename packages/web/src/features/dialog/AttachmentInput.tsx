import Button from '@helsenorge/designsystem-react/components/Button';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DIALOG_LIMITS } from '@helsebro/contracts/constants';
import { LOCALES, currentLanguage } from '../../i18n/index.ts';
import { formatBytes } from './message-form.ts';

/**
 * The browser's own file input (reachable with Tab, opened with Enter or Space, read by screen readers), with the
 * chosen files listed below it, each with a button to remove it. Choosing again adds to the list.
 * @param id - the input's id, which the error summary links to
 */
export function AttachmentInput({
  id,
  files,
  onChange,
  error,
}: {
  id: string;
  files: File[];
  onChange: (files: File[]) => void;
  error: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const locale = LOCALES[currentLanguage(i18n.resolvedLanguage)];
  const input = useRef<HTMLInputElement>(null);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={`hb-files${error ? ' hb-files--error' : ''}`}>
      <label htmlFor={id} className="hb-files__label">
        {t('dialog.files')}
      </label>
      <p id={hintId} className="hb-hint hb-files__hint">
        {t('dialog.filesHint', { max: DIALOG_LIMITS.maxAttachments })}
      </p>
      {error && (
        <p id={errorId} className="hb-files__error">
          {error}
        </p>
      )}
      <input
        ref={input}
        id={id}
        name="files"
        type="file"
        multiple
        className="hb-files__input"
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          const chosen = Array.from(e.target.files ?? []);
          onChange([...files, ...chosen]);
          // Cleared so the same file can be chosen again after being removed.
          e.target.value = '';
        }}
      />
      {files.length > 0 && (
        <ul className="hb-files__list" aria-label={t('dialog.chosenFiles')}>
          {files.map((file, index) => (
            <li key={`${file.name}:${file.size}:${index}`} className="hb-files__item">
              <span className="hb-files__name">{file.name}</span>
              <span className="hb-hint">{formatBytes(file.size, locale)}</span>
              <Button
                variant="borderless"
                onClick={() => {
                  onChange(files.filter((_, i) => i !== index));
                  input.current?.focus();
                }}
              >
                {t('dialog.removeFile', { name: file.name })}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
