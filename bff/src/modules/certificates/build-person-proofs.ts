// Snapshots of the individual proofs (seed 000 证明表单打印). The seed gives no columns for these (only images), so
// the contents are ours; docs/certificates.md lists them. Every builder reads exactly what it prints.
import {
  InsuranceTypes,
  PaymentKinds,
  PaymentStatuses,
  addMonths,
  fenToCapital,
  maskName,
  shanghaiPeriod,
  type InsuranceType
} from '@shebao/shared'
import { AppError } from '../../http/errors.ts'
import type { Block, TableColumn } from './document.ts'
import {
  NOTE_SSN,
  contributionStatusLabel,
  dateLabel,
  enrolmentStatusLabel,
  fen,
  holderNote,
  insuranceLabel,
  periodCell,
  periodLabel,
  periodRangeLabel,
  personFields,
  personPublic,
  regionInfo,
  sexLabel,
  yuan,
  type Db,
  type DocumentDraft
} from './snapshot-common.ts'

const PERSON_SELECT = {
  id: true,
  name: true,
  sex: true,
  idNumber: true,
  personNo: true,
  regionCode: true,
  status: true,
  birthDate: true,
  firstWorkDate: true,
  retiredOn: true
} as const

export async function loadPerson(db: Db, personId: number) {
  const person = await db.person.findUnique({ where: { id: personId }, select: PERSON_SELECT })
  if (!person) throw new AppError('NOT_FOUND')
  return person
}

type Person = Awaited<ReturnType<typeof loadPerson>>

const TYPE_ORDER = InsuranceTypes.codes as readonly string[]
const byType = (a: string, b: string) => TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b)

// ── 参保证明（缴费明细） ─────────────────────────────────────────────────────────────────────────

export interface PersonInsuranceInput {
  startPeriod: number
  endPeriod: number
  purpose: string
  insuranceTypes?: InsuranceType[] | undefined
}

/** Contribution records become runs: consecutive months of one type, unit, base, amounts and status. */
interface Run {
  type: string
  unitId: number | null
  start: number
  end: number
  months: number
  base: number
  personal: number
  status: string
}

