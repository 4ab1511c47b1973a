// The improvement register, communication log, preventive proposals and settings (ireg).
export * from './improvements.ts';
export * from './communications.ts';
export * from './preventive.ts';
export * from './improvements-settings.ts';
export * from './improvements-presenters.ts';
export * from './improvements-takeover.ts';
