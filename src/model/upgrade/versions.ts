/**
 * Software versions (our rule: every cluster starts on the same AOS and AHV release, and
 * one newer release of each is available to the one-click upgrade). The cluster's version
 * is the one every node runs; during a rolling upgrade nodes differ and the cluster shows
 * the older release until the last node is done.
 */
export type SoftwareKind = 'aos' | 'ahv'

export const RELEASES: Record<SoftwareKind, { current: string; available: string; label: string }> = {
  aos: { current: '6.5.2', available: '6.5.3', label: 'AOS' },
  ahv: { current: '20220304.242', available: '20220304.336', label: 'AHV' },
}

/** The releases the one-click upgrade installs. */
export function availableVersions(): { aos: string; ahv: string } {
  return { aos: RELEASES.aos.available, ahv: RELEASES.ahv.available }
}

export class Versions {
  /** per kind, per node: the release it runs */
  readonly node: Record<SoftwareKind, string[]>

  constructor(nodes: number) {
    this.node = {
      aos: new Array<string>(nodes).fill(RELEASES.aos.current),
      ahv: new Array<string>(nodes).fill(RELEASES.ahv.current),
    }
  }

  /** The cluster's version: the release every node runs, else the oldest one still running. */
  cluster(kind: SoftwareKind): string {
    const list = this.node[kind]
    return list.includes(RELEASES[kind].current) ? RELEASES[kind].current : list[0] ?? RELEASES[kind].current
  }

  report(): { aos: string; ahv: string } {
    return { aos: this.cluster('aos'), ahv: this.cluster('ahv') }
  }

  upToDate(kind: SoftwareKind): boolean {
    return this.node[kind].every((v) => v === RELEASES[kind].available)
  }
}