export async function buildPersonInsurance(db: Db, personId: number, input: PersonInsuranceInput, now: Date): Promise<DocumentDraft> {
  const current = shanghaiPeriod(now)
  if (input.endPeriod > current) throw new AppError('VALIDATION_FAILED', { field: 'endPeriod', detail: '不能晚于本月' })
  if (input.startPeriod < addMonths(input.endPeriod, -359)) {
    throw new AppError('VALIDATION_FAILED', { field: 'startPeriod', detail: '证明期间最长30年' })
  }
  const typeFilter = input.insuranceTypes?.length ? { insuranceType: { in: input.insuranceTypes } } : {}
  // Reads that do not depend on each other go out together (two round trips instead of four, issue 5).
  const [person, enrolments] = await Promise.all([
    loadPerson(db, personId),
    db.enrolment.findMany({
      where: {
        personId,
        ...typeFilter,
        startPeriod: { lte: input.endPeriod },
        OR: [{ stopPeriod: null }, { stopPeriod: { gte: input.startPeriod } }]
      },
      select: { insuranceType: true, status: true, startPeriod: true, stopPeriod: true, unit: { select: { id: true, name: true } } },
      orderBy: [{ startPeriod: 'asc' }]
    })
  ])
  if (!enrolments.length) throw new AppError('CERTIFICATE_NO_DATA', { detail: '所选期间内没有您的参保记录' })
  const types = [...new Set(enrolments.map((e) => e.insuranceType as string))].sort(byType)
  const [region, records] = await Promise.all([
    regionInfo(db, person.regionCode),
    db.contributionRecord.findMany({
      where: {
        personId,
        insuranceType: { in: types as InsuranceType[] },
        period: { gte: input.startPeriod, lte: input.endPeriod },
        kind: { in: ['NORMAL', 'BACK_PAYMENT'] },
        status: { not: 'REFUNDED' }
      },
      select: { insuranceType: true, unitId: true, period: true, base: true, personalAmount: true, status: true },
      orderBy: [{ insuranceType: 'asc' }, { period: 'asc' }]
    })
  ])
  // Unit names: the enrolments' units came with them; only units paid through without an enrolment of the period
  // (rare) are looked up.
  const units = new Map<number, string>()
  for (const e of enrolments) if (e.unit) units.set(e.unit.id, e.unit.name)
  const missing = [...new Set(records.map((r) => r.unitId).filter((u): u is number => u !== null && !units.has(u)))]
  if (missing.length) {
    for (const u of await db.unit.findMany({ where: { id: { in: missing } }, select: { id: true, name: true } })) units.set(u.id, u.name)
  }

  const runs: Run[] = []
  const paidMonths = new Map<string, Set<number>>()
  let personalTotal = 0
  for (const r of [...records].sort((a, b) => byType(a.insuranceType, b.insuranceType) || a.period - b.period)) {
    const base = fen(r.base)
    const personal = fen(r.personalAmount)
    if (r.status === 'PAID' || r.status === 'BACK_PAID') {
      if (!paidMonths.has(r.insuranceType)) paidMonths.set(r.insuranceType, new Set())
      paidMonths.get(r.insuranceType)?.add(r.period)
      personalTotal += personal
    }
    const last = runs[runs.length - 1]
    if (
      last &&
      last.type === r.insuranceType &&
      last.unitId === r.unitId &&
      last.base === base &&
      last.personal === personal &&
      last.status === r.status &&
      addMonths(last.end, 1) === r.period
    ) {
      last.end = r.period
      last.months++
    } else {
      runs.push({ type: r.insuranceType, unitId: r.unitId, start: r.period, end: r.period, months: 1, base, personal, status: r.status })
    }
  }

  const range = periodRangeLabel(input.startPeriod, input.endPeriod)
  const monthsByType = types.map((t) => `${insuranceLabel(t)}${paidMonths.get(t)?.size ?? 0}个月`)
  const enrolmentColumns: TableColumn[] = [
    { title: '险种', width: 2.1 },
    { title: '参保单位', width: 2.6 },
    { title: '参保年月', width: 1 },
    { title: '参保状态', width: 1 },
    { title: '期间实缴月数', width: 1.1 }
  ]
  const runColumns: TableColumn[] = [
    { title: '险种', width: 2.35 },
    { title: '起始年月', width: 0.95, group: '缴费起止年月' },
    { title: '终止年月', width: 0.95, group: '缴费起止年月' },
    { title: '月数', width: 0.6 },
    { title: '缴费单位', width: 2.2 },
    { title: '月缴费基数(元)', width: 1.15, align: 'right' },
    { title: '个人月缴(元)', width: 1.05, align: 'right' },
    { title: '缴费状态', width: 1 }
  ]
  const blocks: Block[] = [
    { kind: 'paragraph', indent: true, text: `兹证明${person.name}在本机构参加社会保险，${range}期间的参保及缴费情况如下：` },
    {
      kind: 'fields',
      columns: 2,
      items: [
        ...personFields(person, region),
        { label: '证明期间', value: range },
        { label: '用途', value: input.purpose }
      ]
    },
    { kind: 'heading', text: '参保信息' },
    {
      kind: 'table',
      columns: enrolmentColumns,
      rows: enrolments
        .sort((a, b) => byType(a.insuranceType, b.insuranceType) || a.startPeriod - b.startPeriod)
        .map((e) => [
          insuranceLabel(e.insuranceType),
          e.unit?.name ?? '个人参保',
          periodCell(e.startPeriod),
          enrolmentStatusLabel(e.status),
          String(paidMonths.get(e.insuranceType)?.size ?? 0)
        ])
    },
    { kind: 'heading', text: '缴费明细' },
    {
      kind: 'table',
      columns: runColumns,
      rows: runs.map((r) => [
        insuranceLabel(r.type),
        periodCell(r.start),
        periodCell(r.end),
        String(r.months),
        r.unitId === null ? '个人缴费' : (units.get(r.unitId) ?? '—'),
        yuan(r.base),
        yuan(r.personal),
        contributionStatusLabel(r.status)
      ]),
      empty: '证明期间内没有缴费记录'
    },
    {
      kind: 'paragraph',
      text: `证明期间内实缴到账：${monthsByType.join('，')}；个人缴纳合计${yuan(personalTotal)}元。连续月份的缴费基数、金额和状态相同者合并为一行。`
    }
  ]
  return {
    type: 'PERSON_INSURANCE',
    title: `${region.province}社会保险参保证明（个人缴费明细）`,
    issuer: region.agency,
    layout: 'flow',
    blocks,
    notes: [NOTE_SSN, holderNote('PERSON')],
    subject: { role: 'PERSON', personId: person.id, name: person.name, idNumber: person.idNumber, personNo: person.personNo },
    public: personPublic(person, {
      periodLabel: range,
      details: [
        { label: '险种', value: types.map(insuranceLabel).join('、') },
        { label: '期间实缴月数', value: monthsByType.join('，') },
        { label: '用途', value: input.purpose }
      ],
      summary: `${range} · 用途：${input.purpose}`
    }),
    period: { start: input.startPeriod, end: input.endPeriod }
  }
}

