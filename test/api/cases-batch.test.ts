// Batch mode (报盘) for 增员 over HTTP: the generated template (header, worked example, instruction line, text
// cells, dropdowns for 民族 and the tick columns), upload → row/column/reason lists, structural errors save nothing,
// validate-only, corrected re-uploads, the size cap, then submit → approve → enrolled.
import ExcelJS from 'exceljs'
import { Ethnicities, staffEnrol } from '@shebao/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningBff } from '../helpers/bff.ts'
import { badChecksum, CaseFixtures, client, draftBody, startCasesBff, type UnitFx } from './cases-fixtures.ts'

let bff: RunningBff
let fx: CaseFixtures
let unit: UnitFx
let template: Buffer

const HEADERS = staffEnrol.template!.columns.map((c) => c.header)

beforeAll(async () => {
  bff = await startCasesBff()
  fx = new CaseFixtures(bff.prisma, bff.deps.keys)
  await fx.setup()
  unit = await fx.unit()
})
afterAll(async () => {
  await fx?.cleanup()
  await bff?.close()
})

async function upload(serialNo: string, file: Buffer, token = unit.clerkToken, query = '', name = '增员.xlsx') {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file)]), name)
  const res = await fetch(`${bff.baseUrl}/api/cases/${serialNo}/batch${query}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : undefined }
}

/** The downloaded template with data rows from row 6. Cells are text unless given as numbers. */
async function fill(rows: Array<Array<string | number | null>>, edit?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(template as unknown as ArrayBuffer)
  const ws = wb.worksheets[0] as ExcelJS.Worksheet
  rows.forEach((cells, i) => {
    const row = ws.getRow(6 + i)
    cells.forEach((v, j) => {
      if (v !== null) row.getCell(j + 1).value = v
    })
    row.commit()
  })
  edit?.(ws)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

function row(over: Partial<Record<string, string | number | null>>): Array<string | number | null> {
  const base: Record<string, string | number | null> = {
    序号: '1',
    单位编号: unit.unitNo,
    单位名称: unit.name,
    身份证号码: fx.newcomerId(),
    姓名: '报盘人员',
    民族: '01 汉族',
    本次申报参工时间: `${String(fx.current).slice(0, 4)}-${String(fx.current).slice(4)}-01`,
    月缴费工资: '6000',
    城镇职工养老保险: '√',
    失业保险: '√',
    工伤保险: '√',
    '联系电话(手机)': '13900001111'
  }
  const merged = { ...base, ...over }
  return HEADERS.map((h) => merged[h] ?? null)
}

describe('template (模板下载)', () => {
  it('is generated per unit: title, unit line, header, worked example, instruction, text cells and dropdowns', async () => {
    const res = await fetch(`${bff.baseUrl}/api/matters/STAFF_ENROL/template`, { headers: { authorization: `Bearer ${unit.clerkToken}` } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('spreadsheetml')
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('在职职工增员申报表.xlsx'))
    template = Buffer.from(await res.arrayBuffer())
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(template as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('在职职工增员申报表') as ExcelJS.Worksheet
    expect(ws.getCell('A1').value).toBe('在职职工增员申报表')
    expect(String(ws.getCell('A2').value)).toContain(unit.name)
    expect(String(ws.getCell('A2').value)).toContain(unit.unitNo)
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(HEADERS)
    const example = (ws.getRow(4).values as unknown[]).slice(1)
    expect(example[1]).toBe(unit.unitNo)
    expect(example[3]).toBe('11010519491231002X')
    expect(example[5]).toBe('01 汉族')
    expect(ws.getCell('A5').value).toBe('以上一行填写示例请从下一行开始按示例填写(不要删除示例和本行说明文字)，所有内容都必须使用文本格式')
    // ID numbers stay text: the data cells are text-formatted.
    expect(ws.getCell('D6').numFmt).toBe('@')
    const dv = (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model
    // exceljs reads a range validation back per cell.
    for (const cell of ['F6', 'F1005']) expect(dv[cell]).toMatchObject({ type: 'list', formulae: ["'代码表'!$A$2:$A$57"] })
    for (const cell of ['I6', 'J500', 'K1005']) expect(dv[cell]).toMatchObject({ type: 'list', formulae: ['"√"'] })
    expect(dv['D6']).toBeUndefined()
    const codes = wb.getWorksheet('代码表') as ExcelJS.Worksheet
    expect(codes.state).toBe('hidden')
    expect(codes.getCell('A2').value).toBe('01 汉族')
    expect(codes.getCell('A57').value).toBe(`56 ${Ethnicities.label('56')}`)
    expect(wb.getWorksheet('填写说明')).toBeDefined()
  })

  it('is for unit clerks only, and only for matters with batch mode', async () => {
    const rev = await fx.reviewerToken()
    expect((await fetch(`${bff.baseUrl}/api/matters/STAFF_ENROL/template`, { headers: { authorization: `Bearer ${rev.token}` } })).status).toBe(403)
    const r = await client(bff.baseUrl, unit.clerkToken).get('/api/matters/UNIT_INFO_CHANGE/template')
    expect(r.status).toBe(400)
    expect(r.body.error.message).toBe('该事项不支持批量添加')
  })
})

describe('upload (上传校验)', () => {
  it('validates every row and reports row, column and reason; saves the passed rows', async () => {
    const enrolled = await fx.worker()
    const other = await fx.unit()
    await fx.enrol(enrolled, other.id, ['PENSION'])
    const dup = fx.newcomerId()
    const good1 = fx.newcomerId()
    const good2 = fx.newcomerId()
    const file = await fill([
      row({ 身份证号码: good1, 姓名: '张报盘' }), // 6
      row({ 身份证号码: badChecksum(fx.newcomerId()) }), // 7
      row({ 身份证号码: dup, 姓名: '重复一' }), // 8
      row({ 身份证号码: dup, 姓名: '重复二' }), // 9
      row({ 身份证号码: enrolled.idNumber, 姓名: enrolled.name, 失业保险: null, 工伤保险: null }), // 10
      row({ 本次申报参工时间: '2024-02-30' }), // 11
      row({ 身份证号码: 420502199001011234 }), // 12 (typed as a number)
      row({ 单位编号: '9999999999' }), // 13
      row({ 民族: '火星族', 月缴费工资: '五千' }), // 14
      row({ 身份证号码: good2, 姓名: '李报盘', 民族: '03', 月缴费工资: 7000 }) // 15
    ])
    const s = (await client(bff.baseUrl, unit.clerkToken).post('/api/cases', { body: draftBody('STAFF_ENROL', { mode: 'BATCH' }) })).body.serialNo
    const r = await upload(s, file)
    expect(r.status).toBe(200)
    const lines = r.body.failed.map((f: { row: number; column: string; reason: string }) => `${f.row}|${f.column}|${f.reason}`)
    expect(lines).toEqual([
      '7|身份证号码|身份证号码校验位不正确，请核对',
      '8|身份证号码|身份证号码与第9行重复',
      '9|身份证号码|身份证号码与第8行重复',
      '10|参保险种|该人员企业职工基本养老保险在其他单位处于参保缴费状态，须原单位先办理停保后才能在本单位参保（续保）',
      '11|本次申报参工时间|本次申报参工时间“2024-02-30”不是有效日期，格式应为YYYY-MM-DD',
      '12|身份证号码|身份证号码须以文本格式填写（数字格式会丢失末位），请将单元格设为文本后重新录入',
      '13|单位编号|单位编号与当前登录单位不一致',
      '14|民族|民族“火星族”不在代码表中，请从下拉列表中选择',
      '14|月缴费工资|月缴费工资“五千”不是有效金额（最多两位小数）'
    ])
    expect(r.body).toMatchObject({ passedCount: 2, failedCount: 8, savedCount: 2, itemCount: 2 })
    expect(r.body.passed.map((p: { row: number; name: string }) => [p.row, p.name])).toEqual([
      [6, '张报盘'],
      [15, '李报盘']
    ])
    const items = await client(bff.baseUrl, unit.clerkToken).get(`/api/cases/${s}/items`)
    expect(items.body.items.map((i: { data: { idNumber: string; monthlyWage: number; ethnicity: string } }) => [i.data.idNumber, i.data.monthlyWage, i.data.ethnicity])).toEqual([
      [good1, 600000, '01'],
      [good2, 700000, '03']
    ])

    // Fix a failed row and upload again: it joins; a row already in the case replaces itself.
    const again = await upload(s, await fill([row({ 身份证号码: good1, 姓名: '张报盘', 月缴费工资: '6500' }), row({ 身份证号码: dup, 姓名: '重复一' })]))
    expect(again.body).toMatchObject({ passedCount: 2, failedCount: 0, itemCount: 3 })
    const after = await client(bff.baseUrl, unit.clerkToken).get(`/api/cases/${s}/items`)
    expect(after.body.items.map((i: { rowNo: number; data: { monthlyWage: number } }) => [i.rowNo, i.data.monthlyWage])).toEqual([
      [1, 650000],
      [2, 700000],
      [3, 600000]
    ])
    // Submit, approve: the three are enrolled in the unit.
    expect((await client(bff.baseUrl, unit.clerkToken).post(`/api/cases/${s}/submit`)).body.status).toBe('SUBMITTED')
    const rev = await fx.reviewerToken()
    expect((await client(bff.baseUrl, rev.token).post('/api/review/cases/approve', { body: { serialNos: [s] } })).body.approved).toBe(1)
    const enrolledNow = await bff.prisma.enrolment.count({ where: { unitId: unit.id, status: 'ACTIVE', person: { idNumber: { in: [good1, good2, dup] } } } })
    expect(enrolledNow).toBe(9)
  })

  it('a structural error (changed header, missing column) fails the whole file: nothing is saved', async () => {
    const s = (await client(bff.baseUrl, unit.clerkToken).post('/api/cases', { body: draftBody('STAFF_ENROL') })).body.serialNo
    const renamed = await fill([row({})], (ws) => {
      ws.getCell('F3').value = '民族名称'
    })
    const r = await upload(s, renamed)
    expect(r.status).toBe(400)
    expect(r.body.error.code).toBe('BATCH_FILE_INVALID')
    expect(r.body.error.meta.reasons).toEqual(['第3行表头第6列应为“民族”，实为“民族名称”'])
    const missing = await fill([row({})], (ws) => {
      ws.spliceColumns(5, 1)
    })
    const m = await upload(s, missing)
    expect(m.status).toBe(400)
    expect(m.body.error.meta.reasons[0]).toContain('第3行表头第5列应为“姓名”')
    expect((await client(bff.baseUrl, unit.clerkToken).get(`/api/cases/${s}`)).body.itemCount).toBe(0)
  })

  it('validate only (save=0) keeps nothing; a non-Excel file or an old .xls is refused with a clear reason', async () => {
    const s = (await client(bff.baseUrl, unit.clerkToken).post('/api/cases', { body: draftBody('STAFF_ENROL') })).body.serialNo
    const dry = await upload(s, await fill([row({})]), unit.clerkToken, '?save=0')
    expect(dry.body).toMatchObject({ passedCount: 1, savedCount: 0, itemCount: 0 })
    const txt = await upload(s, Buffer.from('身份证号码,姓名\n1,2\n'), unit.clerkToken, '', 'x.csv')
    expect(txt.status).toBe(400)
    expect(txt.body.error.message).toBe('报盘文件不符合模板要求：不是Excel文件，请使用【模板下载】的模板填写')
    const xls = await upload(s, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), unit.clerkToken, '', 'x.xls')
    expect(xls.body.error.message).toContain('请另存为xlsx格式')
    const empty = await upload(s, await fill([]))
    expect(empty.body.error.meta.reasons).toEqual(['报盘文件中没有数据行，请从说明行的下一行开始填写'])
  })

  it('files over 5 MB are refused with 413; another unit cannot upload into this case (404)', async () => {
    const s = (await client(bff.baseUrl, unit.clerkToken).post('/api/cases', { body: draftBody('STAFF_ENROL') })).body.serialNo
    const big = await upload(s, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(6 * 1024 * 1024, 1)]))
    expect(big.status).toBe(413)
    const other = await fx.unit()
    const foreign = await upload(s, await fill([row({})]), other.clerkToken)
    expect(foreign.status).toBe(404)
  })
})
