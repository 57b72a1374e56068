/** How Prism names the fault domain types in the Data Resiliency widget and its dialog. */
export const DOMAIN_TYPE_LABEL = { DISK: 'Disk', NODE: 'Node', RACKABLE_UNIT: 'Block', RACK: 'Rack' } as const
