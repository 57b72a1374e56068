/**
 * Narrated walkthroughs for presenters (issue 8): built-in scenarios whose `steps` tell a
 * failure story from the seeds, one caption per step. Every narration describes what the
 * model shows at that step's time; walkthroughs.test.ts runs each scenario and checks it.
 *
 * `WALKTHROUGH_VIEWS` is a presentation hint for the UI: the page each step is best seen on
 * (the step's `focus` entity is highlighted there).
 */
import type { Scenario } from './schema'
import { ROLLING_UPGRADE_WALKTHROUGH } from './walkthroughUpgrade'

const fourNodes = { racks: 1, blocksPerRack: 1, nodesPerBlock: 4, ssdPerNode: 2, hddPerNode: 4, ssdTB: 1.92, hddTB: 4 }

export const WALKTHROUGHS: Scenario[] = [
  {
    id: 'walkthrough-cvm-failover',
    title: 'Walkthrough: CVM failure, I/O failover and failback',
    summary: 'A CVM shuts down: the iSCSI redirector moves every vDisk of its host to remote Stargates within one health check, the VMs keep running, and 300 s after the CVM is back the sessions fail back.',
    seed: 7,
    cluster: { name: 'Walk-CVM', layout: fourNodes, data: { usedPct: 30 } },
    vms: [{ id: 'app-1', name: 'app-1', host: 'node-3', vcpus: 4, memoryGiB: 16, vdisks: 3 }],
    vmFill: { count: 12, vcpus: 2, memoryGiB: 8, vdisks: 2 },
    steps: [
      {
        at: 0,
        focus: 'node-3',
        say: 'A 4-node cluster, FT1. VM app-1 runs on host node-3: each of its 3 vDisks has its own iSCSI session, and the iSCSI redirector on node-3 sends every login to the local Stargate in node-3\'s CVM (192.168.5.254).',
      },
      {
        at: 30,
        focus: 'node-3',
        action: { inject: { kind: 'cvm', target: 'node-3' } },
        say: 'T+0: the CVM on node-3 shuts down. The host and its VMs keep running, but the sessions to the local Stargate stall: it no longer answers. Curator starts a scan, because the data on node-3\'s disks is unreachable.',
      },
      {
        at: 40,
        focus: 'node-3',
        say: 'T+10 s: at its next NOP-OUT round (every 5 s) the redirector on node-3 marked the local Stargate down, and QEMU logged each vDisk in again — redirected, at random, to a healthy remote Stargate. Every session of node-3\'s VMs is now remote (an IoPathRedirect event); app-1 never stopped.',
      },
      {
        at: 120,
        focus: 'node-3',
        action: { restore: 'node-3' },
        say: 'T+90 s: the CVM on node-3 is back and its Stargate serves again. The sessions stay on the remote Stargates for now: the redirector fails back only after the local Stargate has been healthy for 300 s (the IoPathFailback task).',
      },
      {
        at: 160,
        focus: 'node-3',
        say: 'The Curator scan after the restore found every copy in place — "Data Rebuild Complete": the CVM came back before any copy had to be re-created. Data Resiliency is OK again, while the I/O still runs remotely.',
      },
      {
        at: 430,
        focus: 'node-3',
        say: 'About 300 s after the redirector saw the local Stargate healthy, the remote Stargates dropped the sessions and QEMU logged in locally: every vDisk of node-3\'s VMs is local again (an IoPathFailback event).',
      },
    ],
  },
  {
    id: 'walkthrough-node-ha',
    title: 'Walkthrough: node failure, HA restart and rebuild',
    summary: 'A node powers off: VM HA detects it (T0/T20/T60), fences its I/O and restarts its VMs on other hosts at T120, while Curator re-replicates the data the node held.',
    seed: 7,
    cluster: { name: 'Walk-HA', layout: fourNodes, data: { usedPct: 20 } },
    vms: [{ id: 'db-1', name: 'db-1', host: 'node-2', vcpus: 8, memoryGiB: 64, vdisks: 4 }],
    vmFill: { count: 16, vcpus: 2, memoryGiB: 16, vdisks: 2 },
    steps: [
      {
        at: 0,
        focus: 'node-2',
        say: 'A 4-node cluster, FT1, VM High Availability in its default (best effort) mode. VM db-1 and 4 other VMs run on host node-2. Data Resiliency is OK: the cluster can lose any one node.',
      },
      {
        at: 30,
        focus: 'node-2',
        action: { inject: { kind: 'node', target: 'node-2' } },
        say: 'T0: node-2 powers off — host and CVM down. Its 5 VMs stop. The Acropolis leader loses contact with libvirtd on node-2, and Curator starts a scan to find the data that lost a copy.',
      },
      {
        at: 50,
        focus: 'node-2',
        say: 'T20: the Acropolis leader starts a 40 s timeout for host node-2 before it declares it failed.',
      },
      {
        at: 90,
        focus: 'node-2',
        say: 'T60: node-2 is still unreachable, so the leader tells every Stargate to block I/O from it (fencing): its VMs can now safely start elsewhere. Curator\'s scan is done: Data Resiliency is Critical, and the Data Rebuild task re-replicates 3.59 TiB on all 3 healthy nodes.',
      },
      {
        at: 150,
        focus: 'node-1',
        say: 'T120: HA restarts node-2\'s 5 VMs on the other hosts — db-1 now runs on node-1 (VmRestarted events). The rebuild goes on at 250 MB/s per healthy node.',
      },
      {
        at: 5400,
        focus: 'node-2',
        say: 'Data Rebuild Complete: 3.59 TiB re-replicated. Every extent group has 2 copies again, on the 3 surviving nodes, and Data Resiliency is back to OK.',
      },
      {
        at: 5460,
        focus: 'node-2',
        action: { restore: 'node-2' },
        say: 'node-2 comes back. The copies it still holds were already replaced by the rebuild: they are over-replicated now. HA does not move the restarted VMs back.',
      },
      {
        at: 5520,
        focus: 'node-2',
        say: 'The Curator scan after the restore removed the over-replicated copies. Data Resiliency is OK, with node-2 serving again.',
      },
    ],
  },
  {
    id: 'walkthrough-block-awareness',
    title: 'Walkthrough: block failure with block awareness',
    summary: 'Three 2-node blocks with block awareness: a whole block fails without losing any data, HA restarts its VMs, the rebuild re-protects the data on the two other blocks, and the status returns to OK when the block is back.',
    seed: 7,
    cluster: {
      name: 'Walk-Block',
      awareness: 'block',
      layout: { racks: 1, blocksPerRack: 3, nodesPerBlock: 2, ssdPerNode: 2, hddPerNode: 4, ssdTB: 1.92, hddTB: 4 },
      data: { usedPct: 25 },
    },
    vmFill: { count: 24, vcpus: 2, memoryGiB: 16, vdisks: 2 },
    steps: [
      {
        at: 0,
        focus: 'block-2',
        say: 'Three blocks of 2 nodes, FT1, with block awareness in force: the 2 copies of every extent group, the metadata replicas and the Zookeeper servers sit in different blocks. The cluster can lose a whole block (failures tolerable for Block: 1).',
      },
      {
        at: 30,
        focus: 'block-2',
        action: { inject: { kind: 'block', target: 'block-2' } },
        say: 'T0: block-2 fails — both its nodes, node-3 and node-4, go down at once. No extent group had both copies in block-2, so no data is lost. The 8 VMs on those hosts stop; HA restarts them at T120.',
      },
      {
        at: 70,
        focus: 'block-2',
        say: 'Curator\'s scan is done: Data Resiliency is Critical while a copy is missing — one more failure could lose data. All 4 healthy nodes re-replicate 8.96 TiB.',
      },
      {
        at: 150,
        focus: 'block-1',
        say: 'T120: HA restarted the 8 VMs of node-3 and node-4 on the surviving hosts. Still no data lost.',
      },
      {
        at: 9950,
        focus: 'block-2',
        say: 'Data Rebuild Complete: every extent group has 2 copies again, now in block-1 and block-3. Status Warning: the cluster can lose a node, but with only 2 blocks left it can no longer lose a whole block.',
      },
      {
        at: 10000,
        focus: 'block-2',
        action: { restore: 'block-2' },
        say: 'block-2 is back: node-3 and node-4 are up, and Curator scans again.',
      },
      {
        at: 10100,
        focus: 'block-2',
        say: 'The scan removed the over-replicated copies still on block-2. The status stays Warning: node-3 and node-4 left the metadata ring after 30 min down, and they rejoin only after 15 min of stability.',
      },
      {
        at: 10960,
        focus: 'block-2',
        say: 'node-3 and node-4 joined the metadata ring again and the metadata is block aware once more: Data Resiliency is OK and the cluster can lose a whole block again (Block: 1).',
      },
    ],
  },
  {
    id: 'walkthrough-resilient-capacity',
    title: 'Walkthrough: resilient capacity exceeded',
    summary: 'Data grows past the resilient-capacity line: Prism warns that the cluster could no longer heal a node failure, and when a node does fail the rebuild runs out of room.',
    seed: 7,
    cluster: {
      name: 'Walk-Capacity',
      layout: { racks: 1, blocksPerRack: 1, nodesPerBlock: 4, ssdPerNode: 1, hddPerNode: 2, ssdTB: 2, hddTB: 4 },
      data: { usedPct: 66, growthTBPerDay: 24 },
    },
    vmFill: { count: 8, vcpus: 2, memoryGiB: 16, vdisks: 2 },
    steps: [
      {
        at: 0,
        say: '4 nodes of 10 TB (9.09 TiB), FT1 (RF2): 36.38 TiB raw. Resilient capacity is 27.28 TiB: the 30 TB left after losing a node. 24.01 TiB are used, past the 75 % warning threshold (20.46 TiB), so the Storage Summary is amber. New data arrives at 1 TB (0.91 TiB) an hour.',
      },
      {
        at: 10800,
        say: 'T+3 h: 26.74 TiB used, just under the gray resilient-capacity line (27.28 TiB). A node failure could still be healed.',
      },
      {
        at: 14400,
        say: 'T+4 h: 27.65 TiB used — past the resilient-capacity line. The bar turns red and FREE_SPACE drops to 0 ("Cluster does not have enough capacity to tolerate a node failure"): Data Resiliency is Critical although every component is up.',
      },
      {
        at: 18000,
        focus: 'node-2',
        action: { inject: { kind: 'node', target: 'node-2' } },
        say: 'T+5 h: node-2 fails. Its disks leave the pool: the 3 survivors hold 27.28 TiB of raw capacity, and Curator starts a scan to re-protect the copies node-2 held.',
      },
      {
        at: 18100,
        focus: 'node-2',
        say: 'The scan found the under-replicated data and the Data Rebuild task starts copying on the 3 survivors — but the data no longer fits below the resilient line of a 3-node cluster.',
      },
      {
        at: 25300,
        focus: 'node-2',
        say: 'T+7 h: data kept arriving while the rebuild copied, and the disks reached 95 %: Storage is full, new writes are refused (a StorageFull alert).',
      },
      {
        at: 28000,
        focus: 'node-2',
        say: 'The rebuild failed — "Rebuild Blocked": 3.55 TiB of data could not be re-protected and is left with a single copy. No data is lost yet, but one more failure could lose it. This is what the red resilient-capacity line warned about.',
      },
    ],
  },
  {
    id: 'walkthrough-guarantee-admission',
    title: 'Walkthrough: Guarantee-mode admission',
    summary: 'VM HA in Guarantee mode reserves failover segments for every running VM: a power-on that would break the reservation is refused, freeing memory lets it in, and a host failure restarts VMs into the reserved room.',
    seed: 7,
    cluster: {
      name: 'Walk-Guarantee',
      haMode: 'guarantee',
      layout: { ...fourNodes, memoryGiB: 256 },
      data: { usedPct: 30 },
    },
    vms: [{ id: 'big-db', name: 'big-db', host: 'node-1', vcpus: 16, memoryGiB: 128, vdisks: 4, power: 'off' }],
    vmFill: { count: 12, vcpus: 4, memoryGiB: 32, vdisks: 2 },
    steps: [
      {
        at: 0,
        focus: 'node-1',
        say: 'VM HA in Guarantee mode: 4 hosts with 224 GiB each for VMs (256 GiB minus the CVM), 12 VMs of 32 GiB running, 3 per host. Acropolis reserves failover segments so the VMs of any one failed host can restart, spread over the others: every host holds 32 GiB of reserve (one VM of each other host), leaving 96 GiB available.',
      },
      {
        at: 30,
        focus: 'node-1',
        action: { powerOn: 'big-db' },
        say: 'Power on big-db (128 GiB) on node-1: refused. Admission control finds no failover segment layout that still protects every VM with it there — node-1 has only 96 GiB available. The refusal is in the event log.',
      },
      {
        at: 60,
        focus: 'node-1',
        action: { powerOff: 'vm-1' },
        say: 'Make room: power off vm-01 and vm-05, two 32 GiB VMs on node-1.',
      },
      { at: 60, action: { powerOff: 'vm-5' } },
      {
        at: 90,
        focus: 'node-1',
        action: { powerOn: 'big-db' },
        say: 'Power on big-db again: admitted. Acropolis lays the failover segments out again: node-2 now holds 128 GiB of reserve for big-db and has 0 GiB available, node-1 32 GiB, and every running VM is still protected.',
      },
      {
        at: 120,
        focus: 'node-3',
        action: { inject: { kind: 'node', target: 'node-3' } },
        say: 'T0: node-3 fails and its 3 VMs stop. HA will restart them at T120, into the room reserved for them.',
      },
      {
        at: 240,
        focus: 'node-3',
        say: 'T120: the 3 VMs of node-3 restarted one on each of the other hosts, in the segments held for node-3 — the restart was guaranteed. No VM was left off.',
      },
    ],
  },
  ROLLING_UPGRADE_WALKTHROUGH,
  {
    id: 'walkthrough-cluster-expansion',
    title: 'Walkthrough: expanding the cluster to a third block',
    summary: 'Two 2-node blocks cannot be block aware (FT1 needs 3 blocks): two nodes added in a new block-3 turn block awareness on, join the metadata ring, take a Zookeeper server, and disk balancing fills them until Data Resiliency is OK with block fault tolerance 1.',
    seed: 7,
    cluster: {
      name: 'Walk-Expand',
      awareness: 'block',
      layout: { racks: 1, blocksPerRack: 2, nodesPerBlock: 2, ssdPerNode: 1, hddPerNode: 2, ssdTB: 1.92, hddTB: 4 },
      data: { usedPct: 30 },
    },
    vmFill: { count: 12, vcpus: 2, memoryGiB: 16, vdisks: 2 },
    steps: [
      {
        at: 0,
        focus: 'block-1',
        say: 'Two blocks of two nodes, block awareness desired. FT1 needs 3 blocks for it, so node awareness is in force (best effort): Data Resiliency is OK, but the cluster cannot tolerate a block failure (Block fault tolerance 0).',
      },
      {
        at: 30,
        focus: 'node-5',
        action: { addNode: { id: 'node-5', block: 'block-3', disks: [{ id: 'disk-5-1', tier: 'SSD', capacityTB: 1.92 }, { id: 'disk-5-2', tier: 'HDD', capacityTB: 4 }, { id: 'disk-5-3', tier: 'HDD', capacityTB: 4 }] } },
        say: 'Expand cluster: node-5 arrives in a new block, block-3. With 3 blocks, block awareness is in force at once (AwarenessChanged). Its disks join the storage pool empty and its memory joins HA.',
      },
      {
        at: 60,
        focus: 'node-6',
        action: { addNode: { id: 'node-6', block: 'block-3', disks: [{ id: 'disk-6-1', tier: 'SSD', capacityTB: 1.92 }, { id: 'disk-6-2', tier: 'HDD', capacityTB: 4 }, { id: 'disk-6-3', tier: 'HDD', capacityTB: 4 }] } },
        say: 'node-6 joins block-3 as well, so the three blocks hold the same capacity.',
      },
      {
        at: 120,
        focus: 'node-5',
        say: 'Both new nodes have joined the metadata ring, and a Zookeeper server moved from node-2 to node-5: one per block. Data Resiliency is Warning: copies that share a block are not block aware yet, and disk balancing has 4.84 TiB to move.',
      },
      {
        at: 2400,
        focus: 'block-3',
        say: 'Disk balancing runs below rebuild priority, at half the rebuild bandwidth: block-3\'s disks fill, each copy written before the old one is deleted, so no data is ever at one copy.',
      },
      {
        at: 7200,
        focus: 'block-3',
        say: 'Disk balancing complete: 4.78 TiB moved. Every extent group has its copies in two blocks: Block fault tolerance 1 and Data Resiliency OK. The cluster can now lose a whole block.',
      },
    ],
  },
  {
    id: 'walkthrough-node-removal',
    title: 'Walkthrough: removing a node without losing resiliency',
    summary: 'The administrator removes the node that runs the Acropolis leader and a Zookeeper server: its VMs live-migrate off, its data migrates at full replication factor while Data Resiliency stays OK, its Zookeeper server and the leadership move, and it leaves the metadata ring and the cluster.',
    seed: 7,
    cluster: { name: 'Walk-Remove', layout: fourNodes, data: { usedPct: 20 } },
    vmFill: { count: 12, vcpus: 2, memoryGiB: 16, vdisks: 2 },
    steps: [
      {
        at: 0,
        focus: 'node-1',
        say: 'A 4-node cluster, FT1. node-1 runs 3 VMs, a Zookeeper server and the Acropolis leader, and holds 3.62 TiB of data. The administrator removes it from the cluster.',
      },
      {
        at: 30,
        focus: 'node-1',
        action: { removeNode: 'node-1' },
        say: 'Remove host node-1: the pre-check passes (3 nodes are left, enough for FT1, and they can hold its data at full replication factor). First the host enters maintenance mode and its VMs live-migrate off.',
      },
      {
        at: 60,
        focus: 'node-1',
        say: 'Its 3 VMs live-migrated to node-2, node-3 and node-4 without powering off. Its disks are marked for removal and data migration has started: 3.62 TiB move to the other nodes, each copy written before the old one is deleted.',
      },
      {
        at: 3600,
        focus: 'node-1',
        say: 'node-1\'s disks drain while Data Resiliency stays OK: every extent group keeps its 2 copies all along, so the cluster can still lose a node during the removal.',
      },
      {
        at: 8030,
        focus: 'node-2',
        say: 'Data migration complete: 3.62 TiB moved. node-1\'s Zookeeper server moved to node-4 and the Acropolis leadership passed to node-2 without an election gap; node-1 is leaving the metadata ring.',
      },
      {
        at: 8100,
        focus: 'node-2',
        say: 'node-1 is gone: out of the metadata ring, the Zookeeper ensemble and every count. 3 nodes remain and Data Resiliency is OK at FT1.',
      },
    ],
  },
  {
    id: 'walkthrough-rack-partition',
    title: 'Walkthrough: a rack cut off from the network',
    summary: 'A switch failure cuts off the rack that runs the Acropolis leader: the two other racks hold the Zookeeper majority and keep the cluster, elect a new leader at T20, fence the cut-off hosts at T60 and restart their VMs at T120; rack awareness keeps every extent group available, and reconnecting heals it.',
    seed: 7,
    cluster: {
      name: 'Walk-Partition',
      awareness: 'rack',
      layout: { racks: 3, blocksPerRack: 1, nodesPerBlock: 2, ssdPerNode: 2, hddPerNode: 4, ssdTB: 1.92, hddTB: 4 },
      data: { usedPct: 25 },
    },
    vmFill: { count: 18, vcpus: 2, memoryGiB: 16, vdisks: 2 },
    steps: [
      {
        at: 0,
        focus: 'rack-1',
        say: 'Three racks of one 2-node block, FT1 with rack awareness: every extent group has its two copies in two racks, and the 3 Zookeeper servers sit one per rack (node-1, node-3, node-5). The Acropolis leader runs on node-1, in rack-1.',
      },
      {
        at: 30,
        focus: 'rack-1',
        action: { inject: { kind: 'partition', target: ['node-1', 'node-2'] } },
        say: 'T0: the top-of-rack switch of rack-1 fails. node-1 and node-2 still see each other but not the rest of the cluster. rack-2 and rack-3 hold 2 of the 3 Zookeeper servers: that side keeps the cluster. The Acropolis leader is on the wrong side.',
      },
      {
        at: 50,
        focus: 'node-3',
        say: 'T20: the quorum side elects a new Acropolis leader, on node-3. Since the first health check the VMs on rack-1 get I/O errors: their hosts reach no Stargate of the cluster.',
      },
      {
        at: 75,
        focus: 'rack-1',
        say: 'T45: the 6 VMs on rack-1 have stopped after their I/O failed — there are never two running copies of a VM. The copies on rack-1 are offline, not lost: rack awareness keeps the other copy of every extent group online, so no data is unavailable, and Curator is re-replicating 9.03 TiB.',
      },
      {
        at: 90,
        focus: 'rack-1',
        say: 'T60: the new leader tells the Stargates of the quorum side to block I/O from node-1 and node-2 (fencing): the VMs can now safely start elsewhere.',
      },
      {
        at: 150,
        focus: 'node-3',
        say: 'T120: HA restarts the 6 VMs on the 4 hosts of rack-2 and rack-3, spread over them (VmRestarted events).',
      },
      {
        at: 330,
        focus: 'node-4',
        say: 'T300: rack-1 is still cut off, so its Zookeeper server is replaced: node-4 serves in its place and the ensemble has 3 servers again (two of them in rack-2 for now).',
      },
      {
        at: 360,
        focus: 'rack-1',
        action: { restore: 'node-1' },
        say: 'The switch is back: reconnecting any host of the partition heals it. node-1 and node-2 rejoin; the copies on them that the rebuild has not replaced yet count again, the rest are now over-replicated.',
      },
      {
        at: 700,
        focus: 'rack-1',
        say: 'Curator removed the over-replicated copies and the Zookeeper server went back to node-1: Data Resiliency is OK again. The restarted VMs stay where HA put them.',
      },
    ],
  },
]

