/** A dash whose accessible name is "not available": unknown values never read as 0. */
export function NotAvailable() {
  return (
    <span className="na" role="img" aria-label="not available" title="not available">
      —
    </span>
  );
}
