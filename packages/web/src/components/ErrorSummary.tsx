import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import { useEffect, useRef } from 'react';

export type SummaryItem = { fieldId: string | null; message: string };

/**
 * The form's errors at its top, each a link to its field; it takes focus when it appears after a submit, so
 * keyboard and screen reader users hear what to fix (the same errors also stand at each field).
 * @param attempt - bumps on every failed submit, so the summary takes focus again
 */
export function ErrorSummary({ title, items, attempt }: { title: string; items: SummaryItem[]; attempt: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt > 0) {
      ref.current?.focus();
    }
  }, [attempt]);
  if (items.length === 0) {
    return null;
  }
  return (
    <div className="hb-error-summary" ref={ref} tabIndex={-1}>
      <NotificationPanel variant="error" label={title} labelHtmlMarkup="h2">
        <ul>
          {items.map((item) => (
            <li key={`${item.fieldId ?? 'form'}:${item.message}`}>
              {item.fieldId ? (
                <a
                  href={`#${item.fieldId}`}
                  onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(item.fieldId ?? '')?.focus();
                  }}
                >
                  {item.message}
                </a>
              ) : (
                item.message
              )}
            </li>
          ))}
        </ul>
      </NotificationPanel>
    </div>
  );
}
