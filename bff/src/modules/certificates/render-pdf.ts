// Renders a proof's snapshot to an A4 PDF with pdfkit: the title and issuer beside the verification QR (top right,
// 34 mm, error correction M, drawn as vector modules), the content blocks, and on every page the 备注 footnotes
// (the last one with the verification address and the 授权码), 打印时间 (Asia/Shanghai) and 第N页/共M页.
// Layouts follow seed 004 §4.9.1 (湖北省社会保险参保证明（单位专用）): a bordered summary grid, a caption row, a
// numbered person table of 20 rows a page, footnotes under it.
//
// Cost (issue 5: a one-page proof is rendered on every issue): every cell is measured once — a one-line text by its
// width (pdfkit's shared layout cache) and then placed by hand where pdfkit's line wrapper would put it; only text
// that wraps goes through the wrapper — and font, colours and line width go through a Pen (bff/src/pdf/pen.ts),
// which sets them only when they change.
import crypto from 'node:crypto'
import { formatAuthCode, shanghaiParts } from '@shebao/shared'
import type { Block, CertificateDocument, TableColumn } from './document.ts'
import { qrSymbol, type QrSymbol } from './qr-symbol.ts'
import { A4, FONT, mm, openPdf, type PdfDoc } from '../../pdf/document.ts'
import { Pen } from '../../pdf/pen.ts'

const PAGE = A4
const MARGIN = { left: mm(16), right: mm(16), top: mm(12), bottom: mm(10) }
const CONTENT_W = PAGE.width - MARGIN.left - MARGIN.right
/** Printed size of the QR symbol (without quiet zone): 34 mm, above the 25 mm minimum, so the ~85 modules of the
 *  URL + signed token are 0.4 mm each (a phone reads them from a printout; a 150 dpi rendering still resolves them). */
export const QR_SIZE_MM = 34
const QR_SIZE = mm(QR_SIZE_MM)
const QR_X = PAGE.width - MARGIN.right - QR_SIZE
const QR_Y = MARGIN.top
/** Content starts below the QR and its caption. */
const BODY_TOP = QR_Y + QR_SIZE + 16

const INK = '#000000'
const RULE = '#222222'
const SHADE = '#eeeeee'
const MUTED = '#333333'
const FOOTER_RULE = '#999999'
const CELL_PAD = 3

export interface RenderInput {
  document: CertificateDocument
  /** Canonical 授权码 (printed in groups of four). */
  code: string
  /** What the QR encodes (verification URL with code and token). */
  qrText: string
  /** The verification page address printed in the last footnote (without code/token). */
  verifyPageUrl: string
}

export interface RenderedPdf {
  bytes: Buffer
  pages: number
  sha256: string
}

interface TextOpts {
  size: number
  bold?: boolean
  align?: 'left' | 'center' | 'right'
  color?: string
  lineGap?: number
  indent?: number
}

export async function renderCertificatePdf(input: RenderInput): Promise<RenderedPdf> {
  const { document: d } = input
  const issuedAt = new Date(d.issuedAt)
  const { doc, finish } = openPdf({ title: d.title, author: d.issuer, subject: d.title, createdAt: issuedAt })

  const qr = qrSymbol(input.qrText)
  const printed = printTime(issuedAt)
  const notes = [...d.notes, verificationNote(input.verifyPageUrl, input.code)]
  const layout = new Layout(doc, d, qr, formatAuthCode(input.code), notes)

  if (d.layout === 'paged') await layout.renderPaged()
  else layout.renderFlow()

  // Footers last, when the page count is known (bufferPages).
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) layout.drawFooter(i, i - range.start + 1, range.count, printed)
  const { bytes, pages } = await finish()
  return { bytes, pages, sha256: crypto.createHash('sha256').update(bytes).digest('hex') }
}

