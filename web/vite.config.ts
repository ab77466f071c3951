import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In development the GraphQL server runs separately; Vite forwards both the
// HTTP requests and the graphql-ws upgrade on the same path to it.
const apiUrl = process.env.API_URL ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/graphql': { target: apiUrl, ws: true, changeOrigin: true },
      '/health': { target: apiUrl, changeOrigin: true },
    },
  },
  build: { outDir: 'dist', sourcemap: true },
});
