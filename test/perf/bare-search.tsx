/**
 * A reference for `npm run perf`'s search measure: one native search box whose text lives in React
 * state, with a label, and nothing else. The search is judged against the slider floor
 * (`bare-slider.tsx`), as the issue asks; this page shows how much of that ratio is the cost of
 * typing into a text box at all (Blink's editing, text shaping and caret), which no app can avoid.
 */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

function BareSearch() {
  const [text, setText] = useState('');
  return (
    <>
      <label htmlFor="bare">Bare search</label>
      <input id="bare" type="search" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} />
    </>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<BareSearch />);
