import { pruneSignInState as prune } from '@mamoru/db/repositories/authentication';
import type { ScheduledJob } from '../jobs/schedules.ts';

/** Failed log-ins are kept a week: longer than any throttle window the settings allow. */
const FAILURES_KEPT_SECONDS = 7 * 24 * 3600;

/**
 * Sessions past their expiry, sign-in ceremonies never finished (WebAuthn,
 * OIDC, SAML), SAML assertion IDs no longer replayable and old failed log-ins
 * are only ever read with a time bound, so they are dead rows: removed hourly.
 */
export const pruneSignInState: ScheduledJob = {
  name: 'sign-in.prune',
  cron: '23 * * * *',
  async run({ db, log }) {
    const removed = await prune(db, FAILURES_KEPT_SECONDS);
    log.info({ removed }, 'lapsed sign-in state removed');
  },
};
