// Helpers the snapshot builders share: labels, money and dates as printed, regions and issuing agency, footnotes.
import {
  ContributionStatuses,
  EnrolmentStatuses,
  InsuranceTypes,
  PROVINCES,
  Sexes,
  formatYuan,
  getRegion,
  maskIdNumber,
  maskName,
  yuanToFen,
  type CertificateType
} from '@shebao/shared'
import type { PrismaClient } from '../../db/client.ts'
import type { CertificateDocument, PublicView } from './document.ts'

export type Db = PrismaClient

/** Decimal column → integer fen (exact: via the decimal's text). */
export function fen(value: { toString(): string } | null | undefined): number {
  return value == null ? 0 : yuanToFen(value.toString())
}

export const yuan = (f: number) => formatYuan(f)

/** A DATE column (UTC midnight) → "2021年11月13日". */
export function dateLabel(d: Date | null | undefined): string {
  if (!d) return '—'
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}

/** 202107 → "2021年7月". */
export function periodLabel(p: number): string {
  return `${Math.floor(p / 100)}年${p % 100}月`
}

/** 202107 → "2021/07" (table cells). */
export function periodCell(p: number | null | undefined): string {
  if (!p) return '—'
  return `${Math.floor(p / 100)}/${String(p % 100).padStart(2, '0')}`
}

export function periodRangeLabel(start: number, end: number): string {
  return start === end ? periodLabel(start) : `${periodLabel(start)}至${periodLabel(end)}`
}

export const insuranceLabel = (code: string) => InsuranceTypes.label(code)
export const enrolmentStatusLabel = (code: string) => EnrolmentStatuses.label(code)
export const contributionStatusLabel = (code: string) => ContributionStatuses.label(code)
export const sexLabel = (code: string) => Sexes.label(code)

export interface RegionInfo {
  code: string
  name: string
  /** 参保所属地 as printed: a city-level region is "X市本级" (seed 004 §4.9.1 "随州市本级"). */
  insuredAt: string
  /** "湖北省" — the province named in proof titles. */
  province: string
  /** 出具机构. */
  agency: string
}

export async function regionInfo(db: Db, code: string): Promise<RegionInfo> {
  const row = await db.region.findUnique({ where: { code }, select: { name: true, level: true } })
  const name = row?.name ?? getRegion(code)?.name ?? code
  const level = row?.level ?? getRegion(code)?.level ?? 2
  const province = PROVINCES[code.slice(0, 2)] ?? ''
  return {
    code,
    name,
    insuredAt: level === 2 ? `${name}本级` : name,
    province,
    agency: `${level === 1 ? name : `${name}`}社会保险经办机构`
  }
}

export const NOTE_SSN = '社会保障号：中国公民的"社会保障号"为身份证号；外国公民的"社会保障号"为护照号或居留证号。'
export const NOTE_SSN_MASKED = `${NOTE_SSN}为保护个人信息，本证明中的证件号码部分隐去。`

export function holderNote(role: 'PERSON' | 'UNIT'): string {
  return role === 'UNIT'
    ? '本证明信息为打印时单位在参保所属地的参保缴费情况，由参保单位自行保管。因遗失或泄露造成的不良后果，由参保单位负责。'
    : '本证明信息为打印时本人在参保所属地的参保缴费情况，由本人自行保管。因遗失或泄露造成的不良后果，由本人负责。'
}

export function personPublic(
  person: { name: string; idNumber: string },
  extra: { periodLabel: string | null; details: { label: string; value: string }[]; summary: string; unit?: { name: string; unitNo: string } }
): PublicView {
  const name = maskName(person.name)
  const id = maskIdNumber(person.idNumber)
  return {
    subjectName: name,
    subjectIdNumber: id,
    unitName: extra.unit?.name ?? null,
    unitNo: extra.unit?.unitNo ?? null,
    periodLabel: extra.periodLabel,
    details: extra.details,
    summary: extra.summary,
    tokenSubject: `${name}/${id}`
  }
}

export function unitPublic(
  unit: { name: string; unitNo: string },
  extra: { periodLabel: string | null; details: { label: string; value: string }[]; summary: string }
): PublicView {
  return {
    subjectName: unit.name,
    subjectIdNumber: null,
    unitName: unit.name,
    unitNo: unit.unitNo,
    periodLabel: extra.periodLabel,
    details: extra.details,
    summary: extra.summary,
    tokenSubject: `${unit.name}/${unit.unitNo}`
  }
}

/** Person fields every individual proof prints, full (the proof identifies its holder; the public page masks). */
export function personFields(
  p: { name: string; sex: string; idNumber: string; personNo: string },
  region: RegionInfo
): { label: string; value: string }[] {
  return [
    { label: '姓名', value: p.name },
    { label: '性别', value: sexLabel(p.sex) },
    { label: '社会保障号', value: p.idNumber },
    { label: '个人编号', value: p.personNo },
    { label: '参保所属地', value: region.insuredAt }
  ]
}

export type DocumentDraft = Omit<CertificateDocument, 'v' | 'issuedAt'>

export function finishDocument(draft: DocumentDraft, issuedAt: Date): CertificateDocument {
  return { v: 1, ...draft, issuedAt: issuedAt.toISOString() }
}

export type { CertificateType }
