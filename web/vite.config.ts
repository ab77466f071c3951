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
      // better-auth: sign-in, sign-out and the magic links' landing; the session cookie is set on this origin.
      '/api/auth': { target: apiUrl, changeOrigin: true },
      // The development mailbox's emails (the server answers it only in development).
      '/dev/mailbox': { target: apiUrl, changeOrigin: true },
      // Organizer downloads (orders.csv), with the session cookie of this origin. Only the
      // download: the rest of /organizer is the app's own pages.
      '^/organizer/concerts/[^/]+/orders\\.csv$': { target: apiUrl, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    // Source maps carry the app's full sources; a production build ships none (the dev server has its own).
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Libraries change far less often than the app; separate chunks stay
        // cached in returning shoppers' browsers across deploys.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 20 },
            { name: 'graphql', test: /node_modules[\\/](@apollo|graphql|graphql-ws|rxjs|@wry|optimism)/, priority: 10 },
          ],
        },
      },
    },
  },
});
