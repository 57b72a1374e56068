/** The VM networks of a scenario (IPAM, DRILL-API.md §3): the default managed network. */
export interface NetworkSpec { name: string; managed: boolean; subnet: string | null; vlan: number }
/** our rule: a scenario without networks gets one managed network, and every VM is on it */
export const DEFAULT_NETWORK: NetworkSpec = { name: 'vm-network', managed: true, subnet: '10.100.0.0/16', vlan: 0 }
