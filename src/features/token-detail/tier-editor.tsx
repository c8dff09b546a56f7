import { memo } from 'react';
import { tierLabel } from '../../engine/index.ts';
import { typedTier } from '../../state/typed-limits.ts';
import { MAX_TIERS } from '../../state/clamp.ts';
import { useScenarioActions } from '../../state/scenario-store.ts';
import { TypedInput } from '../../ui/typed-input.tsx';

/** The tiers as removable chips, and a box that adds one ("12T", "500B"). */
export const TierEditor = memo(function TierEditor({ tiers }: { readonly tiers: readonly number[] }) {
  const { addTier, removeTier } = useScenarioActions();
  return (
    <div className="tier-editor">
      <ul aria-label="Tiers">
        {tiers.map((t) => (
          <li key={t}>
            {tierLabel(t)}
            <button type="button" aria-label={`Remove ${tierLabel(t)}`} disabled={tiers.length <= 1} onClick={() => removeTier(t)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <TypedInput
        label="Add tier"
        value=""
        placeholder="12T"
        onCommit={(text) => {
          if (text.trim() === '') return null;
          if (tiers.length >= MAX_TIERS) return `At most ${MAX_TIERS} tiers.`;
          const typed = typedTier(text, tiers);
          if (typed.ok) addTier(typed.value);
          return typed.message;
        }}
      />
    </div>
  );
});
