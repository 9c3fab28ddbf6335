import type { FullmaktItem } from '@helsebro/contracts';
import Modal from '@helsenorge/designsystem-react/components/Modal';
import { useTranslation } from 'react-i18next';
import type { Direction } from './FullmaktCard.tsx';

/** "Avslutte fullmakten?": says what ending means for whom, and asks before doing it. */
export function EndFullmaktDialog({
  item,
  direction,
  onConfirm,
  onCancel,
}: {
  item: FullmaktItem;
  direction: Direction;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const name = direction === 'given' ? item.holder.displayName : item.giver.displayName;
  return (
    <Modal
      title={t('fullmakt.confirmTitle')}
      description={t(direction === 'given' ? 'fullmakt.confirmGiven' : 'fullmakt.confirmReceived', { name })}
      variant="warning"
      role="alertdialog"
      primaryButtonText={t('fullmakt.confirmYes')}
      secondaryButtonText={t('fullmakt.confirmNo')}
      ariaLabelCloseBtn={t('fullmakt.confirmNo')}
      onSuccess={onConfirm}
      onClose={onCancel}
    />
  );
}
