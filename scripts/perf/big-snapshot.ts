/**
 * A 5,000-token snapshot for the search measure, made in memory from the embedded 500: each token
 * cloned 10x with its own id, name, symbol, CoinMarketCap id and rank (grades cloned with it), so
 * the file is valid against the app's own schema and the browser filters 5,000 real-looking rows.
 */
import { readFileSync } from 'node:fs';
import { snapshotSchema, type Snapshot, type SnapshotGrades } from '../../src/data/schemas/snapshot.ts';

export function bigSnapshot(file: string, copies = 10): { json: string; tokens: number } {
  const base: Snapshot = snapshotSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const span = Math.max(...base.tokens.map((t) => t.rank));
  const tokens: Snapshot['tokens'] = [];
  const grades: Record<string, SnapshotGrades> = {};
  for (let k = 0; k < copies; k++) {
    for (const t of base.tokens) {
      const id = k === 0 ? t.id : `${t.id}-copy${k}`;
      tokens.push(
        k === 0
          ? t
          : {
              ...t,
              id,
              cmcId: t.cmcId === null ? null : t.cmcId + k * 10_000_000,
              name: `${t.name} ${k + 1}`,
              symbol: `${t.symbol}${k + 1}`,
              rank: t.rank + k * span,
            },
      );
      const g = base.grades[t.id];
      if (g) grades[id] = g;
    }
  }
  const big = snapshotSchema.parse({ ...base, tokens, grades });
  return { json: JSON.stringify(big), tokens: big.tokens.length };
}
