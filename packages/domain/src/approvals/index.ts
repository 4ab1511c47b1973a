// Approvals: requests and decisions (service), who approves what (policies).
export * from './service.ts';
export { listPolicies, requestPolicyChange, POLICY_ENTITY } from './policies.ts';
