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
  /** per kind, per node: the release it runs (null: the node was removed from the cluster) */
  readonly node: Record<SoftwareKind, Array<string | null>>

  constructor(nodes: number) {
    this.node = {
      aos: new Array<string | null>(nodes).fill(RELEASES.aos.current),
      ahv: new Array<string | null>(nodes).fill(RELEASES.ahv.current),
    }
  }

  /** The cluster's version: the release every node runs, else the oldest one still running. */
  cluster(kind: SoftwareKind): string {
    const list = this.node[kind].filter((v): v is string => v !== null)
    return list.includes(RELEASES[kind].current) ? RELEASES[kind].current : list[0] ?? RELEASES[kind].current
  }

  report(): { aos: string; ahv: string } {
    return { aos: this.cluster('aos'), ahv: this.cluster('ahv') }
  }

  upToDate(kind: SoftwareKind): boolean {
    return this.node[kind].every((v) => v === null || v === RELEASES[kind].available)
  }

  /** A node joins (lifecycle/expansion.ts): it is imaged with the cluster's releases. */
  addNode(): void {
    this.node.aos.push(this.cluster('aos'))
    this.node.ahv.push(this.cluster('ahv'))
  }

  /** Node n left the cluster: its releases no longer count. */
  removeNode(n: number): void {
    this.node.aos[n] = null
    this.node.ahv[n] = null
  }
}
