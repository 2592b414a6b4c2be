// The printable 社会保险费应缴认定单 (seed 004 §4.9.2): "中国社会保险 CHINA SOCIAL INSURANCE" header, the title, 单位编号 /
// 征集通知单据号, 单位名称 / 单位：元, the main table (险种, 单位缴纳金额, 个人缴纳金额, 利息, 滞纳金, 应缴合计, 应缴金额) with
// the 合计 row of "/" and the 实际应缴金额合计大写 row, 征集明细 (核定数据类型, 单位缴纳金额, 个人缴纳金额, 滞纳金, 利息,
// 应缴金额 — the seed's column order), notes 1–3, 经办机构 / 经办日期. Amounts are printed as the seed prints them
// (186.3, 0: shared formatYuanTrimmed). A4 portrait, pdfkit, with the embedded CJK font
// (bff/src/pdf/fonts.ts `proofFonts()`: Noto Sans SC, subset by pdfkit). The certificate renderer itself is proof-specific
// (QR, 授权码, paged footers), so only the font helper is shared.
import { formatDateChinese, formatYuanTrimmed, type BillDetail } from '@shebao/shared'
import PDFDocument from 'pdfkit'
import { proofFonts } from '../../pdf/fonts.ts'

type Doc = InstanceType<typeof PDFDocument>

const mm = (v: number) => (v * 72) / 25.4
const PAGE_W = 595.28
const LEFT = mm(18)
const RIGHT = PAGE_W - mm(18)
const WIDTH = RIGHT - LEFT
const ROW_H = 22

interface Cell {
  text: string
  /** Width in columns of the grid this cell spans. */
  span?: number
  align?: 'left' | 'center' | 'right'
  bold?: boolean
}

function drawRow(doc: Doc, y: number, widths: number[], cells: Cell[], opts: { shade?: boolean; height?: number } = {}): number {
  const h = opts.height ?? ROW_H
  let x = LEFT
  let col = 0
  for (const c of cells) {
    const span = c.span ?? 1
    const w = widths.slice(col, col + span).reduce((s, v) => s + v, 0)
    if (opts.shade) doc.rect(x, y, w, h).fillColor('#f0f0f0').fill()
    doc.lineWidth(0.6).strokeColor('#000000').rect(x, y, w, h).stroke()
    doc.fillColor('#000000').font(c.bold ? 'B' : 'R').fontSize(9.5)
    const textH = doc.heightOfString(c.text, { width: w - 8 })
    doc.text(c.text, x + 4, y + Math.max(2, (h - textH) / 2), { width: w - 8, align: c.align ?? 'center', lineBreak: true })
    x += w
    col += span
  }
  return y + h
}

function money(fen: number): string {
  return formatYuanTrimmed(fen)
}

export async function renderBillPdf(bill: BillDetail): Promise<Buffer> {
  const fonts = proofFonts()
  const issued = new Date(bill.issuedAt)
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    compress: true,
    pdfVersion: '1.7',
    lang: 'zh-CN',
    displayTitle: true,
    font: fonts.regular as unknown as string,
    info: { Title: `社会保险费应缴认定单 ${bill.billNo}`, Author: bill.agency, Creator: '掌上社保', Producer: '掌上社保 (pdfkit)', CreationDate: issued, ModDate: issued }
  })
  doc.registerFont('R', fonts.regular as unknown as string)
  doc.registerFont('B', fonts.bold as unknown as string)
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve())
    doc.on('error', reject)
  })

  let y = mm(16)
  // Header: 中国社会保险 CHINA SOCIAL INSURANCE
  doc.font('B').fontSize(13).fillColor('#000000').text('中国社会保险', LEFT, y, { lineBreak: false })
  doc.font('R').fontSize(8).text('CHINA SOCIAL INSURANCE', LEFT, y + 17, { lineBreak: false })
  y += 34
  doc.font('B').fontSize(18).text('社会保险费应缴认定单', LEFT, y, { width: WIDTH, align: 'center' })
  y += 34
  doc.font('R').fontSize(10)
  doc.text(`单位编号：${bill.unitNo}`, LEFT, y, { width: WIDTH / 2, lineBreak: false })
  doc.text(`征集通知单据号：${bill.billNo}`, LEFT + WIDTH / 2, y, { width: WIDTH / 2, align: 'right', lineBreak: false })
  y += 16
  doc.text(`单位名称：${bill.unitName}`, LEFT, y, { width: WIDTH * 0.78 })
  doc.text('单位：元', LEFT + WIDTH * 0.78, y, { width: WIDTH * 0.22, align: 'right', lineBreak: false })
  y = Math.max(y + 18, doc.y + 4)

  // Main table.
  const w = [1.3, 1.25, 1.25, 0.9, 0.9, 1.15, 1.15]
  const total = w.reduce((s, v) => s + v, 0)
  const widths = w.map((v) => (v / total) * WIDTH)
  y = drawRow(doc, y, widths, ['险种', '单位缴纳金额', '个人缴纳金额', '利息', '滞纳金', '应缴合计', '应缴金额'].map((t) => ({ text: t, bold: true })), { shade: true })
  for (const l of bill.lines) {
    y = drawRow(doc, y, widths, [
      { text: l.label },
      { text: money(l.unitFen) },
      { text: money(l.personalFen) },
      { text: money(l.interestFen) },
      { text: money(l.lateFeeFen) },
      { text: money(l.totalFen) },
      { text: money(l.totalFen) }
    ])
  }
  y = drawRow(doc, y, widths, [{ text: '合计', bold: true }, { text: '/' }, { text: '/' }, { text: '/' }, { text: '/' }, { text: '/' }, { text: money(bill.totalFen), bold: true }])
  y = drawRow(doc, y, widths, [
    { text: '实际应缴金额合计大写', span: 2, bold: true },
    { text: bill.totalCapital, span: 5, align: 'left', bold: true }
  ])

  // 征集明细.
  y += 12
  doc.font('B').fontSize(10).text('征集明细：', LEFT, y, { lineBreak: false })
  y += 16
  const w2 = [1.6, 1.2, 1.2, 1, 1, 1.2]
  const t2 = w2.reduce((s, v) => s + v, 0)
  const widths2 = w2.map((v) => (v / t2) * WIDTH)
  y = drawRow(doc, y, widths2, ['核定数据类型', '单位缴纳金额', '个人缴纳金额', '滞纳金', '利息', '应缴金额'].map((t) => ({ text: t, bold: true })), { shade: true })
  for (const c of bill.collection) {
    y = drawRow(doc, y, widths2, [{ text: c.kindLabel }, { text: money(c.unitFen) }, { text: money(c.personalFen) }, { text: money(c.lateFeeFen) }, { text: money(c.interestFen) }, { text: money(c.totalFen) }])
  }

  // Notes 1–3.
  y += 14
  doc.font('R').fontSize(9.5)
  for (const n of bill.notes) {
    doc.text(n, LEFT, y, { width: WIDTH, lineGap: 2 })
    y = doc.y + 4
  }

  // 经办机构 / 经办日期.
  y += 18
  doc.font('R').fontSize(10.5)
  doc.text(`经办机构：${bill.agency}`, LEFT, y, { width: WIDTH / 2, lineBreak: false })
  doc.text(`经办日期：${formatDateChinese(bill.issuedOn)}`, LEFT + WIDTH / 2, y, { width: WIDTH / 2, align: 'right', lineBreak: false })

  doc.end()
  await ended
  return Buffer.concat(chunks)
}
