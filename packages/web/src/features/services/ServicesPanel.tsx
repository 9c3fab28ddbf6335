import type { MunicipalService } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import Input from '@helsenorge/designsystem-react/components/Input';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeServiceStatus, useMunicipalityServices } from '../../api/services-queries.ts';
import { ErrorPanel, errorMessage, Loading } from '../../components/PageStatus.tsx';
import { ServiceHistory, ServicesTable } from './ServicesTable.tsx';

/**
 * The operator's panel on a municipality's page: every service's status, activating what the municipality ordered
 * (seed 000 §5.1: "aktiveres av Norsk Helsenett") or suspending it, each with a reason; and the history.
 */
export function ServicesPanel({ municipalityId }: { municipalityId: string }) {
  const { t } = useTranslation();
  const services = useMunicipalityServices(municipalityId);
  const change = useChangeServiceStatus(municipalityId);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ code: string; text: string } | null>(null);
  const act = (s: MunicipalService, name: string, verb: 'activate' | 'suspend') => {
    if (!reason.trim()) {
      setMessage({ code: s.code, text: t('services.reasonRequired') });
      return;
    }
    change.mutate(
      { code: s.code, verb, reason: reason.trim() },
      {
        onSuccess: () =>
          setMessage({
            code: '',
            text: t(verb === 'activate' ? 'services.activated' : 'services.suspended', { service: name }),
          }),
        onError: (err) => setMessage({ code: s.code, text: errorMessage(err, t) }),
      },
    );
  };
  return (
    <section className="hb-section" aria-labelledby="services-panel-heading">
      <h2 id="services-panel-heading" className="hb-section__heading">
        {t('services.panelHeading')}
      </h2>
      {services.isError ? (
        <ErrorPanel error={services.error} onRetry={() => void services.refetch()} />
      ) : !services.data ? (
        <Loading />
      ) : (
        <>
          <p>
            {services.data.dataProcessingAgreement
              ? t('services.dpa.signed', {
                  version: services.data.dataProcessingAgreement.version,
                  name: services.data.dataProcessingAgreement.signatoryName,
                  title: services.data.dataProcessingAgreement.signatoryTitle,
                  date: services.data.dataProcessingAgreement.signedOn,
                })
              : t('services.dpa.none')}
          </p>
          <Input
            inputId="service-reason"
            name="reason"
            label={t('services.reason')}
            autoComplete="off"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <p role="status" className="hb-notice">
            {message?.code === '' ? message.text : ''}
          </p>
          <ServicesTable
            data={services.data}
            headingLevel={3}
            action={(s, name) => (
              <>
                {(s.status === 'ordered' || s.status === 'suspended') && (
                  <Button variant="borderless" disabled={change.isPending} onClick={() => act(s, name, 'activate')}>
                    {t('services.activate', { service: name })}
                  </Button>
                )}
                {s.status === 'active' && (
                  <Button variant="borderless" disabled={change.isPending} onClick={() => act(s, name, 'suspend')}>
                    {t('services.suspend', { service: name })}
                  </Button>
                )}
                {message?.code === s.code && (
                  <p className="hb-field-error" role="alert">
                    {message.text}
                  </p>
                )}
              </>
            )}
          />
          <ServiceHistory municipalityId={municipalityId} data={services.data} headingLevel={3} />
        </>
      )}
    </section>
  );
}
