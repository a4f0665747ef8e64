/**
 * The web UI build. Sources live in src/web (its index.html is Vite's root); the build goes to dist/web, which the
 * server serves with a strict CSP (script-src 'self': no inline scripts, no CDNs). In development, `vite` proxies
 * the API to a server on port 3000.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const API = 'http://localhost:3000';

/**
 * Each script and stylesheet over 1 kB also as `.br` (brotli at its best, quality 11) and `.gz` (level 9), made once
 * here; the server sends them as they are (`preCompressed`) instead of compressing each answer at a quicker, weaker
 * level (the login page's JavaScript: 144 kB transferred with brotli on the fly).
 */
function precompress(): Plugin {
  return {
    name: 'anvisa:precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? fromRoot('./dist/web');
      for (const name of Object.keys(bundle)) {
        if (!/\.(js|css)$/.test(name)) continue;
        const path = join(dir, name);
        const data = readFileSync(path);
        if (data.length < 1024) continue;
        const brotli = {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        };
        writeFileSync(`${path}.br`, brotliCompressSync(data, { params: brotli }));
        writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: fromRoot('./src/web'),
  // Copied as they are to the root of the build: the favicon (/favicon.ico for those who ask for it, .svg for the rest).
  publicDir: fromRoot('./src/web/public'),
  plugins: [react(), precompress()],
  build: {
    outDir: fromRoot('./dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    // Which chunks each page needs: bench/bundle-size.ts reads it (the server does not serve dot folders).
    manifest: true,
    // Inlined assets would need data: URLs in more CSP directives; keep every asset a file.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks cache better and stay under the size warning.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'tanstack', test: /node_modules[\\/]@tanstack[\\/]/ },
            { name: 'forms', test: /node_modules[\\/](zod|react-hook-form|@hookform)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: API, changeOrigin: false },
      '/healthz': { target: API, changeOrigin: false },
      '/openapi.json': { target: API, changeOrigin: false },
    },
  },
});
