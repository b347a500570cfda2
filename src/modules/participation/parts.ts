import type { FeedItem, ModuleDefinition, SitemapEntry } from '../../platform/module';

/**
 * One feature of the participation core (processes, eligibility, comments) with the same fields as a module.
 * The core is one module, but its features are built and reviewed apart, so each keeps its own routes, jobs,
 * migrations and catalogues in its folder, and the module's index only joins them.
 */
export type ModulePart = Omit<ModuleDefinition, 'name'>;

export function joinParts(name: string, parts: readonly ModulePart[]): ModuleDefinition {
  const having = <K extends keyof ModulePart>(key: K) => parts.filter((p) => p[key] !== undefined);
  return {
    name,
    routes: async (app, services) => {
      for (const p of having('routes')) await p.routes?.(app, services);
    },
    jobs: (services) => having('jobs').flatMap((p) => p.jobs?.(services) ?? []),
    workers: (services) => having('workers').flatMap((p) => p.workers?.(services) ?? []),
    migrations: Object.assign({}, ...parts.map((p) => p.migrations ?? {})),
    menu: parts.flatMap((p) => p.menu ?? []),
    backOffice: parts.flatMap((p) => p.backOffice ?? []),
    sitemap: async (db, organizationId) => {
      const entries: SitemapEntry[] = [];
      for (const p of having('sitemap')) entries.push(...((await p.sitemap?.(db, organizationId)) ?? []));
      return entries;
    },
    feed: async (db, organizationId, locale, limit) => {
      const items: FeedItem[] = [];
      for (const p of having('feed')) items.push(...((await p.feed?.(db, organizationId, locale, limit)) ?? []));
      return items.sort((a, b) => b.updated.getTime() - a.updated.getTime()).slice(0, limit);
    },
    contributes: parts.flatMap((p) => p.contributes ?? []),
    messages: parts.flatMap((p) => p.messages ?? []),
  };
}
