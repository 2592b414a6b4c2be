// The generated 申报表 / 花名册 of a case over HTTP (GET /api/cases/:serialNo/report, issue 6 "Generated report as a
// PDF preview before confirm, and 打印相关表单 from the case record"): a batch 增员 case as a draft (预览 watermark,
// 未提交) and once submitted, with its rows as a 花名册 (code labels, ticks, yuan, 合计); a 单位一般信息变更 with its
// 变更项/变更前值/变更后值 table; a 职工一般信息变更 per worker (L4); who may fetch it (owner, reviewer; another unit's
// clerk, a person, a reviewer on a draft → 404 like every case route); application/pdf with a Chinese file name per
// RFC 5987; a long 花名册 over several landscape pages with 第2页/共N页 and the table header repeated.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import ExcelJS from 'exceljs'
import { formatDateChinese, shanghaiToday, staffEnrol } from '@shebao/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningBff } from '../helpers/bff.ts'
import { saveArtifact } from './cert-fixtures.ts'
import { CaseFixtures, client, draftBody, freshIdNumber, startCasesBff, type UnitFx, type Worker } from './cases-fixtures.ts'

const run = promisify(execFile)

let bff: RunningBff
let fx: CaseFixtures
let unit: UnitFx
let other: UnitFx
let reviewer: string
let person: { worker: Worker; token: string }

beforeAll(async () => {
  bff = await startCasesBff()
  fx = new CaseFixtures(bff.prisma, bff.deps.keys)
  await fx.setup()
  unit = await fx.unit()
  other = await fx.unit()
  reviewer = (await fx.reviewerToken()).token
  const w = await fx.worker()
  person = { worker: w, token: await fx.token('person', w.id) }
})
afterAll(async () => {
  await fx?.cleanup()
  await bff?.close()
})

async function report(serialNo: string, token: string) {
  const res = await fetch(`${bff.baseUrl}/api/cases/${serialNo}/report`, { headers: { authorization: `Bearer ${token}` } })
  const bytes = Buffer.from(await res.arrayBuffer())
  return { status: res.status, headers: res.headers, bytes }
}

async function poppler(tool: string, pdf: Buffer, args: string[]): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shebao-report-'))
  const file = path.join(dir, 'r.pdf')
  fs.writeFileSync(file, pdf)
  try {
    return (await run(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })).stdout
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** Text of the whole PDF (or one page), spaces removed so phrases can be searched for. */
async function text(pdf: Buffer, page?: number): Promise<string> {
  const out = await poppler('pdftotext', pdf, ['-layout', '-enc', 'UTF-8', ...(page ? ['-f', String(page), '-l', String(page)] : [])])
  return out.replace(/\s+/g, '')
}

async function info(pdf: Buffer): Promise<{ pages: number; width: number; height: number }> {
  const out = await poppler('pdfinfo', pdf, [])
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(out)
  return { pages: Number(/Pages:\s+(\d+)/.exec(out)?.[1]), width: Number(size?.[1]), height: Number(size?.[2]) }
}

const workStart = () => `${String(fx.current).slice(0, 4)}-${String(fx.current).slice(4)}-01`

/** Distinct Chinese names (the name schema takes Chinese characters only). */
const A = ['赵', '钱', '孙', '李', '周', '吴', '郑', '王', '冯', '陈']
const B = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
const nameOf = (i: number) => `${A[i % 10]}${B[Math.floor(i / 10) % 10]}${B[Math.floor(i / 100) % 10]}明`

