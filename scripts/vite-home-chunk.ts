import type { Plugin } from 'vite';

/**
 * Puts every module that `/` loads into one chunk group, `home` (Rolldown then merges it into the entry
 * chunk): the entry's static imports and those of the views named in `views` (the token list). Left to
 * itself the bundler splits what `/` shares with the other views into small common chunks; each file is
 * compressed on its own, so seven files for one page cost kilobytes that one file does not. Modules only
 * other views need stay in their own chunks.
 *
 * The set is computed from the module graph once it is complete (`buildEnd`, before chunks are made), so
 * it follows the code. `notHome` names modules reached only through a barrel's re-exports that `/` does
 * not use: the graph cannot tell, so without it they would ride along.
 */
export function homeChunk(views: readonly RegExp[], notHome: readonly RegExp[] = []): { plugin: Plugin; test: (id: string) => boolean } {
  const home = new Set<string>();
  const plugin: Plugin = {
    name: 'capbands-home-chunk',
    apply: 'build',
    buildEnd() {
      home.clear();
      const ids = [...this.getModuleIds()];
      const roots = ids.filter((id) => this.getModuleInfo(id)?.isEntry === true || views.some((view) => view.test(id)));
      const stack = [...roots];
      while (stack.length > 0) {
        const id = stack.pop();
        if (id === undefined || home.has(id) || notHome.some((re) => re.test(id))) continue;
        home.add(id);
        stack.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
    },
  };
  return { plugin, test: (id) => home.has(id) };
}
