/**
 * Reading a statistics table (every combination of its dimensions' values and "total"): the count of a cell given
 * some dimensions' values, the others at their total. Null: suppressed; undefined: no such cell.
 */
import type { StatisticsTable } from '../../api/statistics-types.ts';

export type DimensionName = StatisticsTable['dimensions'][number]['name'];

export interface Cube {
  readonly table: StatisticsTable;
  count(fixed: Partial<Record<DimensionName, string>>): number | null | undefined;
  has(name: DimensionName): boolean;
  values(name: DimensionName): StatisticsTable['dimensions'][number]['values'];
}

export function cubeOf(table: StatisticsTable): Cube {
  const cells = new Map(table.cells.map((c) => [c.key.join('\u0000'), c.count]));
  const names = table.dimensions.map((d) => d.name);
  return {
    table,
    count: (fixed) => cells.get(names.map((name) => fixed[name] ?? 'total').join('\u0000')),
    has: (name) => names.includes(name),
    values: (name) => table.dimensions.find((d) => d.name === name)?.values ?? [],
  };
}
