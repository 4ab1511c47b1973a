export { buildApp, type AppOptions } from './app.ts';
export { loadConfig, ConfigError, type Config } from './config.ts';
export { serve } from './serve.ts';
export { serveProcesses } from './cluster.ts';
export { MAMORU_VERSION } from './version.ts';
