/**
 * The cleaning half of the chart export: copies the live chart's computed styles onto a clone, resolves
 * CSS variables, and removes what is interactive or external. Internal to `svg-export.ts`.
 */

/** Styles copied from the live chart: the ones its look depends on. */
const INLINED = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'fill-opacity',
  'font-size',
  'font-family',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
] as const;
/** Inherited ones are written only where they differ from the parent's, which keeps the file small. */
const INHERITED = new Set([
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'fill-opacity',
  'font-size',
  'font-family',
  'font-weight',
  'text-anchor',
]);
const INITIAL: Readonly<Record<string, string>> = { opacity: '1', 'dominant-baseline': 'auto' };
const COLOR_PROPS = new Set(['fill', 'stroke', 'color', 'stop-color', 'flood-color', 'lighting-color']);
/** Elements that are interactive, scripted or may load something. */
const DROPPED = new Set(['script', 'style', 'foreignobject', 'iframe', 'audio', 'video', 'canvas']);
const VAR = /var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*(?:\([^()]*\)[^()]*)*))?\)/;
const URL_REF = /url\(\s*(['"]?)([^'")]*)\1\s*\)/gi;

/** Drops what XML 1.0 cannot hold (control characters, lone surrogates): XMLSerializer would write them and the file would not parse. */
export function xmlSafe(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000) out += ch;
  }
  return out;
}

/** `a: b; c: url(x;y)` -> ordered declarations (semicolons inside parentheses or quotes kept). */
export function parseStyle(style: string | null): Map<string, string> {
  const decls = new Map<string, string>();
  let depth = 0;
  let quote = '';
  let start = 0;
  const text = style ?? '';
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (quote !== '') quote = ch === quote ? '' : quote;
    else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(') depth += 1;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if ((ch === ';' && depth === 0 && quote === '') || ch === undefined) {
      const decl = text.slice(start, i);
      const colon = decl.indexOf(':');
      if (colon > 0) decls.set(decl.slice(0, colon).trim().toLowerCase(), decl.slice(colon + 1).trim());
      start = i + 1;
    }
  }
  return decls;
}

/** Declarations back to a `style` attribute (`a: b; c: d`); "" for none. */
export const writeStyle = (decls: Map<string, string>): string => [...decls].map(([k, v]) => `${k}: ${v}`).join('; ');

/** Resolves every `var(--x, fallback)` from the live element, then the document root; null if one cannot be. */
export function resolveVars(value: string, lookup: (name: string) => string): string | null {
  let out = value;
  for (let i = 0; i < 16 && out.includes('var('); i++) {
    const m = VAR.exec(out);
    if (m === null) return null;
    const found = lookup(m[1] ?? '') || (m[2] ?? '').trim();
    if (found === '') return null;
    out = out.slice(0, m.index) + found + out.slice(m.index + m[0].length);
  }
  return out.includes('var(') ? null : out;
}

/** What cleaning a clone needs: the ids inside it, what to leave out, CSS variable lookup, a color for unresolved ones, the page URL. */
interface CleanContext {
  readonly ids: ReadonlySet<string>;
  /** A CSS selector of elements the caller leaves out (marks drawn only while hovering), or null. */
  readonly omit: string | null;
  readonly lookup: (name: string) => string;
  readonly fallbackColor: string;
  readonly pageUrl: string;
}

/**
 * Keeps only references inside the document: `url(#clip)`, and `url("http://page/#clip")` (how browsers
 * compute it) back to `url(#clip)`; null for any reference elsewhere.
 */
function localRefs(value: string, ctx: CleanContext): string | null {
  let ok = true;
  const out = value.replace(URL_REF, (_all, _quote: string, ref: string) => {
    const hash = ref.indexOf('#');
    const id = hash >= 0 ? ref.slice(hash + 1) : '';
    const base = hash >= 0 ? ref.slice(0, hash) : ref;
    if (id === '' || !ctx.ids.has(id) || (base !== '' && base !== ctx.pageUrl)) ok = false;
    return `url(#${id})`;
  });
  return ok ? out : null;
}

/** Whether a node is an element (a type guard that works across realms, unlike `instanceof`). */
export const isElement = (node: Node): node is Element => node.nodeType === 1;

