import { type Database, DatabaseOpenError, openDatabase } from '../db/client.js';
import { DataDirLockedError } from '../db/lock.js';
import type { Config } from '../server/config.js';
import { CliError } from './errors.js';

export const DATABASE_NOT_READY = 3;

/** Opens PostgreSQL when DATABASE_URL is set, otherwise the embedded database in DATA_DIR. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  try {
    return await openDatabase(
      config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
    );
  } catch (error) {
    if (error instanceof DataDirLockedError || error instanceof DatabaseOpenError) {
      throw new CliError(error.message, DATABASE_NOT_READY);
    }
    throw error;
  }
}
