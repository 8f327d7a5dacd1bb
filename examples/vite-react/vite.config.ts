import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// The BFF runs beside the app (npx mhkit-bff). Proxying /api keeps it on the app's origin, so
// its session cookie stays strict and there is no CORS.
const bff = process.env.BFF_URL ?? 'http://127.0.0.1:8787'
const proxy = { '/api': bff }

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, strictPort: true, proxy },
  preview: { port: 4173, strictPort: true, proxy },
})
