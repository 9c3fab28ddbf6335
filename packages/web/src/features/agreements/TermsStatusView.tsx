import type { DigifinRecord, DigifinRequirement, TermsDocumentStatus, TermsVersion } from '@helsebro/contracts';
import { DATA_CONTROLLER_ROLES } from '@helsebro/contracts/constants';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../components/useFormatters.ts';

/** The change log of a version, one line per change. */
export function ChangeLog({ version }: { version: TermsVersion }) {
  const { t } = useTranslation();
  return (
    <ul aria-label={t('agreements.changesOf', { version: version.version })}>
      {version.changes.map((c, i) => (
        <li key={i}>{c}</li>
      ))}
    </ul>
  );
}

/**
 * Per document: the current version with its change log, whether the municipality accepted it (or is overdue),
 * and the earlier versions. `action` renders what the reader may do with a version (the administrator's accept).
 */
export function TermsDocuments({
  documents,
  headingLevel = 2,
  action,
}: {
  documents: TermsDocumentStatus[];
  headingLevel?: 2 | 3;
  action?: (d: TermsDocumentStatus & { current: TermsVersion }) => ReactNode;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const H = `h${headingLevel}` as const;
  const Sub = `h${headingLevel + 1}` as 'h3' | 'h4';
  return (
    <>
      {documents.map((d) => (
        <section key={d.document} className="hb-panel" aria-labelledby={`terms-${d.document}`}>
          <H id={`terms-${d.document}`} className="hb-panel__heading">
            {t(`agreements.document.${d.document}`)}
          </H>
          {!d.current ? (
            <p className="hb-empty">{t('agreements.nonePublished')}</p>
          ) : (
            <>
              <p>
                {t('agreements.versionOf', { version: d.current.version, date: fmt.date(d.current.date) })}
                {d.current.acceptBy && ` ${t('agreements.acceptBy', { date: fmt.date(d.current.acceptBy) })}`}
              </p>
              <p className="hb-notice">
                {d.acceptance
                  ? t('agreements.acceptedBy', {
                      name: d.acceptance.acceptedByName,
                      date: fmt.dateTime(d.acceptance.acceptedAt),
                    })
                  : d.overdue
                    ? t('agreements.overdue')
                    : t('agreements.notAccepted')}
                {!d.acceptance &&
                  d.previouslyAccepted &&
                  ` ${t('agreements.previouslyAccepted', { version: d.previouslyAccepted })}`}
              </p>
              <Sub>{t('agreements.changesHeading')}</Sub>
              <ChangeLog version={d.current} />
              {action?.({ ...d, current: d.current })}
            </>
          )}
          {d.history.length > 0 && (
            <details>
              <summary>{t('agreements.history', { count: d.history.length })}</summary>
              {d.history.map((v) => (
                <div key={v.id}>
                  <p>
                    <strong>{t('agreements.versionOf', { version: v.version, date: fmt.date(v.date) })}</strong>
                  </p>
                  <ChangeLog version={v} />
                </div>
              ))}
            </details>
          )}
        </section>
      ))}
    </>
  );
}

/** DigiFin membership and the connection fee as recorded (seed 000 §5.2), and what is still missing. */
export function DigifinFacts({ digifin, missing }: { digifin: DigifinRecord | null; missing: DigifinRequirement[] }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const dash = '–';
  return (
    <>
      <dl className="hb-facts">
        <div>
          <dt>{t('agreements.digifin.member')}</dt>
          <dd>
            {digifin?.member
              ? t('agreements.digifin.memberSince', {
                  date: digifin.memberSince ? fmt.date(digifin.memberSince) : dash,
                })
              : t('agreements.digifin.notMember')}
          </dd>
        </div>
        <div>
          <dt>{t('agreements.digifin.fee')}</dt>
          <dd>
            {digifin?.feeAmountNok !== null && digifin?.feeAmountNok !== undefined
              ? t('agreements.digifin.amount', { amount: fmt.number(digifin.feeAmountNok) })
              : dash}
          </dd>
        </div>
        <div>
          <dt>{t('agreements.digifin.invoice')}</dt>
          <dd>{digifin?.feeInvoiceReference ?? dash}</dd>
        </div>
        <div>
          <dt>{t('agreements.digifin.paidOn')}</dt>
          <dd>{digifin?.feePaidOn ? fmt.date(digifin.feePaidOn) : t('agreements.digifin.unpaid')}</dd>
        </div>
      </dl>
      {missing.length > 0 && (
        <p className="hb-notice">
          {t('agreements.digifin.missing', {
            list: fmt.list(missing.map((m) => t(`agreements.digifin.requirement.${m}`))),
          })}
        </p>
      )}
    </>
  );
}

/** Who is data controller for what (seed 000 §3.1–3.2): static, the same for every municipality. */
export function ControllerRoles({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const H = `h${headingLevel}` as const;
  return (
    <section className="hb-panel" aria-labelledby="controller-roles">
      <H id="controller-roles" className="hb-panel__heading">
        {t('agreements.controllers.heading')}
      </H>
      <dl className="hb-facts">
        {DATA_CONTROLLER_ROLES.map((r) => (
          <div key={r.scope}>
            <dt>
              {t(`agreements.controllers.party.${r.party}`)} — {t(`agreements.controllers.role.${r.role}`)}
            </dt>
            <dd>
              {t(`agreements.controllers.scope.${r.scope}`)}{' '}
              <span className="hb-hint">{t('agreements.controllers.section', { section: r.section })}</span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