describe('批量增员 (在职职工增员申报表)', () => {
  const people = [0, 1, 2].map((i) => ({ id: '', name: nameOf(i + 7) }))
  let serialNo = ''

  beforeAll(async () => {
    for (const p of people) p.id = fx.newcomerId(1990)
    const c = client(bff.baseUrl, unit.clerkToken)
    const draft = await c.post('/api/cases', { body: draftBody('STAFF_ENROL', { mode: 'BATCH' }) })
    expect(draft.status).toBe(201)
    serialNo = draft.body.serialNo
    // The unit's own template, filled with three workers (the third with only 养老 and 工伤), uploaded and saved.
    const tpl = await fetch(`${bff.baseUrl}/api/matters/STAFF_ENROL/template`, { headers: { authorization: `Bearer ${unit.clerkToken}` } })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await tpl.arrayBuffer()) as ArrayBuffer)
    const ws = wb.worksheets[0] as ExcelJS.Worksheet
    const headers = staffEnrol.template!.columns.map((col) => col.header)
    people.forEach((p, i) => {
      const values: Record<string, string> = {
        序号: String(i + 1), 单位编号: unit.unitNo, 单位名称: unit.name, 身份证号码: p.id, 姓名: p.name, 民族: i === 1 ? '03 回族' : '01 汉族',
        本次申报参工时间: workStart(), 月缴费工资: String(6000 + i * 1000), 城镇职工养老保险: '√', 失业保险: i === 2 ? '' : '√', 工伤保险: '√', '联系电话(手机)': `1390000111${i}`
      }
      const row = ws.getRow(6 + i)
      headers.forEach((h, j) => {
        if (values[h]) row.getCell(j + 1).value = values[h]
      })
      row.commit()
    })
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(Buffer.from(await wb.xlsx.writeBuffer()))]), '增员.xlsx')
    const up = await fetch(`${bff.baseUrl}/api/cases/${serialNo}/batch`, { method: 'POST', headers: { authorization: `Bearer ${unit.clerkToken}` }, body: form })
    const result = await up.json()
    expect(up.status, JSON.stringify(result)).toBe(200)
    expect(result).toMatchObject({ passedCount: 3, failedCount: 0, savedCount: 3 })
  })

  it('the draft previews as a PDF: title, unit, serial, 预览 / 未提交, the rows as a 花名册 with labels, √, yuan and 合计', async () => {
    const r = await report(serialNo, unit.clerkToken)
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toBe('application/pdf')
    expect(r.headers.get('cache-control')).toBe('no-store')
    const disposition = r.headers.get('content-disposition') ?? ''
    expect(disposition).toMatch(/^inline; filename="report-\d{15}\.pdf"; filename\*=UTF-8''/)
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] as string)).toBe(`在职职工增员申报表-${serialNo}.pdf`)
    expect(r.bytes.subarray(0, 5).toString()).toBe('%PDF-')
    saveArtifact('case-report-enrol-draft.pdf', r.bytes)
    const t = await text(r.bytes)
    for (const s of ['在职职工增员申报表', unit.name, unit.unitNo, serialNo, '预览', '未提交（预览）', '单位职工参保登记/续保', '序号', '身份证号码', '参保险种', '单位（盖章）', '经办人签字', '第1页/共1页']) {
      expect(t, s).toContain(s)
    }
    // Each worker in full (the form the unit stamps), 民族 as its label, the wage in yuan.
    for (const p of people) {
      expect(t).toContain(p.name)
      expect(t).toContain(p.id)
    }
    expect(t).toContain('汉族')
    expect(t).toContain('回族')
    expect(t).not.toMatch(/01汉族|03回族/)
    expect(t).toContain('7,000.00')
    expect(t).toContain('合计：3人；养老3人，失业2人，工伤3人；月缴费工资21,000.00元')
    expect(t).toContain('说明：')
    // Many columns: A4 landscape.
    const i = await info(r.bytes)
    expect(i).toMatchObject({ pages: 1 })
    expect(Math.round(i.width)).toBe(842)
    expect(Math.round(i.height)).toBe(595)
  })

  it('another unit’s clerk, a person and a reviewer (drafts are the applicant’s) get 404 like the case itself', async () => {
    for (const token of [other.clerkToken, person.token, reviewer]) {
      const r = await report(serialNo, token)
      expect(r.status).toBe(404)
      expect(JSON.parse(r.bytes.toString()).error.code).toBe('NOT_FOUND')
      expect((await client(bff.baseUrl, token).get(`/api/cases/${serialNo}`)).status).toBe(404)
    }
    // A malformed serial is refused by the parameter schema, as on every case route.
    const bad = await report('123', unit.clerkToken)
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.bytes.toString()).error.message).toContain('业务流水号应为15位数字')
    expect((await fetch(`${bff.baseUrl}/api/cases/${serialNo}/report`)).status).toBe(401)
  })

  it('submitted: 打印相关表单 without 预览, with 申报日期 and 已提交; the reviewer gets the same form', async () => {
    const sub = await client(bff.baseUrl, unit.clerkToken).post(`/api/cases/${serialNo}/submit`)
    expect(sub.status).toBe(200)
    const r = await report(serialNo, unit.clerkToken)
    expect(r.status).toBe(200)
    const t = await text(r.bytes)
    expect(t).not.toContain('预览')
    expect(t).toContain('办件状态：已提交')
    expect(t).toContain(`申报日期：${formatDateChinese(shanghaiToday())}`)
    expect(t).toContain(people[2]!.id)
    saveArtifact('case-report-enrol-submitted.pdf', r.bytes)

    const rv = await report(serialNo, reviewer)
    expect(rv.status).toBe(200)
    expect(rv.headers.get('content-type')).toBe('application/pdf')
    const tv = await text(rv.bytes)
    expect(tv).toContain(people[0]!.id)
    expect(tv).toContain('在职职工增员申报表')
    // A reviewer of another region does not reach the unit (宜昌 case, 长沙 reviewer); nobody else either.
    const afar = await fx.reviewerToken('430100')
    expect((await report(serialNo, afar.token)).status).toBe(404)
    expect((await report(serialNo, other.clerkToken)).status).toBe(404)
    expect((await report(serialNo, person.token)).status).toBe(404)
  })
})

