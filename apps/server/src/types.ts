import type { Locale } from '@mamoru/contracts';
import type { Database } from '@mamoru/db';
import type { Config } from './config.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The language of messages for this caller. */
    locale: Locale;
  }
  interface FastifyInstance {
    config: Config;
    database: Database;
  }
}
