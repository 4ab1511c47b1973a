import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

/**
 * A real SMTP server inside the test (the npm smtp-server package): mail the
 * app sends goes over a socket to it and is parsed back as the recipient's
 * client would see it.
 */
export interface CapturedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: ParsedMail['headers'];
  /** The List-Unsubscribe header as sent (mailparser restructures List-* headers). */
  listUnsubscribe: string;
  /** The unsubscribe URLs in the body. */
  unsubscribeLinks: string[];
}

export interface SmtpCapture {
  url: string;
  mails: CapturedMail[];
  /** Waits until `count` mails arrived (or fails after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<CapturedMail[]>;
  /** The next deliveries are refused with a temporary error. */
  refuse(times: number): void;
  close(): Promise<void>;
}

export async function startSmtpCapture(): Promise<SmtpCapture> {
  const mails: CapturedMail[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      if (refusals > 0) {
        refusals -= 1;
        stream.resume();
        stream.on('end', () =>
          callback(Object.assign(new Error('Try again later'), { responseCode: 451 })),
        );
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          const text = parsed.text ?? '';
          mails.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            text,
            html: typeof parsed.html === 'string' ? parsed.html : '',
            headers: parsed.headers,
            listUnsubscribe:
              parsed.headerLines
                .find((h) => h.key === 'list-unsubscribe')
                ?.line.replace(/^[^:]+:\s*/, '')
                .replace(/\r?\n\s+/g, '') ?? '',
            unsubscribeLinks: [...text.matchAll(/https?:\/\/\S+\/unsubscribe\?token=[\w-]+/g)].map(
              (m) => m[0],
            ),
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    refuse(times) {
      refusals = times;
    },
    async waitFor(count, timeoutMs = 10_000) {
      const end = Date.now() + timeoutMs;
      while (mails.length < count) {
        if (Date.now() > end) throw new Error(`expected ${count} mails, got ${mails.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return mails;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
