import { describe, expect, it } from 'vitest'
import { csvCell, toCsv } from './csv'

describe('CSV export neutralises formulas (OWASP)', () => {
  it('prefixes =, +, -, @, tab and CR with a quote and quotes every text cell', () => {
    expect(csvCell('=1+1')).toBe(`"'=1+1"`)
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`)
    expect(csvCell('@SUM(1+1)')).toBe(`"'@SUM(1+1)"`)
    expect(csvCell('+cmd')).toBe(`"'+cmd"`)
    expect(csvCell('-2+3')).toBe(`"'-2+3"`)
    expect(csvCell('\tx')).toBe(`"'\tx"`)
    expect(csvCell('\rx')).toBe(`"'\rx"`)
    expect(csvCell('vm-1')).toBe('"vm-1"')
    expect(csvCell('a,b\nc')).toBe('"a,b\nc"')
  })
  it('numbers stay numbers, negative ones included; nothing is an empty cell', () => {
    expect(csvCell(-3.5)).toBe('-3.5')
    expect(csvCell(null)).toBe('""')
    expect(toCsv(['Name', 'IOPS'], [['=1+1', 3]])).toBe(`"Name","IOPS"\r\n"'=1+1",3`)
  })
})
