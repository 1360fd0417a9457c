import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * ScaleMap web app. `npm run build:web` writes web/dist (served by `npm start` from the API's origin, or from
 * S3 + CloudFront). `npm run dev:web` proxies /api to the local API on port 3000, so cookies stay same-origin.
 * VITE_API_BASE_URL (optional) points the app at an API on another origin; the default is the page's own origin.
 */
export default defineConfig({
  root: webRoot,
  envDir: webRoot,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Source maps without a sourceMappingURL comment; web/dist/**/*.map can stay out of the public bucket.
    sourcemap: 'hidden',
    rolldownOptions: {
      output: {
        // Libraries in long-lived chunks of their own (app releases do not invalidate them). zod stays out of
        // them: only the lazily loaded forms need it.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/,
            },
            {
              name: 'ui',
              test: /node_modules[\\/](@mantine|@floating-ui|@tanstack|clsx|react-remove-scroll|react-number-format|tslib|use-callback-ref|use-sidecar|react-style-singleton|detect-node-es|get-nonce|tabbable)/,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: {
    port: 4173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
