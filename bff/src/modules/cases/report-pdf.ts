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
}

/** A slightly too long one-liner in a table (a unit number, an ID) is set smaller, down to this size, rather than wrapped. */
const MIN_SHRUNK = 7
/** Rows drawn between two yields to the event loop (≈ 20–60 ms of work on a busy 2-CPU machine). */
const ROWS_PER_SLICE = 100

export async function renderCaseReport(r: CaseReport): Promise<{ bytes: Buffer; pages: number }> {
  const { doc, finish } = openPdf({ title: `${r.title} ${r.serialNo}`, author: r.author, subject: r.title, createdAt: r.printedAt })
  const layout = new ReportLayout(doc, r)
  await layout.render()
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
  /** The current font and fill colour (null: not set by us yet). */
  private bold: boolean | null = null
  private color: string | null = null

  constructor(
    private readonly doc: PdfDoc,
    private readonly r: CaseReport
  ) {
    this.pageW = r.landscape ? A4.height : A4.width
    this.pageH = r.landscape ? A4.width : A4.height
    this.contentW = this.pageW - 2 * MARGIN.x
    this.bottom = this.pageH - MARGIN.bottom - FOOTER_H - 4
  }

  async render(): Promise<void> {
    this.newPage()
    for (const s of this.r.sections) await this.section(s)
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
      this.useFont(true)
      doc.fontSize(size).fillColor('#000000')
      this.color = '#000000'
      const w = doc.widthOfString(this.r.watermark)
      doc.text(this.r.watermark, this.pageW / 2 - w / 2, this.pageH / 2 - size * 0.6, { lineBreak: false })
      doc.restore()
      doc.fillOpacity(1)
      // restore() brought back the colour of before save(): unknown to the tracker.
      this.color = null
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
    this.useFont(true)
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

  private async section(s: ReportSection): Promise<void> {
    if (s.kind === 'fields') {
      this.ensure(40)
      this.caption(s.caption)
      this.fieldGrid(s.items, s.items.some((i) => i.value.length > 24 || i.label.length > 14) ? 1 : 2, 9.5, true)
      this.y += 6
      return
    }
    await this.table(s)
  }

  private caption(text: string): void {
    this.ink(INK)
    this.doc.rect(MARGIN.x, this.y + 1.5, 3, 10).fill()
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

  private async table(t: ReportTable): Promise<void> {
    const ws = scale(
      t.columns.map((c) => c.width),
      this.contentW
    )
    const headH = this.headHeight(t.columns, ws)
    const aligns = t.columns.map((c) => c.align ?? 'center')
    // Caption, header and at least one row together.
    this.ensure(17 + headH + MIN_ROW_H)
    this.caption(t.caption)
    this.tableHead(t.columns, ws, headH)
    if (t.rows.length === 0) {
      this.cell(MARGIN.x, this.y, this.contentW, 20, t.empty ?? '无', { size: 9, align: 'center', color: MUTED })
      this.y += 26
      return
    }
    for (let n = 0; n < t.rows.length; n++) {
      // pdfkit is synchronous: a long 花名册 gives other requests their turn every ROWS_PER_SLICE rows.
      if (n > 0 && n % ROWS_PER_SLICE === 0) await new Promise<void>((resolve) => setImmediate(resolve))
      const row = t.rows[n] as string[]
      const fit = this.rowLayout(row, ws)
      if (this.ensure(fit.h)) {
        this.caption(`${t.caption}（续）`)
        this.tableHead(t.columns, ws, headH)
      }
      this.bodyRow(row, ws, aligns, fit)
      this.y += fit.h
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

  /**
   * One body row's layout: each cell set on one line (at its size, or shrunk down to MIN_SHRUNK) with its measured
   * width, or wrapped (null); the row height. Measured once and used to draw (a long 花名册 has 100 000+ cells).
   */
  private rowLayout(row: string[], ws: number[]): { h: number; cells: Array<{ size: number; width: number } | null> } {
    let h = MIN_ROW_H
    this.useFont(false)
    const cells = row.map((c, k) => {
      if (!c) return { size: BODY_SIZE, width: 0 }
      const inner = (ws[k] as number) - 2 * CELL_PAD
      const w = this.doc.fontSize(BODY_SIZE).widthOfString(c)
      if (w <= inner) return { size: BODY_SIZE, width: w }
      const size = Math.floor(((BODY_SIZE * inner) / w) * 10) / 10
      if (size >= MIN_SHRUNK) return { size, width: (w * size) / BODY_SIZE }
      h = Math.max(h, this.measure(c, inner, { size: BODY_SIZE }) + 6)
      return null
    })
    return { h, cells }
  }

  /** A body row: its outline and column rules as one path, then the cells' text. */
  private bodyRow(row: string[], ws: number[], aligns: Array<'left' | 'center' | 'right'>, fit: ReturnType<ReportLayout['rowLayout']>): void {
    const doc = this.doc
    const { h } = fit
    doc.rect(MARGIN.x, this.y, this.contentW, h)
    let x = MARGIN.x
    for (let k = 0; k < ws.length - 1; k++) {
      x += ws[k] as number
      doc.moveTo(x, this.y).lineTo(x, this.y + h)
    }
    doc.lineWidth(0.5).strokeColor(RULE).stroke()
    this.useFont(false)
    this.ink(INK)
    x = MARGIN.x
    row.forEach((c, k) => {
      const w = ws[k] as number
      const cell = fit.cells[k]
      const align = aligns[k] ?? 'center'
      if (c && cell) {
        const free = w - 2 * CELL_PAD - cell.width
        const dx = align === 'center' ? free / 2 : align === 'right' ? free : 0
        doc.fontSize(cell.size).text(c, x + CELL_PAD + Math.max(0, dx), this.y + (h - cell.size * 1.2) / 2, { lineBreak: false })
      } else if (c) {
        const th = this.measure(c, w - 2 * CELL_PAD, { size: BODY_SIZE })
        doc.fontSize(BODY_SIZE).text(c, x + CELL_PAD, this.y + Math.max(1, (h - th) / 2), { width: w - 2 * CELL_PAD, align, lineBreak: true })
      }
      x += w
    })
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

  /**
   * Switch fonts only when needed: pdfkit's doc.font('R') misses its cache when the registered font is also the
   * document's default (openPdf sets it, to spare the Helvetica metrics), and then re-opens and compares the font on
   * every call — a third of the time of a long 花名册.
   */
  private useFont(bold: boolean): void {
    if (this.bold === bold) return
    this.doc.font(bold ? FONT.B : FONT.R)
    this.bold = bold
  }

  /** Set the fill colour only when it changes (pdfkit parses and writes it on every call). */
  private ink(color: string): void {
    if (this.color === color) return
    this.doc.fillColor(color)
    this.color = color
  }

  private cell(x: number, y: number, w: number, h: number, text: string, opts: TextOpts, fill?: string): void {
    const doc = this.doc
    if (fill) {
      this.ink(fill)
      doc.rect(x, y, w, h).fill()
    }
    doc.rect(x, y, w, h).lineWidth(0.5).strokeColor(RULE).stroke()
    if (!text) return
    const inner = w - 2 * CELL_PAD
    const size = this.fit(text, inner, opts)
    const o = size === null ? opts : { ...opts, size }
    const th = size !== null ? size * 1.2 : this.measure(text, inner, opts)
    this.text(text, x + CELL_PAD, y + Math.max(1, (h - th) / 2), inner, o, size !== null)
  }

  /** The font size when `str` fits on one line of `width`, else null (wrap). */
  private fit(str: string, width: number, opts: TextOpts): number | null {
    return this.width(str, opts) <= width ? opts.size : null
  }

  private text(str: string, x: number, y: number, width: number, opts: TextOpts, oneLine = false): void {
    this.useFont(opts.bold === true)
    this.ink(opts.color ?? INK)
    const doc = this.doc.fontSize(opts.size)
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
    this.useFont(opts.bold === true)
    return this.doc.fontSize(opts.size).widthOfString(str)
  }

  private measure(str: string, width: number, opts: TextOpts): number {
    this.useFont(opts.bold === true)
    this.doc.fontSize(opts.size)
    return this.doc.heightOfString(str || ' ', { width, lineGap: opts.lineGap ?? 0 })
  }
}
