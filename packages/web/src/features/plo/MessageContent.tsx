import type { PloConsoleContent, PloContentField, PloContentSection } from '@helsebro/contracts';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../components/useFormatters.ts';
import { i18nKey } from './paths.ts';

type Level = 3 | 4 | 5 | 6;

/** The message's content as the server read it: sections with headings, each a list of labelled values. */
export function MessageContent({ content }: { content: PloConsoleContent }) {
  const { t } = useTranslation();
  return (
    <section className="hb-panel hb-plo-content" aria-labelledby="plo-content-heading">
      <h2 id="plo-content-heading" className="hb-panel__heading">
        {t('ploConsole.content')}
      </h2>
      {content.rendering === 'none' && <p>{t('ploConsole.contentNone')}</p>}
      {content.rendering === 'generic' && <p className="hb-hint">{t('ploConsole.contentGeneric')}</p>}
      {content.sections.map((s, i) => (
        <Section key={`${s.key ?? s.label}-${i}`} section={s} level={3} />
      ))}
      {content.attachments.length > 0 && (
        <>
          <h3 className="hb-plo-content__heading">{t('ploConsole.attachments')}</h3>
          <ul>
            {content.attachments.map((a, i) => (
              <li key={i}>
                {t('ploConsole.attachment', { type: a.mimeType ?? '–', description: a.description ?? '–' })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Section({ section, level }: { section: PloContentSection; level: Level }) {
  const { t } = useTranslation();
  const Heading = `h${level}` as const;
  const key = section.key ? `ploConsole.sections.${i18nKey(section.key)}` : null;
  const label = key && i18next.exists(key) ? t(key) : section.label;
  const next = Math.min(level + 1, 6) as Level;
  return (
    <div className="hb-plo-section">
      <Heading className="hb-plo-content__heading">{label}</Heading>
      {section.fields.length > 0 && (
        <dl className="hb-facts hb-plo-facts">
          {section.fields.map((f, i) => (
            <Field key={`${f.label}-${i}`} field={f} />
          ))}
        </dl>
      )}
      {section.sections.map((s, i) => (
        <Section key={`${s.key ?? s.label}-${i}`} section={s} level={next} />
      ))}
    </div>
  );
}

function Field({ field }: { field: PloContentField }) {
  const { t } = useTranslation();
  const { date, dateTime } = useFormatters();
  const key = field.key ? `ploConsole.fields.${field.key}` : null;
  const label = key && i18next.exists(key) ? t(key) : field.label;
  const value =
    field.kind === 'date'
      ? date(field.value)
      : field.kind === 'dateTime'
        ? dateTime(field.value)
        : field.kind === 'flag'
          ? field.value === 'true'
            ? t('ploConsole.yes')
            : t('ploConsole.no')
          : field.value;
  return (
    <div className={field.kind === 'longText' ? 'hb-plo-facts__long' : undefined}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
