// The log-in and first-run forms check their input with the contract's own schemas, but
// zod is ~24 KB compressed: it loads at the first submit, not with the first page
// (the first-visit budget in e2e/tests/delivery.test.ts).
export { loginRequestSchema, setupRequestSchema } from '@mamoru/contracts';