// ── 参保缴费凭证 (per insurance type; also the unit's 养老缴费凭证) ────────────────────────────────

export async function buildPaymentVoucher(
  db: Db,
  person: Person,
  insuranceType: InsuranceType,
  issuer: { role: 'PERSON' } | { role: 'UNIT'; unit: { id: number; name: string; unitNo: string } }
): Promise<DocumentDraft> {
  const region = await regionInfo(db, person.regionCode)
  const enrolments = await db.enrolment.findMany({
    where: { personId: person.id, insuranceType },
    select: { status: true, startPeriod: true, stopPeriod: true, startedOn: true, unit: { select: { name: true } } },
    orderBy: { startPeriod: 'asc' }
  })
  if (!enrolments.length) throw new AppError('CERTIFICATE_NO_DATA', { detail: `未查询到${insuranceLabel(insuranceType)}的参保信息` })
  const records = await db.contributionRecord.findMany({
    where: { personId: person.id, insuranceType, kind: { in: ['NORMAL', 'BACK_PAYMENT'] }, status: { in: ['PAID', 'BACK_PAID'] } },
    select: { period: true, base: true, unitAmount: true, personalAmount: true },
    orderBy: { period: 'asc' }
  })
  interface Year {
    year: number
    periods: Set<number>
    first: number
    last: number
    base: number
    unit: number
    personal: number
  }
  const years = new Map<number, Year>()
  for (const r of records) {
    const y = Math.floor(r.period / 100)
    let row = years.get(y)
    if (!row) {
      row = { year: y, periods: new Set(), first: r.period, last: r.period, base: 0, unit: 0, personal: 0 }
      years.set(y, row)
    }
    row.periods.add(r.period)
    row.first = Math.min(row.first, r.period)
    row.last = Math.max(row.last, r.period)
    row.base += fen(r.base)
    row.unit += fen(r.unitAmount)
    row.personal += fen(r.personalAmount)
  }
  const yearRows = [...years.values()].sort((a, b) => a.year - b.year)
  const totalMonths = yearRows.reduce((s, y) => s + y.periods.size, 0)
  const totalUnit = yearRows.reduce((s, y) => s + y.unit, 0)
  const totalPersonal = yearRows.reduce((s, y) => s + y.personal, 0)
  const latest = enrolments[enrolments.length - 1]
  const first = enrolments[0]
  let account: string | null = null
  if (insuranceType === 'PENSION') {
    const acc = await db.personalAccountYear.findFirst({ where: { personId: person.id }, orderBy: { year: 'desc' }, select: { year: true, closingBalance: true } })
    if (acc) account = `${yuan(fen(acc.closingBalance))}元（截至${acc.year}年末）`
  }
  const typeLabel = insuranceLabel(insuranceType)
  const activeUnit = enrolments.filter((e) => e.status === 'ACTIVE' && e.unit).pop()?.unit?.name
  const lastPaid = yearRows.length ? (yearRows[yearRows.length - 1] as Year).last : null
  const grid = [
    ['参保险种', typeLabel, '参保状态', enrolmentStatusLabel(latest?.status ?? 'ACTIVE')],
    ['首次参保年月', periodCell(first?.startPeriod), '当前参保单位', activeUnit ?? '—'],
    ['累计实缴月数', `${totalMonths}个月`, '最近缴费年月', periodCell(lastPaid)],
    ['单位缴纳合计(元)', yuan(totalUnit), '个人缴纳合计(元)', yuan(totalPersonal)],
    ...(account ? [['个人账户累计储存额', account, '', '']] : [])
  ]
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      indent: true,
      text: `兹证明${person.name}参加${typeLabel}，截至本凭证打印时的参保缴费情况如下${issuer.role === 'UNIT' ? `（由参保单位${issuer.unit.name}打印）` : ''}：`
    },
    { kind: 'fields', columns: 2, items: personFields(person, region) },
    { kind: 'grid', widths: [1.3, 1.7, 1.3, 1.7], rows: grid },
    { kind: 'heading', text: '历年缴费情况' },
    {
      kind: 'table',
      columns: [
        { title: '年度', width: 0.8 },
        { title: '缴费起止年月', width: 1.6 },
        { title: '实缴月数', width: 0.8 },
        { title: '月均缴费基数(元)', width: 1.3, align: 'right' },
        { title: '单位缴纳(元)', width: 1.2, align: 'right' },
        { title: '个人缴纳(元)', width: 1.2, align: 'right' }
      ],
      rows: yearRows.map((y) => [
        String(y.year),
        `${periodCell(y.first)}—${periodCell(y.last)}`,
        String(y.periods.size),
        yuan(Math.round(y.base / Math.max(1, y.periods.size))),
        yuan(y.unit),
        yuan(y.personal)
      ]),
      totalRow: ['合计', '', String(totalMonths), '', yuan(totalUnit), yuan(totalPersonal)],
      empty: '暂无实缴到账的缴费记录'
    }
  ]
  const subject = issuer.role === 'UNIT'
    ? { role: 'UNIT' as const, unitId: issuer.unit.id, personId: person.id, name: issuer.unit.name, unitNo: issuer.unit.unitNo, idNumber: person.idNumber, personNo: person.personNo }
    : { role: 'PERSON' as const, personId: person.id, name: person.name, idNumber: person.idNumber, personNo: person.personNo }
  const pub = personPublic(person, {
    periodLabel: null,
    details: [
      { label: '险种', value: typeLabel },
      { label: '累计实缴月数', value: `${totalMonths}个月` },
      ...(issuer.role === 'UNIT' ? [{ label: '打印单位', value: issuer.unit.name }] : [])
    ],
    summary: `${typeLabel} · 累计${totalMonths}个月${issuer.role === 'UNIT' ? ` · ${maskName(person.name)}` : ''}`,
    ...(issuer.role === 'UNIT' ? { unit: issuer.unit } : {})
  })
  return {
    type: issuer.role === 'UNIT' ? 'UNIT_PENSION_VOUCHER' : 'PERSON_PAYMENT_VOUCHER',
    title: `${typeLabel}参保缴费凭证`,
    issuer: region.agency,
    layout: 'flow',
    blocks,
    notes: [NOTE_SSN, holderNote(issuer.role)],
    subject,
    public: pub,
    period: null
  }
}

