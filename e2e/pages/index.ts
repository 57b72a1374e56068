/** The drill kit's page objects (packages/drill-kit), as this repo's own drills use them. */
export * from '../../packages/drill-kit/src/pages/index'
