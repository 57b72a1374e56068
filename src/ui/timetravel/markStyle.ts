/** Colours of the timeline marks: Prism's severity colours, and blue for the user's own actions. */
import type { RunMark } from '../bridge/types'

export const MARK_COLOR: Record<RunMark['severity'], string> = {
  critical: '#d92d20',
  warning: '#e8900c',
  info: '#64748b',
  action: '#1d6fdc',
}

export const MARK_LABEL: Record<RunMark['severity'], string> = {
  critical: 'Critical event',
  warning: 'Warning event',
  info: 'Event',
  action: 'Your action',
}
