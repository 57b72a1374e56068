/**
 * The layers and the no-cycle rule, checked by `npm test` (scripts/test-all.mjs) and `npm run depcruise`.
 *   model ← worker ← ui;  kernel ← cluster ← subsystems ← simulation.ts (the composition root).
 * Type-only imports count (tsPreCompilationDeps): a type cycle is still a cycle of concepts.
 */
const SUBSYSTEMS = '^src/model/(storage|metadata|iopath|ha|report)/'
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'No import cycles anywhere in src/ (type-only imports included).', from: {}, to: { circular: true } },
    { name: 'model-not-worker-ui', severity: 'error', comment: 'The model is pure: it must not import the worker or the UI.', from: { path: '^src/model/' }, to: { path: '^src/(worker|ui)/' } },
    { name: 'worker-not-ui', severity: 'error', comment: 'The worker must not import the UI.', from: { path: '^src/worker/' }, to: { path: '^src/ui/' } },
    {
      name: 'subsystem-not-simulation', severity: 'error',
      comment: 'Subsystems get a context interface, never the Simulation class: only the composition root and tests import simulation.ts.',
      from: { path: '^src/model/(kernel|cluster|storage|metadata|iopath|ha|report|scenario|upgrade|lifecycle)/', pathNot: '\\.(test|testkit)\\.ts$' },
      to: { path: '^src/model/simulation\\.ts$' },
    },
    {
      name: 'kernel-imports-no-subsystem', severity: 'error',
      comment: 'The kernel (clock, queue, PRNG, log, metrics, units) knows nothing of the cluster or its subsystems.',
      from: { path: '^src/model/kernel/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/model/', pathNot: '^src/model/(kernel/|types\\.ts$)' },
    },
    {
      name: 'cluster-below-subsystems', severity: 'error',
      comment: 'cluster/ (topology, awareness, VM table) is the ground the subsystems stand on: it imports none of them.',
      from: { path: '^src/model/cluster/', pathNot: '\\.test\\.ts$' },
      to: { path: SUBSYSTEMS },
    },
    {
      name: 'only-report-reads-report', severity: 'error',
      comment: 'Subsystems do not depend on report/ (the Report is built from them, not the other way round).',
      from: { path: '^src/model/(storage|metadata|iopath|ha)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/model/report/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
}
