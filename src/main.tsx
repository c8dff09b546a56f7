import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { createQueryClient } from './app/query-client.ts';
import { version } from '../package.json';
import './app/styles.css';

/** Loaded only once a live source is in use (see `App`). */
const loadPersistence = () => import('./app/persist.ts').then((m) => m.persistence(version));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App queryClient={createQueryClient()} persist={loadPersistence} />
    </StrictMode>,
  );
}
