/** Metadata: the Cassandra ring with token ranges, the Zookeeper ensemble, and the ncli fault-tolerance output. */
import { Widget } from '../common/Widget'
import { NcliPanel } from '../metadata/NcliPanel'
import { RingDiagram } from '../metadata/RingDiagram'
import { ZookeeperPanel } from '../metadata/ZookeeperPanel'

export function MetadataPage(_props: { view: string | null }) {
  return (
    <div className="grid grid-cols-1 gap-3 xl:grid-cols-3">
      <Widget title="Cassandra metadata ring" className="xl:col-span-2">
        <RingDiagram />
      </Widget>
      <Widget title="Zookeeper">
        <ZookeeperPanel />
      </Widget>
      <Widget title="ncli" className="xl:col-span-3">
        <NcliPanel />
      </Widget>
    </div>
  )
}
