import { Modal } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInSession } from '../../session/useSession';
import { myFactorsKey, type FactorAdded, type FactorKind } from '../auth/api';
import { PasskeyEnrolment } from '../auth/PasskeyEnrolment';
import { RecoveryCodes } from '../auth/RecoveryCodes';
import { TotpEnrolment } from '../auth/TotpEnrolment';
import { useToast } from '../../components/Toasts';

/**
 * Adds an authenticator app or a passkey from the profile; the first factor
 * brings recovery codes, shown here once.
 */
export function SecurityAddFactorModal({
  kind,
  onClose,
}: {
  kind: FactorKind;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { info } = useSignedInSession();
  const [codes, setCodes] = useState<string[] | null>(null);

  const added = (result: FactorAdded) => {
    void queryClient.invalidateQueries({ queryKey: myFactorsKey });
    toast.success(t('authentication.security.added'), result.factor.label);
    if (result.recoveryCodes?.length) setCodes(result.recoveryCodes);
    else onClose();
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={
        codes
          ? t('authentication.recovery.title')
          : t(
              kind === 'totp'
                ? 'authentication.security.addTotp'
                : 'authentication.security.addPasskey',
            )
      }
      size="lg"
      radius="lg"
      centered
      closeOnClickOutside={!codes}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {codes ? (
        <RecoveryCodes
          codes={codes}
          account={`${info.user.email} (${info.organization.name})`}
          doneLabel={t('common.close')}
          onDone={onClose}
        />
      ) : kind === 'totp' ? (
        <TotpEnrolment onAdded={added} />
      ) : (
        <PasskeyEnrolment onAdded={added} />
      )}
    </Modal>
  );
}
