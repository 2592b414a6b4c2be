// What a proof states: the snapshot stored with every certificate and the only input of the PDF renderer.
// The renderer adds what is not part of the statement (QR, 授权码, page numbers, print time), so the snapshot's
// canonical hash (`documentHash`) can be signed into the QR token without a cycle through the PDF's bytes.
import crypto from 'node:crypto'
import type { CertificateType } from '@shebao/shared'

export interface LabelValue {
  label: string
  value: string
}

export interface TableColumn {
  title: string
  /** Relative width. */
  width: number
  align?: 'left' | 'center' | 'right'
  /** Columns sharing a group get a spanning header cell above their own titles (缴费起止时间 → 年/月 年/月). */
  group?: string
}

export type Block =
  /** "label：value" pairs in 1–3 columns (header lines such as 单位名称 / 单位编号). */
  | { kind: 'fields'; items: LabelValue[]; columns: 1 | 2 | 3 }
  /** A bordered summary grid; in every row, even cells are labels (shaded), odd cells values. */
  | { kind: 'grid'; widths: number[]; rows: string[][] }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; indent?: boolean }
  /** A bordered table. `rowsPerPage` + `fillPage`: the seed's fixed 20 numbered rows a page (unit proof). */
  | {
      kind: 'table'
      caption?: string
      columns: TableColumn[]
      rows: string[][]
      /** Prepend a 序号 column numbering the rows (empty filler rows are numbered too). */
      numbered?: boolean
      /** A closing row (合计), spanning the first columns with its first cell. */
      totalRow?: string[]
      rowsPerPage?: number
      fillPage?: boolean
      /** Text when the table has no rows. */
      empty?: string
    }
  /** Right-aligned closing lines (出具机构, 日期). */
  | { kind: 'closing'; lines: string[] }

export interface CertificateSubject {
  role: 'PERSON' | 'UNIT'
  personId?: number
  unitId?: number
  /** Full name / unit name as printed. */
  name: string
  idNumber?: string
  personNo?: string
  unitNo?: string
}

/** What the public verification page may show (personal data already masked). */
export interface PublicView {
  subjectName: string
  subjectIdNumber: string | null
  unitName: string | null
  unitNo: string | null
  periodLabel: string | null
  details: LabelValue[]
  /** One line for lists ("2023年1月至2024年6月 · 用途：购房"). */
  summary: string
  /** The masked subject signed into the QR token (`sb`). */
  tokenSubject: string
}

export interface CertificateDocument {
  v: 1
  type: CertificateType
  title: string
  /** 出具机构 printed under the title. */
  issuer: string
  /** 'paged': every page repeats all blocks, the table is cut into `rowsPerPage` chunks (unit proof, seed
   *  §4.9.1). 'flow': blocks flow down the pages, tables continue with their header repeated. */
  layout: 'flow' | 'paged'
  blocks: Block[]
  /** 备注 1…n (the verification note with URL and 授权码 is added by the renderer as the last one). */
  notes: string[]
  subject: CertificateSubject
  public: PublicView
  /** ISO instant of issue (the 打印时间 printed). */
  issuedAt: string
  /** Period the proof covers, when it covers one. */
  period: { start: number; end: number } | null
}

/** JSON with object keys sorted at every level: the same value always gives the same text (MySQL's JSON type
 *  reorders keys; MariaDB keeps them), so the stored snapshot can be re-hashed at verification. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`
}

/** base64url sha256 of the canonical snapshot: the `dh` claim of the QR token. */
export function documentHash(document: unknown): string {
  return crypto.createHash('sha256').update(canonicalJson(document)).digest('base64url')
}