// ── 养老金核定表 ──────────────────────────────────────────────────────────────────────────────────

export async function buildPensionAssessment(db: Db, personId: number): Promise<DocumentDraft> {
  const person = await loadPerson(db, personId)
  if (person.status !== 'RETIRED') {
    throw new AppError('CERTIFICATE_NOT_ELIGIBLE', { detail: '养老金核定表仅供已办理退休的人员打印，您目前不是退休人员' })
  }
  const payments = await db.benefitPayment.findMany({
    where: { personId, kind: 'BASIC_PENSION' },
    select: { period: true, item: true, amount: true },
    orderBy: [{ period: 'asc' }, { id: 'asc' }]
  })
  if (!payments.length) throw new AppError('CERTIFICATE_NO_DATA', { detail: '未查询到您的养老金核定信息' })
  const region = await regionInfo(db, person.regionCode)
  const firstPeriod = (payments[0] as { period: number }).period
  const lastPeriod = (payments[payments.length - 1] as { period: number }).period
  const items: string[] = []
  const initial = new Map<string, number>()
  const current = new Map<string, number>()
  for (const p of payments) {
    if (!items.includes(p.item)) items.push(p.item)
    if (p.period === firstPeriod) initial.set(p.item, (initial.get(p.item) ?? 0) + fen(p.amount))
    if (p.period === lastPeriod) current.set(p.item, (current.get(p.item) ?? 0) + fen(p.amount))
  }
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0)
  const paidMonths = await db.contributionRecord.findMany({
    where: { personId, insuranceType: 'PENSION', status: { in: ['PAID', 'BACK_PAID'] }, kind: { in: ['NORMAL', 'BACK_PAYMENT'] } },
    select: { period: true },
    distinct: ['period']
  })
  const account = await db.personalAccountYear.findFirst({
    where: { personId, ...(person.retiredOn ? { year: { lte: person.retiredOn.getUTCFullYear() } } : {}) },
    orderBy: { year: 'desc' },
    select: { closingBalance: true, year: true }
  })
  const months = paidMonths.length
  const blocks: Block[] = [
    {
      kind: 'fields',
      columns: 2,
      items: [
        ...personFields(person, region),
        { label: '出生日期', value: dateLabel(person.birthDate) },
        { label: '参加工作时间', value: dateLabel(person.firstWorkDate) },
        { label: '退休日期', value: dateLabel(person.retiredOn) }
      ]
    },
    {
      kind: 'grid',
      widths: [1.3, 1.7, 1.3, 1.7],
      rows: [
        ['累计缴费年限', `${Math.floor(months / 12)}年${months % 12}个月（${months}个月）`, '待遇起始年月', periodLabel(firstPeriod)],
        ['个人账户储存额', account ? `${yuan(fen(account.closingBalance))}元` : '—', '最近发放年月', periodLabel(lastPeriod)]
      ]
    },
    { kind: 'heading', text: '基本养老金核定情况' },
    {
      kind: 'table',
      numbered: true,
      columns: [
        { title: '待遇项目', width: 2.4 },
        { title: `核定月标准(元)\n${periodLabel(firstPeriod)}`, width: 1.6, align: 'right' },
        { title: `现月标准(元)\n${periodLabel(lastPeriod)}`, width: 1.6, align: 'right' }
      ],
      rows: items.map((it) => [it, yuan(initial.get(it) ?? 0), yuan(current.get(it) ?? 0)]),
      totalRow: ['合计', yuan(sum(initial)), yuan(sum(current))]
    },
    { kind: 'paragraph', text: `核定基本养老金月标准合计（大写）：${fenToCapital(sum(initial))}；现月标准合计（大写）：${fenToCapital(sum(current))}。` }
  ]
  return {
    type: 'PENSION_ASSESSMENT',
    title: `${region.province}企业职工基本养老金核定表`,
    issuer: region.agency,
    layout: 'flow',
    blocks,
    notes: [NOTE_SSN, holderNote('PERSON'), '养老金以核定时的缴费年限、缴费基数和个人账户储存额计算，此后按国家规定调整；现月标准为最近一次发放的标准。'],
    subject: { role: 'PERSON', personId: person.id, name: person.name, idNumber: person.idNumber, personNo: person.personNo },
    public: personPublic(person, {
      periodLabel: null,
      details: [
        { label: '待遇起始年月', value: periodLabel(firstPeriod) },
        { label: '核定月标准合计', value: `${yuan(sum(initial))}元` },
        { label: '现月标准合计', value: `${yuan(sum(current))}元` }
      ],
      summary: `待遇起始 ${periodLabel(firstPeriod)}`
    }),
    period: null
  }
}

