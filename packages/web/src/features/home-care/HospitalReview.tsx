import Button from '@helsenorge/designsystem-react/components/Button';
import { useTranslation } from 'react-i18next';
import { useMarkHospitalReviewed } from '../../api/home-care-queries.ts';
import { ErrorPanel } from '../../components/PageStatus.tsx';

/**
 * The prompt after a hospital discharge (LOG_UTSKREVET / Utskrivningsrapport, issue 15) with "Gjennomgått": the
 * health worker has reviewed the citizen's plan, and the prompt leaves Mine brukere and Mine besøk i dag (the
 * server keeps who and when).
 */
export function HospitalReview({ personId, name }: { personId: string; name: string }) {
  const { t } = useTranslation();
  const review = useMarkHospitalReviewed();
  return (
    <div className="hb-hospital-review">
      <p className="hb-cal-status hb-cal-status--request">{t('staffAccess.hospital.review')}</p>
      <Button
        variant="outline"
        disabled={review.isPending}
        aria-label={t('homeCare.reviewedFor', { name })}
        onClick={() => review.mutate(personId)}
      >
        {t('homeCare.reviewed')}
      </Button>
      {review.isError && <ErrorPanel error={review.error} />}
    </div>
  );
}
