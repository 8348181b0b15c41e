/** What every start does before serving: migrate, load the unit catalogue, and the demo if asked. */
import { SEED_ACTOR } from './audit.js';
import { seedCatalogue } from './catalogue.js';
import type { Database } from './client.js';
import { seedDemo } from './demo.js';

export interface PrepareResult {
  unitsAdded: number;
  demoCreated: boolean;
}

export async function prepareDatabase(
  database: Database,
  options: { demo: boolean },
): Promise<PrepareResult> {
  await database.migrate();
  return database.db.transaction(async (tx) => {
    const unitsAdded = await seedCatalogue(tx, SEED_ACTOR);
    const demoCreated = options.demo ? await seedDemo(tx, SEED_ACTOR) : false;
    return { unitsAdded, demoCreated };
  });
}