/** The page each step is best seen on (index = step index), by walkthrough id; `#/<page>[/<view>]`. */
export const WALKTHROUGH_VIEWS: Record<string, ReadonlyArray<string | null>> = {
  'walkthrough-cvm-failover': ['io-paths', 'io-paths', 'io-paths', 'io-paths', 'home', 'io-paths'],
  'walkthrough-node-ha': ['hardware/diagram', 'hardware/diagram', 'ha', 'ha', 'ha', 'home', 'hardware/diagram', 'home'],
  'walkthrough-block-awareness': ['hardware/diagram', 'hardware/diagram', 'home', 'hardware/diagram', 'home', 'hardware/diagram', 'home', 'home'],
  'walkthrough-resilient-capacity': ['storage', 'storage', 'storage', 'hardware/diagram', 'home', 'storage', 'home'],
  'walkthrough-guarantee-admission': ['ha', 'ha', 'ha', null, 'ha', 'hardware/diagram', 'ha'],
  'walkthrough-rolling-upgrade': ['io-paths', 'io-paths', 'home', 'io-paths', 'io-paths', 'home'],
  'walkthrough-cluster-expansion': ['hardware/diagram', 'hardware/diagram', 'hardware/diagram', 'metadata', 'storage', 'home'],
  'walkthrough-node-removal': ['hardware/diagram', 'hardware/diagram', 'ha', 'storage', 'metadata', 'hardware/diagram'],
  'walkthrough-rack-partition': ['hardware/diagram', 'hardware/diagram', 'ha', 'home', 'io-paths', 'ha', 'metadata', 'hardware/diagram', 'home'],
}
