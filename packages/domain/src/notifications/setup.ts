import { createSmtpMailer, type Mailer, type SmtpOptions } from './mailer.ts';

/**
 * The process's email set-up: the server configures it once at start from
 * its environment; the dispatcher, digest and the settings pages read it.
 */
export interface MailSetup {
  mailer: Mailer;
  /** The web app's address, for links in mails (unsubscribe, the notification's page). */
  publicUrl: string;
}

let current: MailSetup | null = null;

export function configureMail(
  options: (SmtpOptions & { publicUrl: string }) | null,
  mailer?: Mailer,
) {
  current?.mailer.close();
  current = options
    ? { mailer: mailer ?? createSmtpMailer(options), publicUrl: options.publicUrl }
    : null;
}

export function mailSetup() {
  return current;
}

export function emailEnabled() {
  return current !== null;
}
