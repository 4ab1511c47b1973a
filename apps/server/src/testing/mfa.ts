import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { expect } from 'vitest';
import type { FactorAdded, SessionInfo, TotpEnrolment } from '@mamoru/contracts';
import type { LightMyRequestResponse as Response } from 'fastify';
import type { App } from './app.ts';
import { SESSION_COOKIE } from '../plugins/auth.ts';
import { TEST_PASSWORD, type Client } from './identity.ts';

/**
 * Test helpers for second factors: an authenticator app (codes computed with
 * otpauth, as a phone would), enrolment through the API, and a raw password
 * log-in that may stop at the MFA stage.
 */

/** The code an authenticator app shows for this seed, `offsetSteps` periods from now. */
export function totpCode(secret: string, offsetSteps = 0): string {
  const totp = new TOTP({
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  });
  return totp.generate({ timestamp: Date.now() + offsetSteps * 30_000 });
}

/** Enrols an authenticator app for the client's user; returns its seed and the recovery codes. */
export async function enrolTotp(client: Client, label = 'Phone') {
  const start = await client.post('/api/v1/me/factors/totp');
  expect(start.statusCode, start.body).toBe(200);
  const enrolment = start.json<TotpEnrolment>();
  const confirm = await client.post('/api/v1/me/factors/totp/confirm', {
    flowId: enrolment.flowId,
    code: totpCode(enrolment.secret),
    label,
  });
  expect(confirm.statusCode, confirm.body).toBe(201);
  return { secret: enrolment.secret, ...confirm.json<FactorAdded>() };
}

/** A session as the log-in answer left it (maybe at the MFA stage), for hand-made requests. */
export interface RawSession {
  info: SessionInfo;
  token: string;
  request(method: string, url: string, body?: unknown): Promise<Response>;
}

export async function passwordLogin(
  app: App,
  email: string,
  password = TEST_PASSWORD,
): Promise<RawSession> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  expect(res.statusCode, res.body).toBe(200);
  const token = res.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
  const info = res.json<SessionInfo>();
  return {
    info,
    token,
    request: (method, url, body) =>
      app.inject({
        method: method as 'GET',
        url,
        headers: { cookie: `${SESSION_COOKIE}=${token}`, 'x-csrf-token': info.csrfToken },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}

/** Makes a session's last authentication `minutes` old, as if time had passed. */
export async function ageSession(app: App, sessionToken: string, minutes: number) {
  const id = createHash('sha256').update(sessionToken).digest('hex');
  await app.database.db.execute(
    sql`update sessions set authenticated_at = now() - make_interval(mins => ${minutes}) where id = ${id}`,
  );
}

/**
 * Sets the organizations' step-up window to two hours: suites that sign in
 * once and run longer than the default ten minutes on a busy machine would
 * otherwise meet `step_up_required` on their sensitive requests.
 */
export async function longStepUpWindow(app: App, organizationIds: string[]) {
  for (const id of organizationIds) {
    await app.database.db.execute(
      sql`insert into auth_policies (organization_id, step_up_minutes) values (${id}, 120)
          on conflict (organization_id) do update set step_up_minutes = 120`,
    );
  }
}