// ── 待遇领取证明 ─────────────────────────────────────────────────────────────────────────────────

export async function buildBenefitReceipt(
  db: Db,
  personId: number,
  input: { startPeriod?: number | undefined; endPeriod?: number | undefined },
  now: Date
): Promise<DocumentDraft> {
  const current = shanghaiPeriod(now)
  const end = input.endPeriod ?? current
  const start = input.startPeriod ?? addMonths(end, -11)
  if (end > current) throw new AppError('VALIDATION_FAILED', { field: 'endPeriod', detail: '不能晚于本月' })
  if (start > end) throw new AppError('VALIDATION_FAILED', { field: 'endPeriod', detail: '结束年月不能早于开始年月' })
  if (start < addMonths(end, -59)) throw new AppError('VALIDATION_FAILED', { field: 'startPeriod', detail: '期间最长5年' })
  const person = await loadPerson(db, personId)
  const payments = await db.benefitPayment.findMany({
    where: { personId, period: { gte: start, lte: end } },
    select: { period: true, kind: true, amount: true, status: true, paidOn: true, bankName: true },
    orderBy: [{ period: 'asc' }, { kind: 'asc' }]
  })
  if (!payments.length) throw new AppError('CERTIFICATE_NO_DATA', { detail: '所选期间内没有待遇发放记录' })
  const region = await regionInfo(db, person.regionCode)
  // One row per month and benefit kind (the items of a month summed).
  const rows = new Map<string, { period: number; kind: string; amount: number; status: string; paidOn: Date | null; bank: string | null }>()
  for (const p of payments) {
    const key = `${p.period}:${p.kind}`
    const row = rows.get(key)
    if (row) {
      row.amount += fen(p.amount)
      if (p.status !== 'PAID') row.status = p.status
    } else {
      rows.set(key, { period: p.period, kind: p.kind, amount: fen(p.amount), status: p.status, paidOn: p.paidOn, bank: p.bankName })
    }
  }
  const list = [...rows.values()]
  const kinds = [...new Set(list.map((r) => PaymentKinds.label(r.kind)))]
  const paidTotal = list.filter((r) => r.status === 'PAID').reduce((s, r) => s + r.amount, 0)
  const latest = list[list.length - 1]
  const range = periodRangeLabel(start, end)
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      indent: true,
      text: `兹证明${person.name}（性别：${sexLabel(person.sex)}，社会保障号：${person.idNumber}）在本机构按月领取${kinds.join('、')}。${range}期间的发放情况如下，最近一次发放为${periodLabel(latest?.period ?? end)}，发放状态：${PaymentStatuses.label(latest?.status ?? 'PAID')}。`
    },
    { kind: 'fields', columns: 2, items: [...personFields(person, region), { label: '证明期间', value: range }] },
    {
      kind: 'table',
      columns: [
        { title: '发放年月', width: 1 },
        { title: '待遇类型', width: 1.6 },
        { title: '发放金额(元)', width: 1.2, align: 'right' },
        { title: '发放状态', width: 1 },
        { title: '发放日期', width: 1.3 },
        { title: '发放银行', width: 1.8 }
      ],
      rows: list.map((r) => [
        periodCell(r.period),
        PaymentKinds.label(r.kind),
        yuan(r.amount),
        PaymentStatuses.label(r.status),
        r.paidOn ? dateLabel(r.paidOn) : '—',
        r.bank ?? '—'
      ]),
      totalRow: ['已发放合计', '', yuan(paidTotal), '', '', '']
    },
    { kind: 'paragraph', text: `已发放合计（大写）：${fenToCapital(paidTotal)}。` }
  ]
  return {
    type: 'BENEFIT_RECEIPT',
    title: '社会保险待遇领取证明',
    issuer: region.agency,
    layout: 'flow',
    blocks,
    notes: [NOTE_SSN, holderNote('PERSON').replace('参保缴费情况', '待遇领取情况')],
    subject: { role: 'PERSON', personId: person.id, name: person.name, idNumber: person.idNumber, personNo: person.personNo },
    public: personPublic(person, {
      periodLabel: range,
      details: [
        { label: '待遇类型', value: kinds.join('、') },
        { label: '已发放合计', value: `${yuan(paidTotal)}元` },
        { label: '最近发放状态', value: PaymentStatuses.label(latest?.status ?? 'PAID') }
      ],
      summary: `${range} · ${kinds.join('、')}`
    }),
    period: { start, end }
  }
}

