/** Entry point: set up i18n and styles, then mount the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles/app.css';
import { App } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root, {
  // An error an ErrorBoundary caught is handled (the card says so); React would log it with
  // console.error as if it were not. A warning keeps it visible to developers.
  onCaughtError: (error, info) =>
    console.warn('caught by an error boundary:', error, info.componentStack),
}).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
