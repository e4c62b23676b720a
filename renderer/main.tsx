/** The renderer's entry: connect to the host (Electron bridge or browser-mode socket) and mount the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { connectToHost } from './bridge/host-client.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App client={connectToHost()} />
  </StrictMode>,
);
