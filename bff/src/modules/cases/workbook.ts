// Excel (xlsx, read and written with exceljs) for batch mode: the matter's template — title, the unit line, the
// header, one worked example, the instruction line, text-formatted data cells (ID numbers stay text), dropdowns
// for coded and tick columns (lists on a hidden code sheet, since Excel caps inline lists at 255 characters), the
// notes — and reading an uploaded file back into the grid shared's parseSheet checks.
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { BatchTemplate, SheetRow, SheetCell } from '@shebao/shared'
import { AppError } from '../../http/errors.ts'

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
/** Data rows prepared (formatted, with dropdowns) in a downloaded template. */
const PREPARED_ROWS = 1000

/** exceljs has range data validations (worksheet.dataValidations) but its typings do not declare them. */
function validations(ws: ExcelJS.Worksheet): { add(range: string, v: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations
}

function colLetter(n: number): string {
  let s = ''
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s
  return s
}

/** An Excel sheet name: at most 31 characters and none of \ / ? * : [ ] (退收/退账 → 退收、退账). */
export function sheetName(title: string): string {
  return title.replace(/[\\/?*:[\]]/g, '、').slice(0, 31)
}

export async function buildTemplate(template: BatchTemplate, unit: { unitNo: string; name: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '掌上社保'
  const ws = wb.addWorksheet(sheetName(template.title), { views: [{ state: 'frozen', ySplit: 3 }] })
  const codes = wb.addWorksheet('代码表', { state: 'hidden' })
  const cols = template.columns
  const last = colLetter(cols.length)
  ws.columns = cols.map((c) => ({ width: c.width ?? 14, style: { numFmt: '@' } }))

  ws.mergeCells(`A1:${last}1`)
  ws.getCell('A1').value = template.title
  ws.getCell('A1').font = { bold: true, size: 16 }
  ws.getCell('A1').alignment = { horizontal: 'center' }
  ws.mergeCells(`A2:${last}2`)
  ws.getCell('A2').value = `管理单位或独立缴费单位名称(章)：${unit.name}    管理单位或独立缴费单位编号：${unit.unitNo}`

  const header = ws.getRow(3)
  cols.forEach((c, i) => {
    const cell = header.getCell(i + 1)
    cell.value = c.header
    cell.font = { bold: true, color: c.required ? { argb: 'FFC00000' } : { argb: 'FF000000' } }
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } }
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } }
  })
  header.height = 30

  const example = ws.getRow(4)
  cols.forEach((c, i) => {
    const v = c.kind === 'unitNo' ? unit.unitNo : c.kind === 'unitName' ? unit.name : c.example
    const cell = example.getCell(i + 1)
    cell.value = v
    cell.numFmt = '@'
    cell.font = { color: { argb: 'FF808080' }, italic: true }
  })
  ws.mergeCells(`A5:${last}5`)
  ws.getCell('A5').value = template.instruction
  ws.getCell('A5').font = { color: { argb: 'FFC00000' } }

  // Code lists on the hidden sheet, one column per coded column; tick columns share "√".
  let codeCol = 0
  const first = 6
  const lastRow = first + PREPARED_ROWS - 1
  cols.forEach((c, i) => {
    const range = `${colLetter(i + 1)}${first}:${colLetter(i + 1)}${lastRow}`
    if (c.kind === 'code' && c.codeTable) {
      codeCol++
      const letter = colLetter(codeCol)
      const opts = c.codeTable.entries.map((e) => `${e.code} ${e.label}`)
      codes.getCell(`${letter}1`).value = c.header
      opts.forEach((o, j) => (codes.getCell(`${letter}${j + 2}`).value = o))
      validations(ws).add(range, {
        type: 'list',
        allowBlank: !c.required,
        formulae: [`'代码表'!$${letter}$2:$${letter}$${opts.length + 1}`],
        showErrorMessage: true,
        errorTitle: c.header,
        error: `请从下拉列表中选择${c.header}`
      })
    } else if (c.kind === 'tick') {
      validations(ws).add(range, { type: 'list', allowBlank: true, formulae: ['"√"'], showErrorMessage: true, error: '参保的险种填写“√”，不参保留空' })
    }
  })
  // Text format for every data cell, so ID numbers and dates stay as typed.
  for (let r = first; r <= lastRow; r++) {
    const row = ws.getRow(r)
    for (let i = 1; i <= cols.length; i++) row.getCell(i).numFmt = '@'
  }
  const notes = wb.addWorksheet('填写说明')
  notes.getColumn(1).width = 120
  ;[template.title, template.instruction, ...template.notes, '*以上事项填写真实，若与实际情况不符，本单位愿承担相关责任。'].forEach((t, i) => {
    notes.getCell(`A${i + 1}`).value = t
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}

function cellValue(v: ExcelJS.CellValue): SheetCell {
  if (v === null || v === undefined) return null
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v
  if (v instanceof Date) return { date: v.toISOString().slice(0, 10) }
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('')
    if ('result' in v) return cellValue((v as { result?: ExcelJS.CellValue }).result ?? null)
    if ('text' in v && typeof (v as { text: unknown }).text === 'string') return (v as { text: string }).text
    if ('error' in v) return String((v as { error: unknown }).error)
  }
  return String(v)
}

/**
 * The first worksheet of an uploaded xlsx as rows of cells, read with exceljs's streaming reader (styles ignored:
 * several times faster than loading the whole workbook, and memory stays flat). An unreadable or non-xlsx file
 * fails the upload. Date cells arrive as Excel serial numbers; shared's sheet reader converts them.
 */
export async function readWorkbook(buffer: Buffer): Promise<SheetRow[]> {
  if (buffer.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new AppError('BATCH_FILE_INVALID', { detail: '请另存为xlsx格式（Excel 2007及以上）后上传', meta: { reasons: ['文件为旧版xls格式'] } })
  }
  if (!buffer.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    throw new AppError('BATCH_FILE_INVALID', { detail: '不是Excel文件，请使用【模板下载】的模板填写', meta: { reasons: ['文件不是xlsx格式'] } })
  }
  const rows: SheetRow[] = []
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      entries: 'ignore'
    })
    for await (const ws of reader) {
      for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as ExcelJS.CellValue[]
        const cells: SheetCell[] = []
        for (let i = 1; i < values.length; i++) cells[i - 1] = cellValue(values[i] ?? null)
        rows.push({ rowNo: row.number, cells })
      }
      break // the first worksheet only
    }
  } catch (cause) {
    throw new AppError('BATCH_FILE_INVALID', { detail: '文件无法读取，请使用【模板下载】的模板填写', meta: { reasons: ['文件已损坏或不是Excel文件'] }, cause })
  }
  if (rows.length === 0) throw new AppError('BATCH_FILE_INVALID', { detail: '文件中没有数据', meta: { reasons: ['文件中没有数据'] } })
  return rows
}
