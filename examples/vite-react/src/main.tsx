import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { MhkitProvider } from '@mhkit/react'
import '@mhkit/react/styles.css'
import App from './App.tsx'

const queryClient = new QueryClient()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      {/* The BFF answers /api on this app's own origin (vite.config.ts proxies it). */}
      <MhkitProvider basePath="/api">
        <App />
      </MhkitProvider>
    </QueryClientProvider>
  </StrictMode>,
)
