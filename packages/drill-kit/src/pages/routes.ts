/** The app's hash routes (DRILL-API.md §4 and the page menu). */
/** Every hash route of the app (the page menu's pages); a test in the repo keeps it in step with src/ui/app/routes.ts. */
export const PAGE_HASHES = ['#/home', '#/health', '#/vms', '#/storage', '#/hardware', '#/io-paths', '#/xray', '#/ha', '#/metadata', '#/analysis', '#/alerts', '#/tasks', '#/runs', '#/settings'] as const
/** A page, or a page with its sub-view (`#/hardware/diagram`, `#/vms/table`). */
export type PageHash = (typeof PAGE_HASHES)[number] | `${(typeof PAGE_HASHES)[number]}/${string}`
