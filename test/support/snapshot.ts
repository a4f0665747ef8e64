/**
 * What a refused request must leave as it was: the rows of the tables it could have written, as one comparable text
 * (every row as JSON, in a stable order) — of one child when `childId` is given, else of the whole table. The
 * forbidden-transition tests take one before and one after each refused step.
 */
import type { TestApp } from './app.ts';

export async function snapshotTables(
  t: TestApp,
  tables: readonly string[],
  childId?: string,
): Promise<string> {
  const parts: string[] = [];
  for (const table of tables) {
    const where = childId === undefined ? '' : ' where x.child_id = $1';
    const { rows } = await t.database.raw.query<{ row: string }>(
      `select coalesce(string_agg(row_to_json(x)::text, '|' order by row_to_json(x)::text), '') as row from ${table} x${where}`,
      childId === undefined ? [] : [childId],
    );
    parts.push(`${table}:${rows[0]?.row ?? ''}`);
  }
  return parts.join('\n');
}
