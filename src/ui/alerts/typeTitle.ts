/** Words Prism writes in capitals (or its own way) when they appear in a type name. */
const ACRONYMS: Record<string, string> = {
  Cvm: 'CVM', Cvms: 'CVMs', Ha: 'HA', Vm: 'VM', Vms: 'VMs', Io: 'I/O', Ec: 'EC', Rf: 'RF', Iscsi: 'iSCSI', Ssd: 'SSD', Hdd: 'HDD',
  Ip: 'IP', Dhcp: 'DHCP', Ahv: 'AHV', Aos: 'AOS', Smart: 'SMART', Ncli: 'ncli', Zk: 'ZK',
}

/** Alert, event and task types arrive as identifiers ("HostDown", "CvmDown"); Prism shows them as words ("Host Down", "CVM Down"). */
export function typeTitle(type: string): string {
  return type
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .split(' ')
    .map((w) => ACRONYMS[w] ?? w)
    .join(' ')
}
