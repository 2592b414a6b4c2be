// 单位参保人员 (§3.3.69): the unit's insured persons with their enrolments here, filtered by status and insurance
// type, paged; and the same list as an Excel export (exceljs). Masked unless revealed (the reveal is logged).
import {
  EnrolmentStatuses,
  InsuranceTypes,
  Sexes,
  UNIT_INSURANCE_TYPES,
  maskIdNumber,
  maskName,
  maskPhone,
  pageOf,
  pageOffset,
  type PageQuery
} from '@shebao/shared'
import ExcelJS from 'exceljs'
import type { Prisma, PrismaClient } from '../../db/client.ts'
import { AppError } from '../../http/errors.ts'
import { logReveal, type Viewer } from './unit-info.ts'

export interface RosterFilter {
  status?: 'ACTIVE' | 'SUSPENDED' | 'TERMINATED' | undefined
  insuranceType?: 'PENSION' | 'UNEMPLOYMENT' | 'WORK_INJURY' | undefined
  keyword?: string | undefined
}

/** The most rows one export writes. */
export const ROSTER_EXPORT_MAX = 50_000

function where(unitId: number, f: RosterFilter): Prisma.PersonWhereInput {
  const enrolment: Prisma.EnrolmentWhereInput = { unitId }
  if (f.status) enrolment.status = f.status
  if (f.insuranceType) enrolment.insuranceType = f.insuranceType
  const w: Prisma.PersonWhereInput = { enrolments: { some: enrolment } }
  const k = f.keyword?.trim()
  if (k) w.OR = /^\d{17}[\dXx]$/.test(k) ? [{ idNumber: k.toUpperCase() }] : [{ personNo: k }, { name: { contains: k } }]
  return w
}

type PersonWithEnrolments = Prisma.PersonGetPayload<{ include: { enrolments: true } }>

function rowOf(p: PersonWithEnrolments, reveal: boolean) {
  return {
    personId: p.id,
    personNo: p.personNo,
    name: reveal ? p.name : maskName(p.name),
    idNumber: reveal ? p.idNumber : maskIdNumber(p.idNumber),
    sex: Sexes.label(p.sex),
    birthDate: p.birthDate.toISOString().slice(0, 10),
    phone: p.phone ? (reveal ? p.phone : maskPhone(p.phone)) : null,
    insurances: p.enrolments
      .filter((e) => (UNIT_INSURANCE_TYPES as readonly string[]).includes(e.insuranceType))
      .sort((a, b) => UNIT_INSURANCE_TYPES.indexOf(a.insuranceType as never) - UNIT_INSURANCE_TYPES.indexOf(b.insuranceType as never))
      .map((e) => ({
        insuranceType: e.insuranceType,
        label: InsuranceTypes.label(e.insuranceType),
        status: e.status,
        statusLabel: EnrolmentStatuses.label(e.status),
        startPeriod: e.startPeriod,
        stopPeriod: e.stopPeriod,
        monthlyBase: e.monthlyBase ? e.monthlyBase.toFixed(2) : null
      }))
  }
}

export async function roster(prisma: PrismaClient, viewer: Viewer, f: RosterFilter & PageQuery, reveal: boolean) {
  const w = where(viewer.unitId, f)
  const [total, persons] = await Promise.all([
    prisma.person.count({ where: w }),
    prisma.person.findMany({
      where: w,
      include: { enrolments: { where: { unitId: viewer.unitId } } },
      orderBy: [{ personNo: 'asc' }],
      skip: pageOffset(f),
      take: f.pageSize
    })
  ])
  if (reveal) await logReveal(prisma, viewer, 'roster')
  return pageOf(persons.map((p) => rowOf(p, reveal)), total, f)
}

export async function rosterWorkbook(prisma: PrismaClient, viewer: Viewer, f: RosterFilter, reveal: boolean): Promise<Buffer> {
  const unit = await prisma.unit.findUnique({ where: { id: viewer.unitId }, select: { unitNo: true, name: true } })
  if (!unit) throw new AppError('NOT_FOUND')
  const w = where(viewer.unitId, f)
  const wb = new ExcelJS.Workbook()
  wb.creator = '掌上社保'
  const ws = wb.addWorksheet('单位参保人员')
  ws.columns = [
    { header: '序号', width: 6 },
    { header: '个人编号', width: 16 },
    { header: '姓名', width: 10 },
    { header: '证件号码', width: 22, style: { numFmt: '@' } },
    { header: '性别', width: 6 },
    { header: '出生日期', width: 12 },
    { header: '手机号码', width: 14, style: { numFmt: '@' } },
    ...UNIT_INSURANCE_TYPES.map((t) => ({ header: `${InsuranceTypes.label(t)}`, width: 14 })),
    { header: '缴费基数(元)', width: 12 }
  ]
  ws.getRow(1).font = { bold: true }
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  let n = 0
  // Stream the list in pages so a large unit does not load everything at once; in the list's order (个人编号, unique),
  // so the 序号 of the file are those of the screen.
  for (let cursor: string | undefined; n < ROSTER_EXPORT_MAX; ) {
    const page: PersonWithEnrolments[] = await prisma.person.findMany({
      where: w,
      include: { enrolments: { where: { unitId: viewer.unitId } } },
      orderBy: { personNo: 'asc' },
      take: 1000,
      ...(cursor !== undefined ? { cursor: { personNo: cursor }, skip: 1 } : {})
    })
    if (page.length === 0) break
    for (const p of page) {
      const r = rowOf(p, reveal)
      const status = (t: string) => r.insurances.find((i) => i.insuranceType === t)?.statusLabel ?? ''
      const base = r.insurances.find((i) => i.status === 'ACTIVE')?.monthlyBase ?? ''
      ws.addRow([++n, r.personNo, r.name, r.idNumber, r.sex, r.birthDate, r.phone ?? '', ...UNIT_INSURANCE_TYPES.map(status), base])
      if (n >= ROSTER_EXPORT_MAX) break
    }
    cursor = page[page.length - 1]?.personNo
  }
  ws.insertRow(1, [`${unit.name}（${unit.unitNo}）单位参保人员，共${n}人`])
  ws.mergeCells(1, 1, 1, 11)
  if (reveal) await logReveal(prisma, viewer, 'roster.export')
  return Buffer.from(await wb.xlsx.writeBuffer())
}
