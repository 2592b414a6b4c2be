// Renders a case report (report.ts) to A4 with pdfkit and the embedded CJK font: portrait, or landscape when the
// 花名册 has many columns. Every page: the title, the 预览/已撤销 watermark when there is one, and the footer
// 打印时间 | 业务流水号 | 第N页/共M页; page 1 the head block (单位名称（章）, 单位编号, 业务流水号, 申报日期 …), later pages
// one running line. A table cut by a page break repeats its caption (（续）) and its header (grouped header rows for
// the 养老 | 失业 | 工伤 tick columns). After the sections: 合计, 说明, the declaration sentence, 申报人 / 联系电话 /
// 申报日期 and the 单位（盖章） / 经办人签字 lines.
import { shanghaiParts } from '@shebao/shared'
import { A4, FONT, mm, openPdf, type PdfDoc } from '../../pdf/document.ts'
import type { CaseReport, ReportColumn, ReportField, ReportSection, ReportTable } from './report.ts'

const MARGIN = { x: mm(14), top: mm(12), bottom: mm(11) }
const INK = '#000000'
const RULE = '#333333'
const SHADE = '#eeeeee'
const MUTED = '#444444'
const FOOTER_H = 16
const CELL_PAD = 3
const BODY_SIZE = 8.5
const MIN_ROW_H = 16

interface TextOpts {
  size: number
  bold?: boolean
  align?: 'left' | 'center' | 'right'
  color?: string
  lineGap?: number
  /** A slightly too long one-liner (a unit number, an ID) is set smaller, down to MIN_SHRUNK, rather than wrapped. */
  shrink?: boolean
}

const MIN_SHRUNK = 7

export async function renderCaseReport(r: CaseReport): Promise<{ bytes: Buffer; pages: number }> {
  const { doc, finish } = openPdf({ title: `${r.title} ${r.serialNo}`, author: r.author, subject: r.title, createdAt: r.printedAt })
  const layout = new ReportLayout(doc, r)
  layout.render()
  const range = doc.bufferedPageRange()
  const printed = printTime(r.printedAt)
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    layout.decorate(i - range.start + 1, range.count, printed)
  }
  return finish()
}

