import { useState } from 'react';
import { CASE_LABEL, tierLabel } from '../../engine/index.ts';
import { readCarried, screenerHref } from '../../state/carry.ts';
import { readUsd } from '../../state/usd-url.ts';
import { Link } from '../../ui/link.tsx';

/**
 * "← All tokens", back to the screener in the scenario the link came with (its `m`, `case`, `cap`, `h`):
 * read once, when the view opens, so it returns where the user came from whatever they move here.
 */
export function BackLink() {
  const [back] = useState(() => {
    const search = window.location.search;
    const m = new URLSearchParams(search).get('m');
    const size = m === null ? null : readUsd(m);
    const { scenarioCase } = readCarried(search);
    const words = [size !== null ? tierLabel(size) : null, scenarioCase ? CASE_LABEL[scenarioCase] : null].filter((w) => w !== null);
    return { href: screenerHref(search), words: words.join(', ') };
  });
  return (
    <p className="back-link">
      <Link href={back.href}>← All tokens{back.words ? ` at ${back.words}` : ''}</Link>
    </p>
  );
}
