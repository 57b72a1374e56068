/** Alert, event and task types arrive as identifiers ("HostDown"); Prism shows them as words. */
export function typeTitle(type: string): string {
  return type
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
}
