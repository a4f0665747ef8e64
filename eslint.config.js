// ESLint 9 flat config: type-aware typescript-eslint, zero warnings (`eslint --max-warnings 0 .`), and two
// architectural rules: `src/domain/` stays a pure core (STYLE.md habit 2), and production code under `src/` never
// imports test code from `test/`. `scripts/domain-lint.test.ts` and `scripts/test-boundary-lint.test.ts` prove
// that they fire.
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const repoRoot = dirname(fileURLToPath(import.meta.url));
const domainRoot = resolve(repoRoot, 'src', 'domain');
const testRoot = resolve(repoRoot, 'test');
const domainTestRoot = resolve(testRoot, 'domain');
const testSupportRoot = resolve(testRoot, 'support');

const isInside = (root, path) => {
  const rel = relative(root, path);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
};

/** Calls `check(sourceNode)` for every import, re-export, dynamic import and import type of a file. */
const everyImportSource = (check) => ({
  ImportDeclaration: (node) => check(node.source),
  ExportNamedDeclaration: (node) => check(node.source),
  ExportAllDeclaration: (node) => check(node.source),
  ImportExpression: (node) => check(node.source),
  TSImportType: (node) =>
    check(node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument),
});

/** The file a relative (or absolute) import names, or null for a package import (see no-restricted-imports). */
const importTarget = (filename, node) => {
  if (node?.type !== 'Literal' || typeof node.value !== 'string') return null;
  const source = node.value;
  if (!source.startsWith('.') && !source.startsWith('/')) return null;
  return resolve(dirname(filename), source);
};

/**
 * Relative (or absolute) imports from a file in src/domain must resolve inside src/domain. Resolving the path
 * catches every spelling (`../../platform/x`, `../access/../../platform/x`, `/abs/path`). The domain's tests, in
 * test/domain, may import the domain, each other and the builders in test/support, nothing else.
 */
const domainBoundary = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep imports from src/domain inside src/domain' },
    schema: [],
    messages: {
      outside:
        "'{{source}}' leaves src/domain. The domain core imports only itself (and pure packages); the platform depends on the domain, never the reverse.",
    },
  },
  create(context) {
    const filename = context.filename;
    const isDomainTest = isInside(domainTestRoot, filename);
    return everyImportSource((node) => {
      const target = importTarget(filename, node);
      if (target === null || isInside(domainRoot, target)) return;
      if (isDomainTest && (isInside(domainTestRoot, target) || isInside(testSupportRoot, target))) return;
      context.report({ node, messageId: 'outside', data: { source: node.value } });
    });
  },
};

/**
 * Production code (everything under src/) never imports test code (everything under test/): test builders, fixtures
 * and harnesses must not ship, nor shape what ships.
 */
const noTestImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep test code out of production code' },
    schema: [],
    messages: {
      test: "'{{source}}' is test code (under test/). Production code under src/ never imports from test/.",
    },
  },
  create(context) {
    const filename = context.filename;
    return everyImportSource((node) => {
      const target = importTarget(filename, node);
      if (target === null || !isInside(testRoot, target)) return;
      context.report({ node, messageId: 'test', data: { source: node.value } });
    });
  },
};

/**
 * The capabilities' boundaries (docs/ARCHITECTURE.md, "How to add a capability"). Folders under src/ are of four kinds:
 * - shared by every capability: the domain core, the platform with access and audit, the case kernel and the child
 *   record, notifications and reference data;
 * - composition roots that wire everything together: the server, the CLI and the demo seeder;
 * - the web app, which imports only itself, the domain core and the capabilities' contracts (`contract.ts`);
 * - capabilities, which import only themselves, what is shared and other capabilities' contracts. What one
 *   capability's event means for another runs through the case kernel's consequences table, whose executor
 *   (src/case/consequences.ts) is the one kernel file that imports capabilities.
 */
const srcRoot = resolve(repoRoot, 'src');
const SHARED_FOLDERS = new Set([
  'domain',
  'platform',
  'access',
  'audit',
  'case',
  'children',
  'notifications',
  'reference',
]);
const COMPOSITION_ROOTS = new Set(['server', 'cli', 'seed']);
const CONSEQUENCES_EXECUTOR = resolve(srcRoot, 'case', 'consequences.ts');
const srcFolderOf = (path) => (isInside(srcRoot, path) ? relative(srcRoot, path).split(sep)[0] : null);
const isContract = (path) => /(^|[\\/])contract\.ts$/.test(path);

const capabilityBoundary = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep capabilities apart: shared code, contracts and the consequences table only' },
    schema: [],
    messages: {
      web: "'{{source}}' is server code. src/web imports only src/web, src/domain and the capabilities' contract.ts.",
      capability:
        "'{{source}}' is inside the capability src/{{target}}. src/{{from}} may import only itself, the shared folders (domain, platform, access, audit, case, children, notifications, reference) and other capabilities' contract.ts; a follow-up belongs in the consequences table (src/domain/case/consequences.ts).",
      shared:
        "'{{source}}' is inside the capability src/{{target}}. The shared folder src/{{from}} may import only shared folders; only src/case/consequences.ts runs capabilities' follow-ups.",
    },
  },
  create(context) {
    const filename = context.filename;
    const from = srcFolderOf(filename);
    if (from === null || from === 'domain' || COMPOSITION_ROOTS.has(from)) return {};
    return everyImportSource((node) => {
      const target = importTarget(filename, node);
      if (target === null) return;
      const to = srcFolderOf(target);
      if (to === null || to === from) return;
      if (from === 'web') {
        if (to === 'domain' || isContract(target)) return;
        context.report({ node, messageId: 'web', data: { source: node.value } });
        return;
      }
      if (SHARED_FOLDERS.has(to) || isContract(target)) return;
      if (SHARED_FOLDERS.has(from)) {
        if (filename === CONSEQUENCES_EXECUTOR) return;
        context.report({ node, messageId: 'shared', data: { source: node.value, from, target: to } });
        return;
      }
      context.report({ node, messageId: 'capability', data: { source: node.value, from, target: to } });
    });
  },
};

