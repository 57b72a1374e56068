/** The drill kit's PageHash knows every route the app has (the kit can't import src/, so this test keeps them in step). */
import { describe, expect, it } from 'vitest'
import { PAGE_HASHES } from '../../../packages/drill-kit/src/pages/routes'
import { PAGES } from './routes'

describe('drill kit routes', () => {
  it('PAGE_HASHES lists exactly the pages of the page menu', () => {
    expect([...PAGE_HASHES].sort()).toEqual(PAGES.map((p) => `#/${p.id}`).sort())
  })
})
