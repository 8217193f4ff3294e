// Entry point of the Måltavle SPA.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The theme first, so every feature's stylesheet comes after it and wins ties of equal specificity.
import './app/theme.css';
import { App } from './app/App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
