/**
 * `capbands/boundaries`, an oxlint JS plugin (ESLint's rule API): which layer of `src/` may import which,
 * decided by the resolved path of each relative import, not by its text. A layer is the first folder under
 * `src/` (`engine`, `lib`, `ui`, `data`, `state`, `app`, or any new one); under `src/features/` each folder
 * is a layer of its own (`features/token-list`), nested folders included. Files directly in `src/` (the
 * entry, `main.tsx`) count as `app`.
 *
 * - `engine`, `lib`, `ui` are leaves: they import nothing from another layer of `src/`, except that `ui`
 *   may use `lib`'s helpers (`ui/link.tsx` navigates with `lib/location.ts`; lint allowed it before too).
 * - `data` and `state` import no feature, no `ui` and not `app`.
 * - a feature imports no other feature and not `app`.
 * - `app` imports anything.
 *
 * Packages (bare specifiers) are left to `no-restricted-imports`. A `.js` file: Node 20 cannot load a `.ts` plugin.
 * Option: `{ "src": "src" }`, the source folder, relative to the directory oxlint runs in.
 */
import path from 'node:path';

const LEAVES = new Set(['engine', 'lib', 'ui']);
const isFeature = (layer) => layer === 'features' || layer.startsWith('features/');

/** The layer of an absolute path, or null when it is outside `srcRoot`. */
export function layerOf(srcRoot, file) {
  const rel = path.relative(srcRoot, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  if (parts.length === 1) return 'app';
  if (parts[0] === 'features') return parts.length > 2 ? `features/${parts[1]}` : 'features';
  return parts[0];
}

/** Why `from` may not import `to` (a message id), or null when it may. */
export function violation(from, to) {
  if (from === to || from === 'app') return null;
  if (from === 'engine') return 'engine';
  if (from === 'ui' && to === 'lib') return null;
  if (LEAVES.has(from)) return 'leaf';
  if ((from === 'data' || from === 'state') && (to === 'app' || to === 'ui' || isFeature(to))) return 'below';
  if (isFeature(from) && isFeature(to)) return 'feature';
  if (isFeature(from) && to === 'app') return 'featureApp';
  return null;
}

const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Layers of src import only what they may, by resolved path.' },
    schema: [{ type: 'object', properties: { src: { type: 'string' } }, additionalProperties: false }],
    messages: {
      engine: 'The engine is a leaf: it imports nothing from the rest of src ({{from}} imports {{to}}: {{specifier}}).',
      leaf: 'lib and ui are leaves: lib imports nothing from the rest of src, ui only lib ({{from}} imports {{to}}: {{specifier}}).',
      below: 'data and state sit below features, ui and app: they may use engine and lib ({{from}} imports {{to}}: {{specifier}}).',
      feature: 'Features never import each other: share through ui, lib, data or state ({{from}} imports {{to}}: {{specifier}}).',
      featureApp: 'Features never import the app shell ({{from}} imports {{to}}: {{specifier}}).',
    },
  },
  create(context) {
    const srcRoot = path.resolve(context.cwd, context.options[0]?.src ?? 'src');
    const file = context.physicalFilename;
    const from = layerOf(srcRoot, file);
    if (from === null) return {};
    const check = (source) => {
      if (source?.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const specifier = source.value;
      const to = layerOf(srcRoot, path.resolve(path.dirname(file), specifier.replace(/[?#].*$/, '')));
      if (to === null) return;
      const messageId = violation(from, to);
      if (messageId) context.report({ node: source, messageId, data: { from, to, specifier } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportType: (node) => check(node.source),
    };
  },
};

export default {
  meta: { name: 'capbands' },
  rules: { boundaries },
};
