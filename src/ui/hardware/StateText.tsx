/** A state word with its colour dot (never colour alone). */
const TONES = {
  ok: 'bg-green-600 text-green-800',
  warn: 'bg-amber-500 text-amber-800',
  bad: 'bg-red-600 text-red-700',
} as const

export type Tone = keyof typeof TONES

export function StateText(props: { tone: Tone; children: string }) {
  const [dot, text] = TONES[props.tone].split(' ')
  return (
    <span className={`inline-flex items-center gap-1.5 ${text}`}>
      <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${dot}`} />
      {props.children}
    </span>
  )
}

export function toneOf(state: string): Tone {
  if (state === 'up' || state === 'online' || state === 'Normal') return 'ok'
  if (state === 'down' || state === 'offline') return 'bad'
  return 'warn'
}