describe('单位一般信息变更 (变更项 / 变更前值 / 变更后值)', () => {
  it('previews and prints the before/after table, clerks and bank accounts included', async () => {
    const rep = client(bff.baseUrl, unit.legalRepToken)
    const newClerk = { name: '报表经办', idNumber: freshIdNumber(), phone: '13811112222', department: '财务部' }
    const form = {
      contact: { address: '宜昌市伍家岗区报表路1号', contactPhone: '0717-6220000' },
      clerks: { add: [newClerk] },
      bankAccounts: { add: [{ bankCategory: '102', bankName: '中国工商银行宜昌分行', accountName: unit.name, accountNumber: '6222020000765432101', insuranceTypes: ['UNEMPLOYMENT', 'WORK_INJURY'] }] }
    }
    const draft = await rep.post('/api/cases', { body: draftBody('UNIT_INFO_CHANGE', { form }) })
    expect(draft.status).toBe(201)
    const serialNo = draft.body.serialNo as string

    const preview = await report(serialNo, unit.legalRepToken)
    expect(preview.status).toBe(200)
    saveArtifact('case-report-unit-info-draft.pdf', preview.bytes)
    const t = await text(preview.bytes)
    for (const s of ['社会保险登记信息变更申报表（一般信息）', unit.name, unit.unitNo, serialNo, '预览', '变更项', '变更前值', '变更后值', '联系地址', '宜昌市西陵区东山大道1号', '宜昌市伍家岗区报表路1号', '联系电话', '13900000000', '0717-6220000', '新增经办人', '报表经办', '新增银行账户', '中国工商银行宜昌分行', '失业、工伤']) {
      expect(t, s).toContain(s)
    }
    // Portrait: four columns.
    const i = await info(preview.bytes)
    expect(Math.round(i.width)).toBe(595)

    // Any clerk of the unit may print it; another unit may not.
    expect((await report(serialNo, unit.clerkToken)).status).toBe(200)
    expect((await report(serialNo, other.clerkToken)).status).toBe(404)

    const sub = await rep.post(`/api/cases/${serialNo}/submit`)
    expect(sub.status).toBe(200)
    expect(sub.body.status).toBe('EFFECTIVE')
    const printed = await text((await report(serialNo, unit.legalRepToken)).bytes)
    expect(printed).not.toContain('预览')
    expect(printed).toContain('办件状态：办结')
    expect(printed).toContain('办结日期')
    // The table recorded at submission: before = what the register had then.
    expect(printed).toContain('宜昌市西陵区东山大道1号')
    expect((await report(serialNo, reviewer)).status).toBe(200)
  })
})

describe('职工一般信息变更 (L4: 个人编号 | 姓名 | 变更类别 | 变更前值 | 变更后值)', () => {
  it('one line per changed field, code values as labels', async () => {
    const w = await fx.worker()
    await fx.enrol(w, unit.id)
    const c = client(bff.baseUrl, unit.clerkToken)
    const draft = await c.post('/api/cases', { body: draftBody('STAFF_INFO_CHANGE', { rows: [{ idNumber: w.idNumber, name: w.name, education: '21', maritalStatus: '2' }] }) })
    expect(draft.status, JSON.stringify(draft.body)).toBe(201)
    const r = await report(draft.body.serialNo, unit.clerkToken)
    expect(r.status).toBe(200)
    saveArtifact('case-report-staff-info.pdf', r.bytes)
    const t = await text(r.bytes)
    for (const s of ['参保人员基础信息变更申报表（一般信息修改）', '变更类别', w.name, w.idNumber, '文化程度', '大学本科', '婚姻状况', '已婚', '一般信息包括国籍、民族']) expect(t, s).toContain(s)
  })
})

describe('a long 花名册', () => {
  it('runs over several pages: 第2页/共N页, the caption（续）and the column header repeated, every worker printed', async () => {
    const rows = Array.from({ length: 70 }, (_, i) => ({
      idNumber: fx.newcomerId(1985),
      name: nameOf(i),
      ethnicity: '01',
      workStartDate: workStart(),
      monthlyWage: 500000,
      insuranceTypes: ['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'],
      phone: '13900002222'
    }))
    const c = client(bff.baseUrl, unit.clerkToken)
    const draft = await c.post('/api/cases', { body: draftBody('STAFF_ENROL', { rows }) })
    expect(draft.status, JSON.stringify(draft.body).slice(0, 500)).toBe(201)
    expect(draft.body.itemCount).toBe(70)
    const r = await report(draft.body.serialNo, unit.clerkToken)
    expect(r.status).toBe(200)
    saveArtifact('case-report-enrol-long.pdf', r.bytes)
    const { pages } = await info(r.bytes)
    expect(pages).toBeGreaterThanOrEqual(3)
    expect(r.headers.get('x-page-count')).toBe(String(pages))
    const p2 = await text(r.bytes, 2)
    expect(p2).toContain(`第2页/共${pages}页`)
    expect(p2).toContain('在职职工增员申报表')
    expect(p2).toContain('申报人员花名册（共70人）（续）')
    expect(p2).toContain('身份证号码')
    expect(p2).toContain('本次申报参工时间')
    expect(p2).toContain(`业务流水号：${draft.body.serialNo}`)
    const all = await text(r.bytes)
    for (const row of rows) expect(all).toContain(row.idNumber)
    expect(all).toContain('合计：70人；养老70人，失业70人，工伤70人')
    // Every page has its own number.
    for (let p = 1; p <= pages; p++) expect(await text(r.bytes, p)).toContain(`第${p}页/共${pages}页`)
  })
})
