import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { workspaceLibAliases } from '../../vitest.shared.mts';

// The libs are bundled from their TypeScript source, so the web build needs no lib build first.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: { alias: workspaceLibAliases },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    // In development the gateway of `npm start` serves /api and /tenant-directory.json; proxy to it.
    proxy: {
      '/api': 'http://localhost:8080',
      '/tenant-directory.json': 'http://localhost:8080',
    },
  },
});
