import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { shippedLibraries, shippedLibrary, flattenRequirements } from '@mamoru/catalog';
import { queryRows } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { migrateDatabase } from '../database.ts';
import { libraryContentHash } from './nodes.ts';
import { syncShippedLibraries } from './sync.ts';

const JIPDEC = 'jipdec-isms-2.0';
/** Every shipped library ID (Ver.2.0, ISO/IEC 27001:2022 and the edition mapping libraries), sorted. */
const shippedIds = async () => (await shippedLibraries()).map((l) => l.id);

interface Counts {
  libraries: number;
  requirements: number;
  domains: number;
  objectives: number;
  controls: number;
}

describeEachDatabase('shipped-library sync', (ctx) => {
  const db = () => ctx.database.db;

  async function counts(): Promise<Counts> {
    const [row] = await queryRows<Counts>(
      db(),
      sql`select
        (select count(*)::int from catalog_libraries where organization_id is null) as libraries,
        count(*) filter (where kind = 'requirement')::int as requirements,
        count(*) filter (where kind = 'domain')::int as domains,
        count(*) filter (where kind = 'objective')::int as objectives,
        count(*) filter (where kind = 'control')::int as controls
      from catalog_nodes n join catalog_libraries l on l.id = n.library_id
      where l.library_id = ${JIPDEC} and l.organization_id is null`,
    );
    return row!;
  }

  /** Every node row with its uuid: a rewrite would give new uuids. */
  const nodeIds = async (only?: { libraryId: string; not?: boolean }) =>
    (
      await queryRows<{ id: string }>(
        db(),
        only
          ? sql`select n.id from catalog_nodes n join catalog_libraries l on l.id = n.library_id
              where (l.library_id = ${only.libraryId}) <> ${only.not ?? false} order by n.id`
          : sql`select id from catalog_nodes order by id`,
      )
    ).map((r) => r.id);

  it('loads the shipped library on migrate: 10 domains, 36 objectives, 134 controls, every requirement', async () => {
    const lib = (await shippedLibrary(JIPDEC))!;
    expect(await counts()).toEqual({
      libraries: (await shippedIds()).length,
      requirements: flattenRequirements(lib).length,
      domains: 10,
      objectives: 36,
      controls: 134,
    });
    expect(flattenRequirements(lib).length).toBeGreaterThan(100);
    expect(await shippedIds()).toEqual([
      'iso-iec-17799-2000',
      'iso-iec-27001-2005',
      'iso-iec-27001-2013',
      'iso-iec-27001-2022',
      JIPDEC,
    ]);
    // ISO/IEC 27001:2022 lands beside it: 4 themes, 93 controls, clauses 4 to 10.
    const [iso] = await queryRows<Record<string, number>>(
      db(),
      sql`select count(*) filter (where kind = 'domain')::int as themes,
        count(*) filter (where kind = 'control')::int as controls,
        count(*) filter (where kind = 'requirement')::int as requirements
      from catalog_nodes n join catalog_libraries l on l.id = n.library_id
      where l.library_id = 'iso-iec-27001-2022' and l.organization_id is null`,
    );
    expect(iso).toEqual({ themes: 4, controls: 93, requirements: 41 });
    const [row] = await queryRows<{ content_hash: string; origin: string }>(
      db(),
      sql`select content_hash, origin from catalog_libraries where library_id = ${JIPDEC}`,
    );
    expect(row).toEqual({ content_hash: libraryContentHash(lib), origin: 'shipped' });
  });

  it('changes nothing on a second run', async () => {
    const before = { counts: await counts(), ids: await nodeIds() };
    const [stamp] = await queryRows<{ updated_at: string }>(
      db(),
      sql`select updated_at::text from catalog_libraries where library_id = ${JIPDEC}`,
    );
    expect(await syncShippedLibraries(db())).toEqual({
      updated: [],
      unchanged: await shippedIds(),
    });
    const again = await migrateDatabase(db());
    expect(again).toMatchObject({
      applied: 0,
      libraries: { updated: [], unchanged: await shippedIds() },
    });
    expect({ counts: await counts(), ids: await nodeIds() }).toEqual(before);
    const [after] = await queryRows<{ updated_at: string }>(
      db(),
      sql`select updated_at::text from catalog_libraries where library_id = ${JIPDEC}`,
    );
    expect(after).toEqual(stamp);
  });

  it('rewrites a library whose content changed, keeping its row', async () => {
    const [before] = await queryRows<{ id: string }>(
      db(),
      sql`select id from catalog_libraries where library_id = ${JIPDEC}`,
    );
    const oldIds = await nodeIds({ libraryId: JIPDEC });
    const otherIds = await nodeIds({ libraryId: JIPDEC, not: true });
    await db().execute(
      sql`update catalog_libraries set content_hash = 'outdated' where library_id = ${JIPDEC}`,
    );
    expect(await syncShippedLibraries(db())).toEqual({
      updated: [JIPDEC],
      unchanged: (await shippedIds()).filter((id) => id !== JIPDEC),
    });
    const [after] = await queryRows<{ id: string; content_hash: string }>(
      db(),
      sql`select id, content_hash from catalog_libraries where library_id = ${JIPDEC}`,
    );
    expect(after!.id).toBe(before!.id);
    expect(after!.content_hash).not.toBe('outdated');
    expect((await counts()).controls).toBe(134);
    const newIds = await nodeIds({ libraryId: JIPDEC });
    expect(newIds).toHaveLength(oldIds.length);
    expect(newIds.filter((id) => oldIds.includes(id))).toEqual([]);
    // The other shipped libraries were not touched.
    expect(await nodeIds({ libraryId: JIPDEC, not: true })).toEqual(otherIds);
  });
});
