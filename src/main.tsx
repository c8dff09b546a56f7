import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { persistOptions } from './app/persist.ts';
import { createQueryClient } from './app/query-client.ts';
import { version } from '../package.json';
import './app/styles.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App queryClient={createQueryClient()} persist={persistOptions(version)} />
    </StrictMode>,
  );
}
