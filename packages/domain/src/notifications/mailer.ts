import nodemailer from 'nodemailer';

/**
 * Sending email (issue 22): one SMTP transport configured from
 * MAMORU_SMTP_URL, and the one rule for who may receive mail. Without a URL
 * there is no mailer: everything works in the app and nothing is mailed.
 */

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export interface SmtpOptions {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465 (TLS from the start). */
  url: string;
  from: string;
  /** Refuse to send unless the server upgrades to TLS (STARTTLS). */
  requireTls?: boolean;
  /** false accepts a self-signed certificate (a test or internal relay only). */
  rejectUnauthorized?: boolean;
}

export function createSmtpMailer(options: SmtpOptions): Mailer {
  const url = new URL(options.url);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error('MAMORU_SMTP_URL must start with smtp:// or smtps://');
  }
  const secure = url.protocol === 'smtps:';
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    requireTLS: options.requireTls ?? false,
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : undefined,
    tls: { rejectUnauthorized: options.rejectUnauthorized ?? true },
  });
  return {
    async send(m) {
      await transport.sendMail({
        from: options.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        headers: m.headers,
      });
    },
    close: () => transport.close(),
  };
}

/** The organization's rule for who may be mailed. */
export interface MailPolicy {
  mailDomains: readonly string[];
  externalRecipients: readonly string[];
}

/**
 * Only the organization's own addresses (a domain in its mail domains) and
 * the external recipients it named one by one; anyone else is never mailed.
 * A subdomain is not the domain: `mail.example.co.jp` must be listed itself.
 */
export function mayMail(address: string, policy: MailPolicy): boolean {
  const normalized = address.trim().toLowerCase();
  const at = normalized.lastIndexOf('@');
  if (at < 1) return false;
  if (policy.externalRecipients.some((e) => e.toLowerCase() === normalized)) return true;
  const domain = normalized.slice(at + 1);
  return policy.mailDomains.some((d) => d.toLowerCase() === domain);
}
