/**
 * Nothing in the browser bundle that the browser does not run (issue 11). The web imports src/domain and the
 * contracts, and a domain module can reach far: one import of the deadline rules once put the whole `date-holidays`
 * data set (every country, with `astronomia` and `moment`) into the login page's JavaScript, 1.4 MB of 2.1 MB. The
 * due dates are computed on the server; the browser needs no holiday table.
 *
 * This walks every import the bundler follows from the web's entry (src/web/main.tsx): static imports, re-exports
 * and dynamic `import()` (lazy routes still ship), but not `import type`/`export type`, which the compiler erases.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = resolve(repoRoot, 'src/web/main.tsx');

/** The module specifiers a file imports at run time (with `import()` when `dynamic`). */
function runtimeImports(file: string, dynamic: boolean): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (node.importClause?.isTypeOnly !== true) found.push(node.moduleSpecifier.text);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      if (!node.isTypeOnly) found.push(node.moduleSpecifier.text);
    } else if (
      dynamic &&
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * Every file of the repository and every package the entry reaches, each with the chain that brought it in; with
 * `dynamic: false` only what the entry chunk itself needs (the login page), not the lazily loaded pages.
 */
function importGraph(entry: string, { dynamic = true } = {}): Map<string, string[]> {
  const reached = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const chain = reached.get(file) ?? [];
    for (const specifier of runtimeImports(file, dynamic)) {
      const isFile = specifier.startsWith('.') || specifier.startsWith('/');
      // A package counts by its name (`react-dom/client` is react-dom); its own imports are its business.
      const target = isFile
        ? resolve(dirname(file), specifier)
        : specifier.startsWith('@')
          ? specifier.split('/').slice(0, 2).join('/')
          : (specifier.split('/')[0] ?? specifier);
      if (reached.has(target)) continue;
      reached.set(target, [...chain, target]);
      if (isFile && /\.tsx?$/.test(target)) queue.push(target);
    }
  }
  return reached;
}

const graph = importGraph(ENTRY);
const entryGraph = importGraph(ENTRY, { dynamic: false });
const shown = (chain: readonly string[]) =>
  chain.map((p) => (p.startsWith('/') ? relative(repoRoot, p) : p)).join(' → ');

describe("The web's import graph", () => {
  it('reaches the pages (the walk follows the imports)', () => {
    expect(graph.has(resolve(repoRoot, 'src/web/pages/LoginPage.tsx'))).toBe(true);
    expect(graph.has(resolve(repoRoot, 'src/web/pages/child/ChildPage.tsx'))).toBe(true);
    expect(graph.has('react-dom')).toBe(true);
  });

  it('never reaches date-holidays (the holiday data of every country)', () => {
    const chain = graph.get('date-holidays');
    expect(chain === undefined ? 'not reached' : shown(chain)).toBe('not reached');
  });

  it.each(['src/domain/deadlines/calendar.ts', 'src/domain/deadlines/rules.ts'])(
    'never reaches %s (working days and due dates are computed on the server)',
    (path) => {
      const chain = graph.get(resolve(repoRoot, path));
      expect(chain === undefined ? 'not reached' : shown(chain)).toBe('not reached');
    },
  );

  it('reaches no server package and no Node.js module', () => {
    const packages = [...graph.keys()].filter((k) => !k.startsWith('/'));
    const server =
      /^(node:.*|fastify.*|@fastify\/.*|pg|drizzle-orm|@electric-sql\/pglite|openid-client|pino|prom-client|tsx)$/;
    expect(packages.filter((p) => server.test(p))).toEqual([]);
  });

  it('keeps forms, schemas and contracts out of the entry chunk: the login page loads no zod (budget 150 kB gzip)', () => {
    const heavy = [...entryGraph.entries()].filter(
      ([key]) =>
        ['zod', 'react-hook-form', '@hookform/resolvers', 'd3-geo', 'topojson-client'].includes(key) ||
        /[\\/]contract\.ts$/.test(key),
    );
    expect(heavy.map(([, chain]) => shown(chain))).toEqual([]);
  });
});
