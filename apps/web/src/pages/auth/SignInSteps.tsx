import { AreaStrings } from '../../i18n/lazy-areas';
import { MfaEnrolmentPage } from './MfaEnrolmentPage';
import { MfaStepPage } from './MfaStepPage';

/**
 * The sign-in steps after the password: the second factor, or setting one up.
 * One chunk loaded by the session gate only when a session is at one of them.
 */
export function SignInSteps({ stage }: { stage: 'mfa' | 'mfa_enrol' }) {
  return (
    <AreaStrings area="authentication">
      {stage === 'mfa' ? <MfaStepPage /> : <MfaEnrolmentPage />}
    </AreaStrings>
  );
}
