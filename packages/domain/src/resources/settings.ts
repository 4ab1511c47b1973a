import type { Executor } from '@mamoru/db';
import { getResourceSettings } from '@mamoru/db/repositories/resources';

/** April: the start of most Japanese companies' fiscal year. */
export const DEFAULT_START_MONTH = 4;

/** The settings as stored, or April with version 0 before the first save. */
export async function settingsOf(db: Executor, org: string) {
  const row = await getResourceSettings(db, org);
  return {
    fiscalYearStartMonth: row?.fiscalYearStartMonth ?? DEFAULT_START_MONTH,
    version: row?.version ?? 0,
  };
}
