// Vite multi-page build for the two web applications:
//   web/index.html          → public portal (plain React + CSS, kept light)  → dist/index.html
//   web/console/index.html  → staff console (React + antd)                   → dist/console/index.html
// Each page has its own entry chunk; the portal never loads console/antd code.
// Build: npx vite build --config web/vite.config.ts
// Dev:   npx vite --config web/vite.config.ts   (proxies /api to XINYONG_API, default http://127.0.0.1:3000)
import { fileURLToPath } from 'node:url';
import type { Connect, Plugin } from 'vite';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Dev-server history fallback: /console/* → console/index.html, other page paths → index.html. */
function historyFallback(): Plugin {
  const rewrite: Connect.NextHandleFunction = (req, _res, next) => {
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    const isPage = req.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/@')
      && !path.startsWith('/src/') && !path.startsWith('/node_modules/') && !/\.[a-z0-9]+$/i.test(path);
    if (isPage) req.url = path === '/console' || path.startsWith('/console/') ? '/console/index.html' : '/index.html';
    next();
  };
  return { name: 'xinyong-history-fallback', configureServer: (server) => { server.middlewares.use(rewrite); } };
}

export default defineConfig({
  root,
  base: '/',
  appType: 'mpa',
  plugins: [react(), historyFallback()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: {
        portal: fileURLToPath(new URL('./index.html', import.meta.url)),
        console: fileURLToPath(new URL('./console/index.html', import.meta.url)),
      },
      output: {
        // Code used by both apps goes into stable, cacheable chunks; everything else stays per app.
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'shared', test: /[\\/]web[\\/]src[\\/]shared[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': { target: process.env.XINYONG_API ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
