import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'

/** Draws the app into the page. */
export function start(): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
