import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = 'http://localhost:4000';

// Run from the repo root (`vite build --config ui/vite.config.ts`), so every path is anchored at ui/.
export default defineConfig({
  root,
  plugins: [vue()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    proxy: {
      // Host stays the dev server's, so the API's origin check (auth/request-credentials.ts) matches the
      // Origin the browser sends with cookie-signed POSTs; changeOrigin would turn every one into a 403.
      '/graphql': { target: api },
      '/emulator': { target: api, changeOrigin: true },
      '/webhooks': { target: api, changeOrigin: true },
    },
  },
});
