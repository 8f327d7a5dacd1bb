import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import '@mhkit/react/styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app'
import { EventLogProvider } from './event-log'
import { KitProvider } from './live-updates'
import { restoreTheme } from './theme'
import './styles.css'

restoreTheme()

// The whole app runs under StrictMode on purpose: effects mount twice in development, and the
// kit's callback handling must still complete each flow exactly once.
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
})

const container = document.getElementById('root')
if (container === null) throw new Error('index.html has no #root element')

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <EventLogProvider>
        <KitProvider>
          <App />
        </KitProvider>
      </EventLogProvider>
    </QueryClientProvider>
  </StrictMode>,
)
