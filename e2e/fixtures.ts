/**
 * This repo's drills use the drill kit (packages/drill-kit) from its source, so the e2e suite
 * exercises it. Outside the repo, install the packed kit instead (its README).
 */
export * from '../packages/drill-kit/src/index'
