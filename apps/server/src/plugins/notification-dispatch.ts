import fp from 'fastify-plugin';
import { notifications } from '@mamoru/domain';

/**
 * Email set-up and the post-commit kick. The SMTP transport is configured
 * once from the environment. A request that created an immediate
 * notification (an approval request) asks for a dispatch; after its response
 * is sent, its transaction has committed, so the dispatcher runs here in the
 * background and the mail leaves within seconds. One run at a time: a kick
 * during a run makes it go round once more. The scheduled dispatcher job
 * (notifications.dispatch-email) covers retries and other server instances.
 */
export const notificationDispatchPlugin = fp(async (app) => {
  const { config, database } = app;
  const mail = config.mail;
  if (mail) {
    notifications.configureMail({
      url: mail.smtpUrl,
      from: mail.from,
      publicUrl: mail.publicUrl,
      requireTls: mail.requireTls,
      rejectUnauthorized: mail.rejectUnauthorized,
    });
  }
  let running: Promise<void> | null = null;
  let again = false;
  const logFailure = (msg: string, error: unknown) => app.log.warn({ err: error }, msg);
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await notifications.dispatchImmediate(database.db, logFailure);
      } while (again);
    })()
      .catch((error: unknown) => app.log.error({ err: error }, 'notification dispatch failed'))
      .finally(() => {
        running = null;
      });
  };
  app.addHook('onResponse', async () => {
    if (notifications.takeDispatchWanted() && notifications.emailEnabled()) run();
  });
  app.addHook('onClose', async () => {
    await running;
    if (mail) notifications.configureMail(null);
  });
});
