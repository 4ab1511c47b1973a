/**
 * The authentication screens the app shell loads on demand (the steps after
 * the password, the step-up prompt), behind one dynamic import: each extra
 * entry would split shared code into more chunks on the log-in page's first load.
 */
export { SignInSteps } from './SignInSteps';
export { StepUpModal } from './StepUpModal';
