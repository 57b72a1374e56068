/**
 * Narrated walkthrough "Rolling upgrade without downtime" (issue 16, DOMAIN.md §11): a
 * one-click AOS upgrade of a 4-node cluster, CVM by CVM, while the VMs keep running.
 * Part of WALKTHROUGHS; walkthroughUpgrade.test.ts checks every caption against the model.
 */
import type { Scenario } from './schema'

export const ROLLING_UPGRADE_WALKTHROUGH: Scenario = {
  id: 'walkthrough-rolling-upgrade',
  title: 'Walkthrough: Rolling upgrade without downtime',
  summary: 'A one-click AOS upgrade takes the CVMs down one at a time: each hands its vDisk sessions to other Stargates first, Curator starts no rebuild, and the next CVM goes only when the cluster is resilient again and the sessions are home.',
  seed: 7,
  cluster: { name: 'Walk-Upgrade', layout: { racks: 1, blocksPerRack: 1, nodesPerBlock: 4, ssdPerNode: 2, hddPerNode: 4, ssdTB: 1.92, hddTB: 4 }, data: { usedPct: 30 } },
  vms: [{ id: 'db-1', name: 'db-1', host: 'node-1', vcpus: 8, memoryGiB: 32, vdisks: 4 }],
  vmFill: { count: 8, vcpus: 2, memoryGiB: 8, vdisks: 2 },
  steps: [
    {
      at: 0,
      focus: 'node-1',
      say: 'A 4-node cluster, FT1, running AOS 6.5.2. The database VM db-1 runs on node-1: its 4 vDisks are served by the local Stargate in node-1\'s CVM. Data Resiliency is OK, so the upgrade\'s pre-checks will pass.',
    },
    {
      at: 60,
      focus: 'node-1',
      action: { upgrade: 'aos' },
      say: 'Upgrade AOS to 6.5.3 (Settings → Upgrade Software). Pre-checks pass; node-1 takes the upgrade token. Before its CVM shuts down, every vDisk session it serves is handed to a remote Stargate, so db-1\'s I/O never stalls.',
    },
    {
      at: 400,
      focus: 'node-1',
      say: 'node-1\'s CVM is upgrading (10 minutes). Its disks are offline, yet Curator starts no rebuild: a planned shutdown is expected back (only after 30 minutes would the data be re-created). db-1 keeps running on node-1, its I/O served remotely.',
    },
    {
      at: 700,
      focus: 'node-1',
      say: 'node-1\'s CVM is back on AOS 6.5.3. The upgrade waits: the sessions fail back to the local Stargate only after it has been healthy for 300 s, and the next CVM must not go down before that.',
    },
    {
      at: 1100,
      focus: 'node-2',
      say: 'db-1\'s sessions are local on node-1 again and Data Resiliency is OK: node-2 now holds the upgrade token and its CVM hands its sessions over in turn. Never two CVMs down at once.',
    },
    {
      at: 4200,
      say: 'The RollingUpgrade task succeeded: every CVM runs AOS 6.5.3 (Home shows the new version). No VM stopped, no I/O failed, no rebuild ran, and every session is back on its local Stargate.',
    },
  ],
}