function printTime(at: Date): string {
  const p = shanghaiParts(at)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${p.year}年${p.month}月${p.day}日 ${two(p.hour)}:${two(p.minute)}`
}

function verificationNote(url: string, code: string): string {
  return `本证明出具后3个月内可扫描右上方二维码或登录本系统证明验证页面进行验证。验证地址：${url}　授权码：${formatAuthCode(code)}`
}

/** Heights of wrapped texts by font, size, width, line gap, indent and text (same font, same layout: same height). */
const wrappedHeights = new Map<string, number>()
const WRAPPED_HEIGHTS_MAX = 5_000

/** How a text sits in its box: on one line of width `w` (placed by hand), or wrapped by pdfkit (`w` null); height `h`. */
interface Fit {
  w: number | null
  h: number
}

type TableBlock = Extract<Block, { kind: 'table' }>

class Layout {
  private y = BODY_TOP
  /** Computed at the first page (pdfkit measures text only once a page exists). */
  private footerTop = 0
  private contentBottom = 0
  /** Heights of the footnotes (the same on every page). */
  private noteHeights: number[] = []
  /** The QR symbol's path (the same on every page). */
  private qrPath: string | undefined
  private readonly pen: Pen

  constructor(
    private readonly doc: PdfDoc,
    private readonly d: CertificateDocument,
    private readonly qr: QrSymbol,
    private readonly codeText: string,
    private readonly notes: string[]
  ) {
    this.pen = new Pen(doc)
  }

  // ── pages ────────────────────────────────────────────────────────────────────────────────────────────────

  renderFlow(): void {
    this.newPage()
    for (const block of this.d.blocks) this.drawBlock(block, 'flow')
  }

  /**
   * Every page repeats all blocks; the (single) fixed-row table is cut into pages of `rowsPerPage`. pdfkit is
   * synchronous: between pages other requests get their turn (a unit proof of 500 staff is 25 pages).
   */
  async renderPaged(): Promise<void> {
    const table = this.d.blocks.find((b): b is TableBlock => b.kind === 'table')
    const perPage = table?.rowsPerPage ?? 20
    const rows = table?.rows ?? []
    const pageCount = Math.max(1, Math.ceil(rows.length / perPage))
    for (let p = 0; p < pageCount; p++) {
      if (p > 0) await new Promise<void>((resolve) => setImmediate(resolve))
      this.newPage()
      for (const block of this.d.blocks) {
        if (block === table) this.drawFixedTable(block, rows.slice(p * perPage, (p + 1) * perPage), p * perPage, perPage)
        else this.drawBlock(block, 'paged')
      }
    }
  }

  private newPage(): void {
    this.pen.addPage({ size: 'A4', margin: 0 })
    if (!this.footerTop) {
      this.footerTop = PAGE.height - MARGIN.bottom - this.footerHeight()
      this.contentBottom = this.footerTop - 10
    }
    this.drawQr()
    this.drawTitle()
    this.y = BODY_TOP
  }

  private drawQr(): void {
    this.qrPath ??= qrPath(this.qr)
    // pdfkit writes each path operator as its own chunk; the symbol's two thousand rectangles go in as one.
    this.pen.fillColor(INK)
    this.doc.addContent(this.qrPath)
    this.text('扫码验证真伪', QR_X - 6, QR_Y + QR_SIZE + 3, QR_SIZE + 12, { size: 7, align: 'center', color: MUTED })
  }

  private drawTitle(): void {
    const gutter = QR_SIZE + mm(4)
    const x = MARGIN.left + gutter
    const w = CONTENT_W - 2 * gutter
    // The largest size (17 pt down to 12, by half points) at which the title fits one line; widths scale with size.
    const at17 = this.pen.font(FONT.B).fontSize(17).widthOfString(this.d.title)
    let size = 17
    while (size > 12 && (at17 * size) / 17 > w) size -= 0.5
    this.text(this.d.title, x, QR_Y + mm(6), w, { size, bold: true, align: 'center' })
    this.text(`出具机构：${this.d.issuer}`, x, QR_Y + mm(6) + size + 10, w, { size: 9, align: 'center', color: MUTED })
    this.text(`授权码：${this.codeText}`, x, QR_Y + mm(6) + size + 24, w, { size: 9, align: 'center', color: MUTED })
  }

  /** 备注 + footnotes, then 打印时间 and 第N页/共M页 on one line at the very bottom, on buffered page `index`. */
  drawFooter(index: number, page: number, pages: number, printed: string): void {
    this.pen.switchToPage(index)
    let y = this.footerTop
    this.doc.moveTo(MARGIN.left, y - 4).lineTo(MARGIN.left + CONTENT_W, y - 4)
    this.pen.lineWidth(0.4)
    this.pen.strokeColor(FOOTER_RULE).stroke()
    this.text('备注：', MARGIN.left, y, CONTENT_W, { size: 8.5, bold: true })
    y += 13
    this.notes.forEach((note, i) => {
      this.text(`${i + 1}、`, MARGIN.left, y, 16, { size: 8, color: MUTED })
      this.text(note, MARGIN.left + 16, y, CONTENT_W - 16, { size: 8, color: MUTED, lineGap: 1.5 })
      y += (this.noteHeights[i] as number) + 2
    })
    const bottom = PAGE.height - MARGIN.bottom - 10
    this.text(`打印时间：${printed}`, MARGIN.left, bottom, CONTENT_W / 2, { size: 9 })
    this.text(`第${page}页/共${pages}页`, MARGIN.left + CONTENT_W / 2, bottom, CONTENT_W / 2, { size: 9, align: 'right' })
  }

  private footerHeight(): number {
    this.noteHeights = this.notes.map((note) => this.fit(note, CONTENT_W - 16, { size: 8, lineGap: 1.5 }).h)
    return 13 + this.noteHeights.reduce((sum, h) => sum + h + 2, 0) + 18
  }

  // ── blocks ───────────────────────────────────────────────────────────────────────────────────────────────

  private drawBlock(block: Block, mode: 'flow' | 'paged'): void {
    switch (block.kind) {
      case 'fields':
        return this.drawFields(block.items, block.columns, mode)
      case 'grid':
        return this.drawGrid(block.widths, block.rows, mode)
      case 'heading': {
        this.ensure(30, mode)
        this.y += 6
        this.doc.rect(MARGIN.left, this.y + 1.5, 3, 10)
        this.pen.fillColor(INK).fill()
        this.text(block.text, MARGIN.left + 8, this.y, CONTENT_W - 8, { size: 10.5, bold: true })
        this.y += 18
        return
      }
      case 'paragraph': {
        const opts: TextOpts = { size: 10.5, lineGap: 5, ...(block.indent ? { indent: 21 } : {}) }
        const fit = this.fit(block.text, CONTENT_W, opts)
        this.ensure(fit.h, mode)
        this.text(block.text, MARGIN.left, this.y, CONTENT_W, opts, fit)
        this.y += fit.h + 8
        return
      }
      case 'table':
        return this.drawFlowTable(block, mode)
      case 'closing': {
        const h = block.lines.length * 18 + 16
        this.ensure(h, mode)
        this.y += 16
        for (const line of block.lines) {
          this.text(line, MARGIN.left, this.y, CONTENT_W - 10, { size: 10.5, align: 'right' })
          this.y += 18
        }
        return
      }
    }
  }

  /** "label：value" in columns: the bold label runs on into the regular value (pdfkit's continued text). */
  private drawFields(items: { label: string; value: string }[], columns: number, mode: 'flow' | 'paged'): void {
    const colW = CONTENT_W / columns
    for (let i = 0; i < items.length; i += columns) {
      const row = items.slice(i, i + columns)
      const h = Math.max(...row.map((it) => this.fit(`${it.label}：${it.value}`, colW - 8, { size: 10 }).h)) + 5
      this.ensure(h, mode)
      this.pen.fillColor(INK)
      row.forEach((it, j) => {
        const x = MARGIN.left + j * colW
        this.pen.font(FONT.B).fontSize(10).text(`${it.label}：`, x, this.y, { width: colW - 8, continued: true, lineBreak: true })
        this.pen.font(FONT.R).text(it.value || '—')
      })
      this.y += h
    }
    this.y += 4
  }

  private drawGrid(widths: number[], rows: string[][], mode: 'flow' | 'paged'): void {
    const ws = scale(widths, CONTENT_W)
    const opts: TextOpts = { size: 9.5, align: 'center' }
    for (const row of rows) {
      const fits = ws.map((w, i) => this.fit(row[i] ?? '', w - 2 * CELL_PAD, opts))
      const h = Math.max(20, ...fits.map((f) => f.h + 8))
      this.ensure(h, mode)
      let x = MARGIN.left
      ws.forEach((w, i) => {
        const cell = row[i] ?? ''
        const label = i % 2 === 0 && cell !== ''
        this.cell(x, this.y, w, h, cell, opts, label ? SHADE : undefined, fits[i])
        x += w
      })
      this.y += h
    }
    this.y += 8
  }

  private tableColumns(block: TableBlock): TableColumn[] {
    return block.numbered ? [{ title: '序号', width: 0.55, align: 'center' }, ...block.columns] : block.columns
  }

  /** Caption row (full width) and the header (two rows when columns are grouped). Returns nothing; moves y. */
  private drawTableHead(block: TableBlock, ws: number[], continued: boolean): void {
    const cols = this.tableColumns(block)
    if (block.caption) {
      const caption = continued ? `${block.caption}（续）` : block.caption
      this.cell(MARGIN.left, this.y, CONTENT_W, 19, caption, { size: 9.5, bold: true, align: 'left' })
      this.y += 19
    }
    const grouped = cols.some((c) => c.group)
    const rowH = 16
    const titleOpts: TextOpts = { size: 9, bold: true, align: 'center' }
    // Ungrouped: one row as high as the tallest title.
    const fits = cols.map((c, i) => this.fit(c.title, (ws[i] as number) - 2 * CELL_PAD, titleOpts))
    const headH = grouped ? rowH * 2 : Math.max(rowH + 2, ...fits.map((f) => f.h + 8))
    let x = MARGIN.left
    for (let i = 0; i < cols.length; ) {
      const col = cols[i] as TableColumn
      if (grouped && col.group) {
        let j = i
        let gw = 0
        while (j < cols.length && cols[j]?.group === col.group) gw += ws[j++] as number
        this.cell(x, this.y, gw, rowH, col.group, titleOpts, SHADE)
        let sx = x
        for (let k = i; k < j; k++) {
          this.cell(sx, this.y + rowH, ws[k] as number, rowH, (cols[k] as TableColumn).title, { size: 8.5, bold: true, align: 'center' }, SHADE)
          sx += ws[k] as number
        }
        x += gw
        i = j
      } else {
        const fit = fits[i] as Fit
        const h = grouped ? rowH * 2 : Math.max(rowH + 2, fit.h + 8)
        this.cell(x, this.y, ws[i] as number, h, col.title, titleOpts, SHADE, fit)
        x += ws[i] as number
        i++
      }
    }
    this.y += headH
  }

  private rowCells(block: TableBlock, row: string[], index: number): string[] {
    return block.numbered ? [String(index + 1), ...row] : row
  }

  /** Seed layout: exactly `perPage` numbered rows on every page, empty numbered rows filling the last. */
  private drawFixedTable(block: TableBlock, rows: string[][], offset: number, perPage: number): void {
    const cols = this.tableColumns(block)
    const ws = scale(
      cols.map((c) => c.width),
      CONTENT_W
    )
    this.drawTableHead(block, ws, false)
    const rowH = Math.min(22, Math.max(13, (this.contentBottom - this.y) / perPage))
    const filled = block.fillPage ? perPage : rows.length
    for (let i = 0; i < filled; i++) {
      const data = rows[i] ?? cols.slice(block.numbered ? 1 : 0).map(() => '')
      const cells = this.rowCells(block, data, offset + i)
      let x = MARGIN.left
      cells.forEach((c, k) => {
        this.cell(x, this.y, ws[k] as number, rowH, c, { size: 9, align: (cols[k] as TableColumn).align ?? 'center' })
        x += ws[k] as number
      })
      this.y += rowH
    }
    this.y += 6
  }

  private drawFlowTable(block: TableBlock, mode: 'flow' | 'paged'): void {
    const cols = this.tableColumns(block)
    const ws = scale(
      cols.map((c) => c.width),
      CONTENT_W
    )
    this.ensure(19 + 32 + 20, mode)
    this.drawTableHead(block, ws, false)
    const body = block.rows.length ? block.rows : null
    if (!body) {
      this.cell(MARGIN.left, this.y, CONTENT_W, 20, block.empty ?? '无记录', { size: 9, align: 'center', color: MUTED })
      this.y += 26
      return
    }
    const all = [...body.map((r, i) => ({ cells: this.rowCells(block, r, i), total: false }))]
    if (block.totalRow) all.push({ cells: block.totalRow, total: true })
    const bodyOpts: TextOpts = { size: 9 }
    for (const row of all) {
      // Each cell measured once, in its column, for the row's height and (body rows) to be drawn.
      const fits = row.cells.map((c, k) => this.fit(c, (ws[k] as number) - 2 * CELL_PAD, bodyOpts))
      const h = Math.max(18, ...fits.map((f) => f.h + 7))
      if (this.y + h > this.contentBottom && mode === 'flow') {
        this.newPage()
        this.drawTableHead(block, ws, true)
      }
      if (row.total) {
        // 合计: the first cell spans the columns up to the first value cell.
        const span = Math.max(1, cols.length - (row.cells.length - 1))
        const spanW = ws.slice(0, span).reduce((a, b) => a + b, 0)
        this.cell(MARGIN.left, this.y, spanW, h, row.cells[0] ?? '', { size: 9, bold: true, align: 'center' }, SHADE)
        let x = MARGIN.left + spanW
        row.cells.slice(1).forEach((c, k) => {
          const col = span + k
          this.cell(x, this.y, ws[col] as number, h, c, { size: 9, bold: true, align: (cols[col] as TableColumn).align ?? 'center' }, SHADE)
          x += ws[col] as number
        })
      } else {
        let x = MARGIN.left
        row.cells.forEach((c, k) => {
          this.cell(x, this.y, ws[k] as number, h, c, { ...bodyOpts, align: (cols[k] as TableColumn).align ?? 'center' }, undefined, fits[k])
          x += ws[k] as number
        })
      }
      this.y += h
    }
    this.y += 8
  }

  // ── primitives ───────────────────────────────────────────────────────────────────────────────────────────

  private ensure(height: number, mode: 'flow' | 'paged'): void {
    if (mode === 'flow' && this.y + height > this.contentBottom) this.newPage()
  }

  /** A bordered (optionally shaded) box with its text centred vertically; `fit`: the text already measured. */
  private cell(x: number, y: number, w: number, h: number, text: string, opts: TextOpts, fill?: string, fit?: Fit): void {
    const doc = this.doc
    if (fill) {
      doc.rect(x, y, w, h)
      this.pen.fillColor(fill).fill()
    }
    doc.rect(x, y, w, h)
    this.pen.lineWidth(0.5)
    this.pen.strokeColor(RULE).stroke()
    if (!text) return
    const inner = w - 2 * CELL_PAD
    const f = fit ?? this.fit(text, inner, opts)
    this.text(text, x + CELL_PAD, y + Math.max(1, (h - f.h) / 2), inner, opts, f)
  }

  /**
   * How `str` sets in `width`: a plain text that fits one line is measured by its width (cheap: pdfkit's layout
   * cache) and is one line high; anything else (wrapping, line gaps, indents) is measured by pdfkit's line wrapper.
   */
  private fit(str: string, width: number, opts: TextOpts): Fit {
    const doc = this.pen.font(opts.bold ? FONT.B : FONT.R).fontSize(opts.size)
    const text = str || ' '
    if (!opts.lineGap && !opts.indent && !text.includes('\n')) {
      const w = doc.widthOfString(text)
      if (w <= width) return { w, h: doc.currentLineHeight(true) }
    }
    // Wrapped heights are remembered across proofs (the footnotes and most headings repeat on every one).
    const key = `${opts.bold ? 'B' : 'R'}|${opts.size}|${width}|${opts.lineGap ?? 0}|${opts.indent ?? 0}|${text}`
    let h = wrappedHeights.get(key)
    if (h === undefined) {
      h = doc.heightOfString(text, { width, lineGap: opts.lineGap ?? 0, ...(opts.indent ? { indent: opts.indent } : {}) })
      if (wrappedHeights.size >= WRAPPED_HEIGHTS_MAX) wrappedHeights.clear()
      wrappedHeights.set(key, h)
    }
    return { w: null, h }
  }

  /** Draw `str` at (x, y) in a box `width` wide: one line placed by hand as pdfkit would align it, or wrapped. */
  private text(str: string, x: number, y: number, width: number, opts: TextOpts, fit?: Fit): void {
    const f = fit ?? this.fit(str, width, opts)
    this.pen.fillColor(opts.color ?? INK)
    const doc = this.pen.font(opts.bold ? FONT.B : FONT.R).fontSize(opts.size)
    if (f.w !== null) {
      const free = width - f.w
      const dx = opts.align === 'center' ? free / 2 : opts.align === 'right' ? free : 0
      doc.text(str, x + dx, y, { lineBreak: false })
      return
    }
    doc.text(str, x, y, {
      width,
      align: opts.align ?? 'left',
      lineGap: opts.lineGap ?? 0,
      lineBreak: true,
      ...(opts.indent ? { indent: opts.indent } : {})
    })
  }
}

/** A number as written in content streams: at most `digits` decimals, no trailing zeros. */
const num = (v: number, digits = 6) => Math.round(v * 10 ** digits) / 10 ** digits

/**
 * The QR symbol as a filled path: one rectangle per horizontal run of dark modules (smaller than one per module),
 * with a hair (0.05 pt) of overlap so rasterisers leave no seams between rows. Drawn in module units under a
 * scaling `cm` (inside q/Q), so each rectangle is a few small numbers: the symbol was four fifths of a page's
 * content stream, and that stream is deflated on every issue.
 */
function qrPath(qr: QrSymbol): string {
  const n = qr.size
  const s = QR_SIZE / n
  const hair = 0.05 / s
  const ops: string[] = [`q ${num(s)} 0 0 ${num(s)} ${num(QR_X)} ${num(QR_Y)} cm`]
  const h = num(1 + hair, 4)
  for (let r = 0; r < n; r++) {
    let c = 0
    while (c < n) {
      if (!qr.get(r, c)) {
        c++
        continue
      }
      const start = c
      while (c < n && qr.get(r, c)) c++
      ops.push(`${start} ${r} ${num(c - start + hair, 4)} ${h} re`)
    }
  }
  ops.push('f', 'Q')
  return ops.join('\n')
}

function scale(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  return weights.map((w) => (w / sum) * total)
}
