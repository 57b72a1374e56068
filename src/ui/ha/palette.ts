/** Colour of the remote host a failover segment covers (by host index), and of parcels; dark enough for white labels (WCAG AA). */
const HUES = ['#1d4ed8', '#92400e', '#6d28d9', '#065f46', '#be185d', '#155e75', '#3f6212', '#b91c1c', '#4338ca', '#854d0e']

export function hostColour(index: number): string {
  return HUES[index % HUES.length]
}

export const PARCEL_FILL = '#047857'
export const PARCEL_STROKE = '#022c22'
