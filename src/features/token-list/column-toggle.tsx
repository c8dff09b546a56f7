import { memo, useId, useState } from 'react';
import type { SortKey } from '../../state/browser-store.ts';
import { OPTIONAL_COLUMNS } from './columns.ts';
import './column-toggle.css';

interface ColumnToggleProps {
  readonly hidden: ReadonlySet<SortKey>;
  readonly onToggle: (key: SortKey, shown: boolean) => void;
}

/** A "Columns" button that opens one checkbox per column but the name (a disclosure, not a menu: Tab moves through it). */
export const ColumnToggle = memo(function ColumnToggle({ hidden, onToggle }: ColumnToggleProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="column-toggle">
      <button type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        Columns
      </button>
      <fieldset id={panelId} hidden={!open} className="column-choices">
        <legend>Columns shown</legend>
        {OPTIONAL_COLUMNS.map((c) => (
          <label key={c.key}>
            <input type="checkbox" checked={!hidden.has(c.key)} onChange={(e) => onToggle(c.key, e.target.checked)} /> {c.label}
          </label>
        ))}
      </fieldset>
    </div>
  );
});
