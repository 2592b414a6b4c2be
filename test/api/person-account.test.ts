// 个人账户 must reproduce from the contribution records (issue 4): read every contribution row the API gives the
// person, credit each year's paid personal pension amounts, roll the account with shared's rollAccount at the
// national 记账利率 (shared's table, not the stored rate), and land on exactly the stored ledger the API shows.
import { ACCOUNT_INTEREST_RATES, accountYear, rollAccount, type ContributionRow } from '@shebao/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, startBff, type RunningBff } from '../helpers/bff.ts'
import { createPersonFixture, personToken, type PersonFixture } from './person-fixtures.ts'

let bff: RunningBff
let fx: PersonFixture
const tokens = new Map<number, string>()

beforeAll(async () => {
  bff = await startBff()
  fx = await createPersonFixture(bff.prisma)
  for (const p of [fx.worker, fx.retiree, fx.empty]) tokens.set(p.id, await personToken(bff.prisma, bff.deps.keys, p.id))
})

afterAll(async () => {
  await fx?.cleanup()
  await bff?.close()
})

async function contributionsOf(personId: number): Promise<ContributionRow[]> {
  const out: ContributionRow[] = []
  for (let page = 1; ; page++) {
    const res = await api(bff.baseUrl, { token: tokens.get(personId)! }).get('/api/me/contributions', { query: { page, pageSize: 100 } })
    expect(res.status).toBe(200)
    out.push(...res.body.items)
    if (out.length >= res.body.total || res.body.items.length === 0) return out
  }
}

/** The recomputation, independent of the stored ledger except for the opening balance the account started with. */
async function recompute(personId: number) {
  const account = (await api(bff.baseUrl, { token: tokens.get(personId)! }).get('/api/me/account')).body
  const rows = await contributionsOf(personId)
  const paid = rows.filter((r) => r.insuranceType === 'PENSION' && (r.status === 'PAID' || r.status === 'BACK_PAID'))
  const years: number[] = account.items.map((i: any) => i.year)
  const credits = years.map((year) => ({
    year,
    creditedFen: paid.filter((r) => Math.floor(r.period / 100) === year).reduce((s, r) => s + r.personalAmountFen, 0)
  }))
  const months = years.map((year) => new Set(paid.filter((r) => Math.floor(r.period / 100) === year).map((r) => r.period)).size)
  const opening = account.items[0]?.openingFen ?? 0
  return { account, expected: rollAccount(opening, credits, ACCOUNT_INTEREST_RATES), months }
}

describe('personal account recomputed from the contribution records', () => {
  it('the worker (a gap year, a back-paid month, a 差额 row, arrears not credited)', async () => {
    const { account, expected, months } = await recompute(fx.worker.id)
    expect(account.items).toHaveLength(5)
    expect(account.items.map((i: any) => ({ year: i.year, openingFen: i.openingFen, creditedFen: i.creditedFen, ratePpm: i.ratePpm, interestFen: i.interestFen, closingFen: i.closingFen }))).toEqual(expected)
    expect(account.items.map((i: any) => i.creditedMonths)).toEqual(months)
    expect(account.balanceFen).toBe(expected.at(-1)!.closingFen)
  })

  it('the retiree (credits stop at retirement)', async () => {
    const { account, expected, months } = await recompute(fx.retiree.id)
    expect(account.items.map((i: any) => i.year)).toEqual([2016, 2017, 2018, 2019, 2020])
    expect(account.items.map((i: any) => [i.openingFen, i.creditedFen, i.interestFen, i.closingFen])).toEqual(
      expected.map((e) => [e.openingFen, e.creditedFen, e.interestFen, e.closingFen])
    )
    expect(months).toEqual([12, 12, 12, 12, 4])
  })

  it('a worked example by hand: 10,000.00 opening + 5,760.00 credited at 3.97 % → 520.83 interest', () => {
    // 10000 × 0.0397 = 397.00; 5760 × 0.0397 × 1.083 / 2 = 123.825888; total 520.825888 → 520.83
    expect(accountYear(2023, 1_000_000, 576_000, 39_700)).toMatchObject({ interestFen: 52_083, closingFen: 1_628_083 })
  })

  it('detects a ledger that does not reproduce (one fen off in one year)', async () => {
    const row = await bff.prisma.personalAccountYear.findUniqueOrThrow({ where: { personId_year: { personId: fx.worker.id, year: 2021 } } })
    await bff.prisma.personalAccountYear.update({ where: { id: row.id }, data: { interest: row.interest.plus('0.01') } })
    try {
      const { account, expected } = await recompute(fx.worker.id)
      const i = account.items.findIndex((x: any) => x.year === 2021)
      expect(account.items[i].interestFen).toBe(expected[i]!.interestFen + 1)
    } finally {
      await bff.prisma.personalAccountYear.update({ where: { id: row.id }, data: { interest: row.interest } })
    }
  })

  it('no account, nothing to recompute', async () => {
    const { account, expected } = await recompute(fx.empty.id)
    expect(account.items).toEqual([])
    expect(expected).toEqual([])
  })
})
