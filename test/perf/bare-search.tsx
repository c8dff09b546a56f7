/**
 * The floor for `npm run perf`'s search measure: one native search box whose text lives in React
 * state, with a label, and nothing else. The app's search is judged against this page, typed into the
 * same way, not against the slider floor (`bare-slider.tsx`): typing into any text box costs Blink's
 * editing, text shaping and caret, which no app can avoid.
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
