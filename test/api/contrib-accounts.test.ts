// Personal-account year-end settlement (结息) of the contributions module: interest by shared accountYear
// (劳办发〔1997〕116号: opening × r + credits × r × 1.083 / 2, half-up once) on the rows the monthly 到账 credits
// without interest, and the closing balance carried into the next year's opening.
import { accountYear } from '@shebao/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { settleAccountYear } from '../../bff/src/modules/contributions/accounts.ts'
import { startBff, type RunningBff } from '../helpers/bff.ts'
import { ContribFixtures } from './contrib-fixtures.ts'

let bff: RunningBff
let fx: ContribFixtures

beforeAll(async () => {
  bff = await startBff()
  fx = new ContribFixtures(bff.prisma, bff.deps.keys)
  await fx.setup()
})

afterAll(async () => {
  await fx?.cleanup()
  await bff?.close()
})

describe('settleAccountYear', () => {
  it('applies the 2024 rate (2.62 %) once and rolls 2025\'s opening', async () => {
    const p = await fx.person()
    await bff.prisma.personalAccountYear.create({ data: { personId: p.id, year: 2024, openingBalance: '10000.00', credited: '4800.00', creditedMonths: 12, interestRate: '0.000000', interest: '0.00', closingBalance: '14800.00' } })
    await bff.prisma.personalAccountYear.create({ data: { personId: p.id, year: 2025, openingBalance: '14800.00', credited: '400.00', creditedMonths: 1, interestRate: '0.026200', interest: '0.00', closingBalance: '15200.00' } })
    expect(await settleAccountYear(bff.prisma, 2024, [p.id])).toBe(1)
    const expected = accountYear(2024, 1_000_000, 480_000, 26_200)
    // 10000 × 2.62 % + 4800 × 2.62 % × 1.083 / 2 = 262 + 68.099… = 330.10
    expect(expected.interestFen).toBe(33_010)
    const y2024 = await bff.prisma.personalAccountYear.findUniqueOrThrow({ where: { personId_year: { personId: p.id, year: 2024 } } })
    expect([y2024.interestRate.toFixed(6), y2024.interest.toFixed(2), y2024.closingBalance.toFixed(2)]).toEqual(['0.026200', '330.10', '15130.10'])
    const y2025 = await bff.prisma.personalAccountYear.findUniqueOrThrow({ where: { personId_year: { personId: p.id, year: 2025 } } })
    expect([y2025.openingBalance.toFixed(2), y2025.closingBalance.toFixed(2)]).toEqual(['15130.10', '15530.10'])
  })
})
