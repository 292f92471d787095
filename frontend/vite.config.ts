// Vite build, dev server and Vitest settings for the Packetwalk page.
import { defineConfig } from "vitest/config";

const backend = "http://localhost:8080";

export default defineConfig({
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The server's page shell loads exactly /assets/packetwalk.js and /assets/packetwalk.css.
    rolldownOptions: {
      input: "src/main.ts",
      output: {
        entryFileNames: "assets/packetwalk.js",
        chunkFileNames: "assets/packetwalk-[name].js",
        assetFileNames: (asset) =>
          asset.names.some((name) => name.endsWith(".css"))
            ? "assets/packetwalk.css"
            : "assets/[name][extname]",
      },
    },
  },
  server: {
    proxy: {
      "/ws": { target: backend, ws: true },
      "/api": { target: backend },
    },
  },
  test: {
    include: ["src/**/*.test.{ts,tsx}"],
  },
});