function printTime(at: Date): string {
  const p = shanghaiParts(at)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${p.year}年${p.month}月${p.day}日 ${two(p.hour)}:${two(p.minute)}`
}

function scale(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1
  return weights.map((w) => (w / sum) * total)
}

class ReportLayout {
  private readonly pageW: number
  private readonly pageH: number
  private readonly contentW: number
  private readonly bottom: number
  private y = 0
  private page = 0

  constructor(
    private readonly doc: PdfDoc,
    private readonly r: CaseReport
  ) {
    this.pageW = r.landscape ? A4.height : A4.width
    this.pageH = r.landscape ? A4.width : A4.height
    this.contentW = this.pageW - 2 * MARGIN.x
    this.bottom = this.pageH - MARGIN.bottom - FOOTER_H - 4
  }

  render(): void {
    this.newPage()
    for (const s of this.r.sections) this.section(s)
    this.closing()
  }

  /** Footer and watermark, once the page count is known. */
  decorate(page: number, pages: number, printed: string): void {
    const doc = this.doc
    if (this.r.watermark) {
      doc.save()
      doc.rotate(-30, { origin: [this.pageW / 2, this.pageH / 2] })
      doc.fillOpacity(0.1)
      const size = 110
      doc.font(FONT.B).fontSize(size).fillColor('#000000')
      const w = doc.widthOfString(this.r.watermark)
      doc.text(this.r.watermark, this.pageW / 2 - w / 2, this.pageH / 2 - size * 0.6, { lineBreak: false })
      doc.restore()
      doc.fillOpacity(1)
    }
    const y = this.pageH - MARGIN.bottom - 10
    doc.moveTo(MARGIN.x, y - 4).lineTo(MARGIN.x + this.contentW, y - 4).lineWidth(0.4).strokeColor('#999999').stroke()
    const third = this.contentW / 3
    this.text(`打印时间：${printed}`, MARGIN.x, y, third, { size: 8.5, color: MUTED })
    this.text(`业务流水号：${this.r.serialNo}`, MARGIN.x + third, y, third, { size: 8.5, color: MUTED, align: 'center' })
    this.text(`第${page}页/共${pages}页`, MARGIN.x + 2 * third, y, third, { size: 8.5, color: MUTED, align: 'right' })
  }

  // ── pages ──────────────────────────────────────────────────────────────────────────────────────────────

  private newPage(): void {
    this.doc.addPage({ size: 'A4', layout: this.r.landscape ? 'landscape' : 'portrait', margin: 0 })
    this.page++
    this.y = MARGIN.top
    let size = 16
    this.doc.font(FONT.B)
    while (size > 11 && this.doc.fontSize(size).widthOfString(this.r.title) > this.contentW) size -= 0.5
    this.text(this.r.title, MARGIN.x, this.y, this.contentW, { size, bold: true, align: 'center' })
    this.y += size + 10
    if (this.page === 1) this.head()
    else {
      this.text(this.r.runningHead, MARGIN.x, this.y, this.contentW, { size: 9, color: MUTED })
      this.y += 16
    }
  }

  private head(): void {
    this.fieldGrid(this.r.head, 2, 9.5, false)
    this.y += 4
  }

  private ensure(h: number): boolean {
    if (this.y + h <= this.bottom) return false
    this.newPage()
    return true
  }

  // ── sections ───────────────────────────────────────────────────────────────────────────────────────────

  private section(s: ReportSection): void {
    if (s.kind === 'fields') {
      this.ensure(40)
      this.caption(s.caption)
      this.fieldGrid(s.items, s.items.some((i) => i.value.length > 24 || i.label.length > 14) ? 1 : 2, 9.5, true)
      this.y += 6
      return
    }
    this.table(s)
  }

  private caption(text: string): void {
    this.doc.rect(MARGIN.x, this.y + 1.5, 3, 10).fillColor(INK).fill()
    this.text(text, MARGIN.x + 8, this.y, this.contentW - 8, { size: 10.5, bold: true })
    this.y += 17
  }

  /** label：value pairs in `columns` columns; bordered (a form) or plain (the head). */
  private fieldGrid(items: ReportField[], columns: number, size: number, bordered: boolean): void {
    const colW = this.contentW / columns
    const labelW = Math.min(colW * 0.42, Math.max(...items.map((i) => this.width(`${i.label}：`, { size, bold: true }))) + 4)
    for (let i = 0; i < items.length; i += columns) {
      const row = items.slice(i, i + columns)
      const h = Math.max(bordered ? 18 : 14, ...row.map((it) => this.measure(it.value || '—', colW - labelW - 2 * CELL_PAD, { size }) + (bordered ? 7 : 3)))
      this.ensure(h)
      row.forEach((it, j) => {
        const x = MARGIN.x + j * colW
        if (bordered) {
          this.cell(x, this.y, labelW, h, it.label, { size, bold: true, align: 'center' }, SHADE)
          this.cell(x + labelW, this.y, colW - labelW, h, it.value || '—', { size, align: 'left' })
        } else {
          this.text(`${it.label}：`, x, this.y, labelW, { size, bold: true })
          this.text(it.value || '—', x + labelW, this.y, colW - labelW - 4, { size })
        }
      })
      this.y += h
    }
  }

  private table(t: ReportTable): void {
    const ws = scale(
      t.columns.map((c) => c.width),
      this.contentW
    )
    const headH = this.headHeight(t.columns, ws)
    // Caption, header and at least one row together.
    this.ensure(17 + headH + MIN_ROW_H)
    this.caption(t.caption)
    this.tableHead(t.columns, ws, headH)
    if (t.rows.length === 0) {
      this.cell(MARGIN.x, this.y, this.contentW, 20, t.empty ?? '无', { size: 9, align: 'center', color: MUTED })
      this.y += 26
      return
    }
    for (const row of t.rows) {
      const h = this.rowHeight(row, ws)
      if (this.ensure(h)) {
        this.caption(`${t.caption}（续）`)
        this.tableHead(t.columns, ws, headH)
      }
      let x = MARGIN.x
      row.forEach((c, k) => {
        const w = ws[k] as number
        this.cell(x, this.y, w, h, c, { size: BODY_SIZE, align: t.columns[k]?.align ?? 'center', shrink: true })
        x += w
      })
      this.y += h
    }
    if (t.total) {
      const h = this.measure(t.total, this.contentW - 2 * CELL_PAD, { size: 9, bold: true }) + 8
      this.ensure(h)
      this.cell(MARGIN.x, this.y, this.contentW, h, t.total, { size: 9, bold: true, align: 'left' }, SHADE)
      this.y += h
    }
    this.y += 8
  }

  private headHeight(cols: ReportColumn[], ws: number[]): number {
    const grouped = cols.some((c) => c.group)
    const single = Math.max(18, ...cols.filter((c) => !c.group).map((c, i) => this.measure(c.title, (ws[cols.indexOf(c)] ?? ws[i] ?? 40) - 2 * CELL_PAD, { size: 8.5, bold: true }) + 6))
    return grouped ? Math.max(single, 32) : single
  }

  private tableHead(cols: ReportColumn[], ws: number[], h: number): void {
    const grouped = cols.some((c) => c.group)
    const half = h / 2
    let x = MARGIN.x
    for (let i = 0; i < cols.length; ) {
      const col = cols[i] as ReportColumn
      if (grouped && col.group) {
        let j = i
        let gw = 0
        while (j < cols.length && cols[j]?.group === col.group) gw += ws[j++] as number
        this.cell(x, this.y, gw, half, col.group, { size: 8.5, bold: true, align: 'center' }, SHADE)
        let sx = x
        for (let k = i; k < j; k++) {
          this.cell(sx, this.y + half, ws[k] as number, half, (cols[k] as ReportColumn).title, { size: 8, bold: true, align: 'center' }, SHADE)
          sx += ws[k] as number
        }
        x += gw
        i = j
      } else {
        this.cell(x, this.y, ws[i] as number, h, col.title, { size: 8.5, bold: true, align: 'center' }, SHADE)
        x += ws[i] as number
        i++
      }
    }
    this.y += h
  }

  private rowHeight(row: string[], ws: number[]): number {
    let h = MIN_ROW_H
    row.forEach((c, k) => {
      if (!c) return
      const w = (ws[k] as number) - 2 * CELL_PAD
      // One line in most cells: measuring the width (cached layout) is far cheaper than wrapping.
      if (this.fit(c, w, { size: BODY_SIZE, shrink: true }) !== null) return
      h = Math.max(h, this.measure(c, w, { size: BODY_SIZE }) + 6)
    })
    return h
  }

  private closing(): void {
    const r = this.r
    if (r.notes.length) {
      const h = 14 + r.notes.reduce((a, n) => a + this.measure(n, this.contentW, { size: 8.5, lineGap: 1.5 }) + 2, 0)
      this.ensure(h)
      this.text('说明：', MARGIN.x, this.y, this.contentW, { size: 9, bold: true })
      this.y += 13
      for (const n of r.notes) {
        const nh = this.measure(n, this.contentW, { size: 8.5, lineGap: 1.5 })
        this.text(n, MARGIN.x, this.y, this.contentW, { size: 8.5, color: MUTED, lineGap: 1.5 })
        this.y += nh + 2
      }
      this.y += 4
    }
    // Declaration, signature and stamp lines stay together.
    this.ensure(20 + 22 + 40)
    this.text(r.declaration, MARGIN.x, this.y, this.contentW, { size: 9.5 })
    this.y += 20
    const third = this.contentW / 3
    r.signature.forEach((f, i) => this.text(`${f.label}：${f.value}`, MARGIN.x + i * third, this.y, third - 6, { size: 9.5 }))
    this.y += 24
    const each = this.contentW / r.stamps.length
    r.stamps.forEach((s, i) => this.text(s, MARGIN.x + i * each, this.y, each - 6, { size: 10, bold: true }))
    this.y += 40
  }

  // ── primitives ─────────────────────────────────────────────────────────────────────────────────────────

  private cell(x: number, y: number, w: number, h: number, text: string, opts: TextOpts, fill?: string): void {
    const doc = this.doc
    if (fill) doc.rect(x, y, w, h).fillColor(fill).fill()
    doc.rect(x, y, w, h).lineWidth(0.5).strokeColor(RULE).stroke()
    if (!text) return
    const inner = w - 2 * CELL_PAD
    const size = this.fit(text, inner, opts)
    const o = size === null ? opts : { ...opts, size }
    const th = size !== null ? size * 1.2 : this.measure(text, inner, opts)
    this.text(text, x + CELL_PAD, y + Math.max(1, (h - th) / 2), inner, o, size !== null)
  }

  /** The font size at which `str` fits on one line of `width` (its own size, or shrunk when allowed), or null. */
  private fit(str: string, width: number, opts: TextOpts): number | null {
    const w = this.width(str, opts)
    if (w <= width) return opts.size
    if (!opts.shrink) return null
    const size = Math.floor(((opts.size * width) / w) * 10) / 10
    return size >= MIN_SHRUNK ? size : null
  }

  private text(str: string, x: number, y: number, width: number, opts: TextOpts, oneLine = false): void {
    const doc = this.doc.font(opts.bold ? FONT.B : FONT.R).fontSize(opts.size).fillColor(opts.color ?? INK)
    if (oneLine) {
      // Placed by hand: no line wrapper for the many one-line cells of a long 花名册.
      const free = width - doc.widthOfString(str)
      const dx = opts.align === 'center' ? free / 2 : opts.align === 'right' ? free : 0
      doc.text(str, x + Math.max(0, dx), y, { lineBreak: false })
      return
    }
    doc.text(str, x, y, { width, align: opts.align ?? 'left', lineGap: opts.lineGap ?? 0, lineBreak: true })
  }

  private width(str: string, opts: TextOpts): number {
    return this.doc
      .font(opts.bold ? FONT.B : FONT.R)
      .fontSize(opts.size)
      .widthOfString(str)
  }

  private measure(str: string, width: number, opts: TextOpts): number {
    this.doc.font(opts.bold ? FONT.B : FONT.R).fontSize(opts.size)
    return this.doc.heightOfString(str || ' ', { width, lineGap: opts.lineGap ?? 0 })
  }
}
