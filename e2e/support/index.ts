export * from './axe.ts';
export * from './browser.ts';
export * from './build.ts';
export * from './paths.ts';
export * from './server.ts';
export * from './identity.ts';
export * from './data-template.ts';
export * from './smtp.ts';
