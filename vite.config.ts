/**
 * The web UI build. Sources live in src/web (its index.html is Vite's root); the build goes to dist/web, which the
 * server serves with a strict CSP (script-src 'self': no inline scripts, no CDNs). In development, `vite` proxies
 * the API to a server on port 3000.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const API = 'http://localhost:3000';

export default defineConfig({
  root: fromRoot('./src/web'),
  // Copied as they are to the root of the build: the favicon (/favicon.ico for those who ask for it, .svg for the rest).
  publicDir: fromRoot('./src/web/public'),
  plugins: [react()],
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
