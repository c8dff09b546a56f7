import { memo, useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { RATING_VALUES, SIGNAL_VALUES, useBrowserStore, type RatingFilter, type SignalFilter } from '../../state/browser-store.ts';

/** The browser store's actions, read when a handler runs. */
const browser = () => useBrowserStore.getState();

/** The search box: it shows the store's search (capped at 100 characters there) and writes to it. */
const SearchBox = memo(function SearchBox() {
  const id = useId();
  const search = useBrowserStore((s) => s.search);
  return (
    <div className="filter search">
      <label htmlFor={id}>Search tokens</label>
      <input id={id} type="search" value={search} placeholder="Name or symbol" autoComplete="off" onChange={(e) => browser().setSearch(e.target.value)} />
    </div>
  );
});

const chooseRating = (r: RatingFilter): void => browser().setRating(r);
const chooseSignal = (s: SignalFilter): void => browser().setSignal(s);

/** Search box and the Rating, Signal and Category filters, bound to the browser store. */
export const Filters = memo(function Filters({ categories }: { readonly categories: readonly string[] }) {
  const { rating, signal, category } = useBrowserStore(useShallow((s) => ({ rating: s.rating, signal: s.signal, category: s.category })));
  const categoryId = useId();
  return (
    <div className="filters">
      <SearchBox />
      <Choice label="Rating" value={rating} choices={RATING_VALUES} onChoose={chooseRating} />
      <Choice label="Signal" value={signal} choices={SIGNAL_VALUES} onChoose={chooseSignal} />
      <div className="filter">
        <label htmlFor={categoryId}>Category</label>
        <CategorySelect id={categoryId} value={category} categories={categories} />
      </div>
    </div>
  );
});

/** A labelled select over a fixed list of choices ("Any" first); an unknown value reads as "Any". */
function Choice<T extends string>({ label, value, choices, onChoose }: { label: string; value: T; choices: readonly T[]; onChoose: (choice: T) => void }) {
  const id = useId();
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChoose(choices.find((c) => c === e.target.value) ?? choices[0] ?? value)}>
        {choices.map((c) => (
          <option key={c}>{c}</option>
        ))}
      </select>
    </div>
  );
}

/** The category filter: its (long) option list re-renders only when the categories change. */
const CategorySelect = memo(function CategorySelect(props: { id: string; value: string; categories: readonly string[] }) {
  const { id, value, categories } = props;
  return (
    <select id={id} value={value} onChange={(e) => browser().setCategory(e.target.value)}>
      <option value="">Any</option>
      {categories.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </select>
  );
});