/** Writes the live element's computed styles onto its clone, inherited ones only where they change. */
function inlineStyles(live: Element, clone: Element, view: Window, rootLookup: (name: string) => string, parent: ReadonlyMap<string, string> | null): void {
  const computed = view.getComputedStyle(live);
  const lookup = (name: string): string => {
    // Browsers inherit custom properties into `computed`; walking up also serves DOMs that do not (jsdom).
    for (let el: Element | null = live; el !== null; el = el.parentElement) {
      const value = (el === live ? computed : view.getComputedStyle(el)).getPropertyValue(name).trim();
      if (value !== '') return value;
    }
    return rootLookup(name);
  };
  const decls = parseStyle(clone.getAttribute('style'));
  const mine = new Map(parent ?? []);
  for (const prop of INLINED) {
    const raw = computed.getPropertyValue(prop).trim();
    const value = raw === '' ? null : resolveVars(raw, lookup);
    if (value === null) continue;
    const unchanged = parent !== null && (INHERITED.has(prop) ? parent.get(prop) === value : INITIAL[prop] === value);
    mine.set(prop, value);
    if (!unchanged) decls.set(prop, value);
    else if (INHERITED.has(prop)) {
      // Inherit from the clone's parent, which shows the same value, whatever this element's attribute said.
      decls.delete(prop);
      clone.removeAttribute(prop);
    } else if (decls.has(prop) || clone.hasAttribute(prop)) decls.set(prop, value);
  }
  if (decls.size > 0) clone.setAttribute('style', writeStyle(decls));
  // Variables in attributes (`stroke="var(--bear)"`) resolve here, where the live element's own scope is known.
  for (const attr of Array.from(clone.attributes)) {
    const resolved = attr.value.includes('var(') ? resolveVars(attr.value, lookup) : null;
    if (resolved !== null) clone.setAttribute(attr.name, resolved);
  }
  for (let i = 0; i < clone.children.length; i++) {
    const l = live.children[i];
    const c = clone.children[i];
    if (l !== undefined && c !== undefined) inlineStyles(l, c, view, rootLookup, mine);
  }
}

function cleanValue(prop: string, value: string, ctx: CleanContext): string | null {
  const resolved = resolveVars(value, ctx.lookup) ?? (COLOR_PROPS.has(prop) ? ctx.fallbackColor : null);
  return resolved === null ? null : localRefs(resolved, ctx);
}

function cleanStyle(style: string, ctx: CleanContext): string {
  const out = new Map<string, string>();
  for (const [prop, value] of parseStyle(style)) {
    const clean = cleanValue(prop, value, ctx);
    if (clean !== null && !/@import|expression\(/i.test(clean)) out.set(prop, clean);
  }
  return writeStyle(out);
}

const isExternalRef = (value: string | null): boolean => value !== null && !value.startsWith('#');

/** Removes interactive bits and anything external, resolves leftover `var()`s (from the root), and cleans text for XML. */
function sanitize(el: Element, ctx: CleanContext): void {
  const name = el.localName.toLowerCase();
  const href = el.getAttribute('href') ?? el.getAttribute('xlink:href');
  const loads = (name === 'image' || name === 'use' || name === 'feimage') && (href === null || isExternalRef(href));
  if (loads || DROPPED.has(name) || (ctx.omit !== null && el.matches(ctx.omit))) {
    el.remove();
    return;
  }
  // Copies: the live collections change as attributes and nodes are removed.
  for (const attr of Array.from(el.attributes)) {
    const key = attr.name.toLowerCase();
    const interactive = key.startsWith('on') || key === 'tabindex' || key === 'focusable' || (key === 'role' && attr.value === 'application');
    const external = (key === 'href' || key === 'xlink:href') && isExternalRef(attr.value);
    const value = interactive || external ? null : key === 'style' ? cleanStyle(attr.value, ctx) : cleanValue(key, attr.value, ctx);
    if (value === null || (key === 'style' && value === '')) el.removeAttribute(attr.name);
    else if (xmlSafe(value) !== attr.value) el.setAttribute(attr.name, xmlSafe(value));
  }
  for (const node of Array.from(el.childNodes)) {
    if (isElement(node)) sanitize(node, ctx);
    else if (node.nodeType === 3 || node.nodeType === 4) node.textContent = xmlSafe(node.textContent ?? '');
    else node.remove(); // comments and processing instructions carry nothing the picture needs
  }
}

/** Looks up a CSS variable (`--bear`) on the document's root element; "" when it is not set. */
export function rootVariables(doc: Document): (name: string) => string {
  const rootStyle = (doc.defaultView ?? window).getComputedStyle(doc.documentElement);
  return (name) => rootStyle.getPropertyValue(name).trim();
}

/**
 * A deep clone of the live `svg` ready to stand alone: computed styles inlined (inherited ones only where
 * they change), every `var(--x)` resolved (an unresolvable color becomes `fallbackColor`, any other such
 * attribute is dropped), nothing `omit` (a CSS selector the view gives) matches, no handler, `tabindex` or
 * `role="application"`, no external reference, and text fit for XML. The live chart is not changed.
 */
export function cloneForExport(svg: Element, fallbackColor: string, omit: string | null = null): Element {
  const doc = svg.ownerDocument;
  const view = doc.defaultView ?? window;
  const rootLookup = rootVariables(doc);
  const chart = svg.cloneNode(true);
  if (!isElement(chart)) throw new Error('SVG export failed: the chart could not be copied');
  inlineStyles(svg, chart, view, rootLookup, null);
  const ids = new Set([...chart.querySelectorAll('[id]')].map((el) => el.id));
  sanitize(chart, { ids, omit, lookup: rootLookup, fallbackColor, pageUrl: doc.URL.split('#')[0] ?? '' });
  return chart;
}