const anvisaPlugin = {
  rules: {
    'domain-boundary': domainBoundary,
    'no-test-imports': noTestImports,
    'capability-boundary': capabilityBoundary,
  },
};

/**
 * A capability's contract (`src/<capability>/contract.ts`, ADR 0019) imports only zod, src/domain and other contracts:
 * the web bundles it, so it must never pull server code (the database, Fastify, a use case) into the browser.
 */
const contractBoundary = {
  meta: {
    type: 'problem',
    docs: { description: 'A contract imports only zod, src/domain and other contracts' },
    schema: [],
    messages: {
      outside:
        "'{{source}}' is neither src/domain nor another contract. A contract (ADR 0019) imports only zod, src/domain and src/<capability>/contract.ts: the web bundles it.",
      package: "'{{source}}': a contract imports no package but zod (ADR 0019).",
    },
  },
  create(context) {
    const filename = context.filename;
    const check = (node) => {
      if (node?.type !== 'Literal' || typeof node.value !== 'string') return;
      const source = node.value;
      if (!source.startsWith('.') && !source.startsWith('/')) {
        if (source !== 'zod') context.report({ node, messageId: 'package', data: { source } });
        return;
      }
      const target = resolve(dirname(filename), source);
      if (isInside(domainRoot, target)) return;
      const rel = relative(srcRoot, target).split(sep);
      if (rel.length === 2 && rel[1] === 'contract.ts' && rel[0] !== '..') return;
      context.report({ node, messageId: 'outside', data: { source } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

const DOMAIN_IO_MESSAGE =
  'src/domain is the pure core: no database, HTTP, file system, network, process, OS or logging. Do the I/O in src/platform or a use case and pass the result in.';
const NODE_IO_MODULES = [
  'fs',
  'net',
  'http',
  'https',
  'http2',
  'child_process',
  'os',
  'dns',
  'dgram',
  'tls',
  'cluster',
  'worker_threads',
  'process',
  'readline',
  'v8',
  'vm',
];

export default defineConfig([
  globalIgnores([
    'node_modules/',
    'dist/',
    'data/',
    'coverage/',
    'test-results/',
    'playwright-report/',
    '.tmp/',
    'migrations/',
    'reference-data/',
  ]),

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: repoRoot,
      },
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
    },
    rules: {
      // Numbers in template strings are ordinary ("port ${port}"); objects and undefined still get caught.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `async` without `await` is how we implement Promise-returning interfaces (repositories, adapters);
      // flagging it only pushes people to `Promise.resolve()` noise. Floating promises are still errors.
      '@typescript-eslint/require-await': 'off',
      // Same convention as tsc's noUnusedParameters: a leading underscore marks an intentionally unused name.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      // React event handlers may be async (`onClick={async () => …}`); everything else must not lose a promise.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // Closed unions (roles, audit event kinds) must be handled exhaustively in switches.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      eqeqeq: ['error', 'smart'],
    },
  },

  // Plain JS files (this config) are not in tsconfig: lint them without type information.
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },

  // Production code never imports test code.
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { anvisa: anvisaPlugin },
    rules: { 'anvisa/no-test-imports': 'error', 'anvisa/capability-boundary': 'error' },
  },

  // The browser UI and its tests.
  {
    files: ['src/web/**/*.{ts,tsx}', 'test/web/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: { ...globals.browser } },
  },

  // The pure domain core (STYLE.md habit 2) and its tests: no I/O imports, no ambient process or clock.
  {
    files: ['src/domain/**/*.{ts,tsx}', 'test/domain/**/*.{ts,tsx}'],
    plugins: { anvisa: anvisaPlugin },
    rules: {
      'anvisa/domain-boundary': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: `^(node:)?(${NODE_IO_MODULES.join('|')})(/.*)?$`, message: DOMAIN_IO_MESSAGE },
            {
              regex:
                '^(pg|pg-.*|fastify.*|@fastify/.*|drizzle-orm.*|drizzle-kit.*|@electric-sql/.*|openid-client.*|pino.*)(/.*)?$',
              message: DOMAIN_IO_MESSAGE,
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        {
          name: 'process',
          message: 'No process or process.env in src/domain: configuration comes in as an argument.',
        },
        { name: 'fetch', message: DOMAIN_IO_MESSAGE },
        { name: 'performance', message: 'No clock in src/domain: take the time as an argument.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'new Date() reads the clock; take `now: Date` as an argument.',
        },
        {
          selector:
            "CallExpression[callee.type='MemberExpression'][callee.object.name='Date'][callee.property.name='now']",
          message: 'Date.now() reads the clock; take `now: Date` as an argument.',
        },
        {
          selector: "CallExpression[callee.type='Identifier'][callee.name='Date']",
          message: 'Date() reads the clock; take `now: Date` as an argument.',
        },
        {
          selector: "MemberExpression[object.name='globalThis'][property.name='process']",
          message: 'No process or process.env in src/domain: configuration comes in as an argument.',
        },
      ],
    },
  },

  // The capabilities' contracts (ADR 0019): schemas only, importable by the web.
  {
    files: ['src/*/contract.ts'],
    plugins: { contracts: { rules: { 'contract-boundary': contractBoundary } } },
    rules: { 'contracts/contract-boundary': 'error' },
  },
]);
