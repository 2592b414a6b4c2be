// Snapshot of 湖北省社会保险参保证明（单位专用） (seed 004 §4.9.1, 002 §3.3.47): the clerk picks the insurance type,
// a span of 3/6/9/12/24 months ending at the unit's 最大核止期号, and the staff to list. 20 numbered rows a page,
// empty numbered rows filling the last page, the summary grid and footnotes 1–3 of the seed.
import {
  InsuranceTypes,
  UNIT_CERTIFICATE_ROWS_PER_PAGE,
  addMonths,
  maskIdNumber,
  shanghaiPeriod,
  type InsuranceType,
  type UnitInsuranceType
} from '@shebao/shared'
import { AppError } from '../../http/errors.ts'
import type { Block } from './document.ts'
import { NOTE_SSN_MASKED, holderNote, periodLabel, periodRangeLabel, regionInfo, unitPublic, type Db, type DocumentDraft } from './snapshot-common.ts'

export async function loadUnit(db: Db, unitId: number) {
  const unit = await db.unit.findUnique({ where: { id: unitId }, select: { id: true, name: true, unitNo: true, regionCode: true } })
  if (!unit) throw new AppError('NOT_FOUND')
  return unit
}

/** "企业失业" as the seed's grid prints the unit's insurance type. */
function unitInsuranceLabel(type: InsuranceType): string {
  const e = InsuranceTypes.get(type)
  return e ? `企业${e.shortLabel}` : type
}

export interface UnitInsuranceInput {
  insuranceType: UnitInsuranceType
  months: number
  personIds: number[]
}

