import { defineConfig } from "vite";

// The host serves web/dist at "/" on the same origin as the API and the hub. During development
// (`npm run dev` / `npm run preview`) vite forwards those paths to a running host instead;
// VISIBILITY_HOST overrides where that host listens.
const host = process.env.VISIBILITY_HOST ?? "http://127.0.0.1:5080";
const proxy = {
  "/api": { target: host, changeOrigin: true },
  "/health": { target: host, changeOrigin: true },
  "/hubs": { target: host, changeOrigin: true, ws: true },
};

export default defineConfig({
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // The world-atlas TopoJSON files are fetched as separate assets (see map/basemap.ts),
    // so they never count against the script bundle.
    assetsInlineLimit: 0,
  },
  server: { proxy },
  preview: { proxy },
});
