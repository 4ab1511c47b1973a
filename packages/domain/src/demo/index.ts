export * from './create.ts';
export { completeDemo } from './complete/index.ts';