export async function buildUnitInsurance(db: Db, unitId: number, input: UnitInsuranceInput, now: Date): Promise<DocumentDraft> {
  // Reads that do not depend on each other go out together (issue 5); the checks keep their order.
  const [unit, ui] = await Promise.all([
    loadUnit(db, unitId),
    db.unitInsurance.findUnique({
      where: { unitId_insuranceType: { unitId, insuranceType: input.insuranceType } },
      select: { lastSettledPeriod: true, status: true }
    })
  ])
  if (!ui) throw new AppError('CERTIFICATE_NOT_ELIGIBLE', { detail: `本单位未参加${InsuranceTypes.label(input.insuranceType)}` })
  if (!ui.lastSettledPeriod) throw new AppError('CERTIFICATE_NO_DATA', { detail: '该险种尚无核定期号（最大核止期号）' })
  const end = ui.lastSettledPeriod
  const start = addMonths(end, -(input.months - 1))
  const accounting = shanghaiPeriod(now) // 做账期号: the month of printing (the seed's 202111 on 2021-11-13)

  // Every chosen person must be on this unit's roster for this insurance type (any status): else 404, saying
  // nothing about persons elsewhere.
  // (The records, payers and arrears below are this unit's own rows, read alongside; nothing of them is used when
  // the roster check fails.)
  const ids = [...new Set(input.personIds)]
  const [persons, records, payers, arrears, region] = await Promise.all([
    db.person.findMany({
      where: { id: { in: ids }, enrolments: { some: { unitId, insuranceType: input.insuranceType } } },
      select: { id: true, name: true, idNumber: true, personNo: true }
    }),
    db.contributionRecord.findMany({
      where: {
        unitId,
        insuranceType: input.insuranceType,
        personId: { in: ids },
        period: { gte: start, lte: end },
        kind: { in: ['NORMAL', 'BACK_PAYMENT'] },
        status: { not: 'REFUNDED' }
      },
      select: { personId: true, period: true, status: true }
    }),
    // 缴费总人数: everyone of the unit with a record of this type in the last settled month (not only the chosen).
    db.contributionRecord.findMany({
      where: { unitId, insuranceType: input.insuranceType, period: end, kind: 'NORMAL', status: { not: 'REFUNDED' } },
      select: { personId: true },
      distinct: ['personId']
    }),
    db.contributionRecord.findFirst({
      where: { unitId, insuranceType: input.insuranceType, status: 'ARREARS' },
      select: { id: true }
    }),
    regionInfo(db, unit.regionCode)
  ])
  if (persons.length !== ids.length) throw new AppError('NOT_FOUND', { field: 'personIds' })
  const byId = new Map(persons.map((p) => [p.id, p]))

  const span = new Map<number, { first: number; last: number; statuses: Set<string> }>()
  for (const r of records) {
    const s = span.get(r.personId)
    if (!s) span.set(r.personId, { first: r.period, last: r.period, statuses: new Set([r.status]) })
    else {
      s.first = Math.min(s.first, r.period)
      s.last = Math.max(s.last, r.period)
      s.statuses.add(r.status)
    }
  }

  const statusOf = (s: Set<string> | undefined): string => {
    if (!s) return '无缴费记录'
    if (s.has('ARREARS')) return '欠费'
    if (s.has('DECLARED')) return '应缴未到账'
    if (s.has('BACK_PAID') && !s.has('PAID')) return '补缴到账'
    return '实缴到账'
  }
  // Rows in the order the clerk chose them (the seed's right-hand list order).
  const rows = ids.map((id) => {
    const p = byId.get(id) as { name: string; idNumber: string; personNo: string }
    const s = span.get(id)
    return [p.name, maskIdNumber(p.idNumber), p.personNo, s ? String(s.first) : '—', s ? String(s.last) : '—', statusOf(s?.statuses)]
  })
  const typeLabel = unitInsuranceLabel(input.insuranceType)
  const caption = `${Math.floor(accounting / 100)}年${accounting % 100}月，该单位以下参保缴费人员信息`
  const blocks: Block[] = [
    {
      kind: 'fields',
      columns: 1,
      items: [
        { label: '单位名称', value: unit.name },
        { label: '单位编号', value: unit.unitNo }
      ]
    },
    {
      kind: 'grid',
      widths: [1.25, 1.25, 1.1, 0.8, 1.35, 0.6],
      rows: [
        ['单位参保险种', typeLabel, '缴费总人数', String(payers.length), '', ''],
        ['参保所属地', region.insuredAt, '做账期号', String(accounting), '单位欠费(是/否)', arrears ? '是' : '否']
      ]
    },
    {
      kind: 'table',
      caption,
      numbered: true,
      rowsPerPage: UNIT_CERTIFICATE_ROWS_PER_PAGE,
      fillPage: true,
      columns: [
        { title: '姓名', width: 1.05 },
        { title: '身份证号', width: 2 },
        { title: '个人编号', width: 1.45 },
        { title: '年/月', width: 0.85, group: '缴费起止时间' },
        { title: '年/月', width: 0.85, group: '缴费起止时间' },
        { title: '缴费状态', width: 1.1 }
      ],
      rows
    }
  ]
  const range = periodRangeLabel(start, end)
  return {
    type: 'UNIT_INSURANCE',
    title: `${region.province}社会保险参保证明（单位专用）`,
    issuer: region.agency,
    layout: 'paged',
    blocks,
    notes: [NOTE_SSN_MASKED, holderNote('UNIT')],
    subject: { role: 'UNIT', unitId: unit.id, name: unit.name, unitNo: unit.unitNo },
    public: unitPublic(unit, {
      periodLabel: range,
      details: [
        { label: '参保险种', value: InsuranceTypes.label(input.insuranceType) },
        { label: '列明人员', value: `${rows.length}人` },
        { label: '缴费总人数', value: `${payers.length}人（${periodLabel(end)}）` },
        { label: '单位欠费', value: arrears ? '是' : '否' }
      ],
      summary: `${InsuranceTypes.get(input.insuranceType)?.shortLabel ?? ''} · ${range} · ${rows.length}人`
    }),
    period: { start, end }
  }
}
