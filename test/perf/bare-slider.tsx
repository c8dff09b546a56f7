/**
 * The floor for `npm run perf`: one native range input whose value lives in React state, with a
 * label, and nothing else. Built next to the app (a second Vite input) but never linked from it:
 * every latency the app shows is read as a ratio to this page's, measured in the same run.
 */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

function BareSlider() {
  const [position, setPosition] = useState(100);
  return (
    <>
      <label htmlFor="bare">Bare slider</label>
      <input id="bare" type="range" min={0} max={200} step={1} value={position} onChange={(e) => setPosition(Number(e.target.value))} />
    </>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<BareSlider />);
