// The in-process SMTP server of the server's tests, shared with the browser tests.
export {
  startSmtpCapture,
  type CapturedMail,
  type SmtpCapture,
} from '../../apps/server/src/testing/smtp.ts';
