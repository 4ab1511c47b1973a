/** Sign-in beyond the first factor: MFA, recovery codes, step-up and the sign-in policy. */
export * from './policy.ts';
export { openSession, stageFor } from './session-start.ts';
export * from './second-factor.ts';
export * from './recovery.ts';
export * from './totp.ts';
export * from './mfa.ts';
export * from './step-up.ts';
export * from './factors.ts';
export * from './factor-reset.ts';
export * from './policy-settings.ts';
export * from './session-info.ts';