// ── 退休证明 ──────────────────────────────────────────────────────────────────────────────────────

export async function buildRetirement(db: Db, personId: number): Promise<DocumentDraft> {
  const person = await loadPerson(db, personId)
  if (person.status !== 'RETIRED' || !person.retiredOn) {
    throw new AppError('CERTIFICATE_NOT_ELIGIBLE', { detail: '退休证明仅供已办理退休的人员开具，您目前不是退休人员' })
  }
  const region = await regionInfo(db, person.regionCode)
  const lastUnit = await db.enrolment.findFirst({
    where: { personId, insuranceType: { in: ['PENSION', 'PUBLIC_PENSION'] }, unitId: { not: null } },
    orderBy: { startPeriod: 'desc' },
    select: { unit: { select: { name: true } } }
  })
  const firstPension = await db.benefitPayment.findFirst({
    where: { personId, kind: { in: ['BASIC_PENSION', 'PUBLIC_PENSION'] } },
    orderBy: { period: 'asc' },
    select: { period: true }
  })
  const latestPension = await db.benefitPayment.findFirst({
    where: { personId, kind: { in: ['BASIC_PENSION', 'PUBLIC_PENSION'] } },
    orderBy: { period: 'desc' },
    select: { status: true }
  })
  const since = firstPension ? `，自${periodLabel(firstPension.period)}起按月领取基本养老金` : ''
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      indent: true,
      text: `兹证明${person.name}（性别：${sexLabel(person.sex)}，出生日期：${dateLabel(person.birthDate)}，社会保障号：${person.idNumber}）已于${dateLabel(person.retiredOn)}办理退休手续${since}。`
    },
    {
      kind: 'grid',
      widths: [1.3, 1.7, 1.3, 1.7],
      rows: [
        ['姓名', person.name, '性别', sexLabel(person.sex)],
        ['社会保障号', person.idNumber, '个人编号', person.personNo],
        ['出生日期', dateLabel(person.birthDate), '参加工作时间', dateLabel(person.firstWorkDate)],
        ['退休日期', dateLabel(person.retiredOn), '参保所属地', region.insuredAt],
        ['退休时参保单位', lastUnit?.unit?.name ?? '—', '待遇发放状态', latestPension ? PaymentStatuses.label(latestPension.status) : '—']
      ]
    },
    { kind: 'paragraph', indent: true, text: '特此证明。' },
    { kind: 'closing', lines: [region.agency, '（电子证明，以扫码验证结果为准）'] }
  ]
  return {
    type: 'RETIREMENT',
    title: '退休证明',
    issuer: region.agency,
    layout: 'flow',
    blocks,
    notes: [NOTE_SSN, '本证明信息为打印时的退休及待遇领取情况，由本人自行保管。因遗失或泄露造成的不良后果，由本人负责。'],
    subject: { role: 'PERSON', personId: person.id, name: person.name, idNumber: person.idNumber, personNo: person.personNo },
    public: personPublic(person, {
      periodLabel: null,
      details: [
        { label: '退休日期', value: dateLabel(person.retiredOn) },
        { label: '待遇发放状态', value: latestPension ? PaymentStatuses.label(latestPension.status) : '—' }
      ],
      summary: `退休日期 ${dateLabel(person.retiredOn)}`
    }),
    period: null
  }
}
