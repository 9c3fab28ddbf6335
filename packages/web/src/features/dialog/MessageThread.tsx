import type { MessageItem } from '@helsebro/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../components/useFormatters.ts';
import { LOCALES, currentLanguage } from '../../i18n/index.ts';
import { formatBytes } from './message-form.ts';

/**
 * The messages of a conversation, oldest first. Text is rendered as text (React escapes it; line breaks kept by
 * CSS), never as HTML: it is whatever a citizen or a staff member typed. Each side sees whether the other side has
 * read its own messages.
 * @param side - whose view this is: the citizen's (Min side) or the unit's (staff inbox)
 */
export function MessageThread({
  messages,
  side,
  unitName,
  headingId,
}: {
  messages: MessageItem[];
  side: 'citizen' | 'unit';
  unitName: string;
  headingId: string;
}) {
  const { t, i18n } = useTranslation();
  const { dateTime } = useFormatters();
  const locale = LOCALES[currentLanguage(i18n.resolvedLanguage)];
  const attachmentBase = side === 'citizen' ? '/api/dialog/attachments' : '/api/staff/dialog/attachments';
  return (
    <ol className="hb-thread" aria-labelledby={headingId}>
      {messages.map((m) => {
        const own = m.from === side;
        // The automatic reply is the unit's own (its author name is the unit's name), marked as such.
        const author = m.automatic
          ? unitName
          : m.from === 'unit'
            ? `${m.authorName}, ${unitName}`
            : m.onBehalfOf
              ? t('dialog.onBehalfOf', { author: m.authorName, name: m.onBehalfOf })
              : m.authorName;
        return (
          <li key={m.id} className={`hb-message hb-message--${m.from}${own ? ' hb-message--own' : ''}`}>
            <article
              aria-label={`${author}${m.automatic ? `, ${t('dialog.automatic')}` : ''}, ${dateTime(m.createdAt)}`}
              data-automatic={m.automatic ? 'yes' : undefined}
            >
              <p className="hb-message__meta">
                <strong className="hb-message__author">{author}</strong>{' '}
                {m.automatic && (
                  <>
                    <span className="hb-badge hb-message__automatic">{t('dialog.automatic')}</span>{' '}
                  </>
                )}
                <time dateTime={m.createdAt} className="hb-hint">
                  {dateTime(m.createdAt)}
                </time>
              </p>
              <div className="hb-message__text">{m.text}</div>
              {m.attachments.length > 0 && (
                <div className="hb-message__files">
                  <p className="hb-message__files-label">{t('dialog.attachments')}</p>
                  <ul>
                    {m.attachments.map((a) => (
                      <li key={a.id}>
                        <a href={`${attachmentBase}/${encodeURIComponent(a.id)}`} download={a.filename}>
                          {t('dialog.download', { name: a.filename, size: formatBytes(a.sizeBytes, locale) })}
                        </a>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {own && !m.automatic && (
                <p className="hb-message__read" data-read={m.readAt ? 'yes' : 'no'}>
                  {side === 'citizen'
                    ? m.readAt
                      ? t('dialog.readAt', { date: dateTime(m.readAt) })
                      : t('dialog.notRead')
                    : m.readAt
                      ? t('staffInbox.readByCitizen', { date: dateTime(m.readAt) })
                      : t('staffInbox.notReadByCitizen')}
                </p>
              )}
            </article>
          </li>
        );
      })}
    </ol>
  );
}
