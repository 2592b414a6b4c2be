// Renders a proof's snapshot to an A4 PDF with pdfkit: the title and issuer beside the verification QR (top right,
// 34 mm, error correction M, drawn as vector modules), the content blocks, and on every page the 备注 footnotes
// (the last one with the verification address and the 授权码), 打印时间 (Asia/Shanghai) and 第N页/共M页.
// Layouts follow seed 004 §4.9.1 (湖北省社会保险参保证明（单位专用）): a bordered summary grid, a caption row, a
// numbered person table of 20 rows a page, footnotes under it.
import crypto from 'node:crypto'
import { formatAuthCode, shanghaiParts } from '@shebao/shared'
import PDFDocument from 'pdfkit'
import QRCode from 'qrcode'
import type { Block, CertificateDocument, TableColumn } from './document.ts'
import { proofFonts } from '../../pdf/fonts.ts'
import { shareLayoutCache } from '../../pdf/layout-cache.ts'

const mm = (v: number) => (v * 72) / 25.4
const PAGE = { width: 595.28, height: 841.89 }
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

const FONT = { R: 'R', B: 'B' } as const

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
  const fonts = proofFonts()
  const issuedAt = new Date(d.issuedAt)
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    bufferPages: true,
    compress: true,
    pdfVersion: '1.7',
    lang: 'zh-CN',
    displayTitle: true,
    // Our font as the default, so pdfkit does not parse Helvetica's AFM for every document.
    font: fonts.regular as unknown as string,
    info: {
      Title: d.title,
      Author: d.issuer,
      Subject: d.title,
      Creator: '掌上社保',
      Producer: '掌上社保 (pdfkit)',
      CreationDate: issuedAt,
      ModDate: issuedAt
    }
  })
  // pdfkit accepts a fontkit font object: the parsed CJK font is shared by all documents of the process.
  doc.registerFont(FONT.R, fonts.regular as unknown as string)
  doc.registerFont(FONT.B, fonts.bold as unknown as string)
  shareLayoutCache(doc, FONT.B, fonts.bold)
  shareLayoutCache(doc, FONT.R, fonts.regular)
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve())
    doc.on('error', reject)
  })

  const qr = QRCode.create(input.qrText, { errorCorrectionLevel: 'M' })
  const printed = printTime(issuedAt)
  const notes = [...d.notes, verificationNote(input.verifyPageUrl, input.code)]
  const layout = new Layout(doc, d, qr.modules, formatAuthCode(input.code), notes)

  if (d.layout === 'paged') layout.renderPaged()
  else layout.renderFlow()

  // Footers last, when the page count is known (bufferPages).
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    layout.drawFooter(i - range.start + 1, range.count, printed)
  }
  doc.end()
  await ended
  const bytes = Buffer.concat(chunks)
  return { bytes, pages: range.count, sha256: crypto.createHash('sha256').update(bytes).digest('hex') }
}

function printTime(at: Date): string {
  const p = shanghaiParts(at)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${p.year}年${p.month}月${p.day}日 ${two(p.hour)}:${two(p.minute)}`
}

function verificationNote(url: string, code: string): string {
  return `本证明出具后3个月内可扫描右上方二维码或登录本系统证明验证页面进行验证。验证地址：${url}　授权码：${formatAuthCode(code)}`
}

type Doc = InstanceType<typeof PDFDocument>

interface QrModules {
  size: number
  get(row: number, col: number): number | boolean
}

class Layout {
  private y = BODY_TOP
  /** Computed at the first page (pdfkit measures text only once a page exists). */
  private footerTop = 0
  private contentBottom = 0

  constructor(
    private readonly doc: Doc,
    private readonly d: CertificateDocument,
    private readonly qr: QrModules,
    private readonly codeText: string,
    private readonly notes: string[]
  ) {}

  // ── pages ────────────────────────────────────────────────────────────────────────────────────────────────

  renderFlow(): void {
    this.newPage()
    for (const block of this.d.blocks) this.drawBlock(block, 'flow')
  }

  /** Every page repeats all blocks; the (single) fixed-row table is cut into pages of `rowsPerPage`. */
  renderPaged(): void {
    const table = this.d.blocks.find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table')
    const perPage = table?.rowsPerPage ?? 20
    const rows = table?.rows ?? []
    const pageCount = Math.max(1, Math.ceil(rows.length / perPage))
    for (let p = 0; p < pageCount; p++) {
      this.newPage()
      for (const block of this.d.blocks) {
        if (block === table) this.drawFixedTable(block, rows.slice(p * perPage, (p + 1) * perPage), p * perPage, perPage)
        else this.drawBlock(block, 'paged')
      }
    }
  }

  private newPage(): void {
    this.doc.addPage({ size: 'A4', margin: 0 })
    if (!this.footerTop) {
      this.footerTop = PAGE.height - MARGIN.bottom - this.footerHeight()
      this.contentBottom = this.footerTop - 10
    }
    this.drawQr()
    this.drawTitle()
    this.y = BODY_TOP
  }

  private drawQr(): void {
    const n = this.qr.size
    const s = QR_SIZE / n
    const doc = this.doc
    // One rectangle per horizontal run of dark modules (smaller file than one per module); a hair of overlap so
    // rasterisers leave no seams between rows.
    for (let r = 0; r < n; r++) {
      let c = 0
      while (c < n) {
        if (!this.qr.get(r, c)) {
          c++
          continue
        }
        const start = c
        while (c < n && this.qr.get(r, c)) c++
        doc.rect(QR_X + start * s, QR_Y + r * s, (c - start) * s + 0.05, s + 0.05)
      }
    }
    doc.fillColor(INK).fill()
    this.text('扫码验证真伪', QR_X - 6, QR_Y + QR_SIZE + 3, QR_SIZE + 12, { size: 7, align: 'center', color: MUTED })
  }

  private drawTitle(): void {
    const gutter = QR_SIZE + mm(4)
    const x = MARGIN.left + gutter
    const w = CONTENT_W - 2 * gutter
    let size = 17
    this.doc.font(FONT.B)
    while (size > 12 && this.doc.fontSize(size).widthOfString(this.d.title) > w) size -= 0.5
    this.text(this.d.title, x, QR_Y + mm(6), w, { size, bold: true, align: 'center' })
    this.text(`出具机构：${this.d.issuer}`, x, QR_Y + mm(6) + size + 10, w, { size: 9, align: 'center', color: MUTED })
    this.text(`授权码：${this.codeText}`, x, QR_Y + mm(6) + size + 24, w, { size: 9, align: 'center', color: MUTED })
  }

  /** 备注 + footnotes, then 打印时间 and 第N页/共M页 on one line at the very bottom. */
  drawFooter(page: number, pages: number, printed: string): void {
    let y = this.footerTop
    this.doc.moveTo(MARGIN.left, y - 4).lineTo(MARGIN.left + CONTENT_W, y - 4).lineWidth(0.4).strokeColor('#999999').stroke()
    this.text('备注：', MARGIN.left, y, CONTENT_W, { size: 8.5, bold: true })
    y += 13
    this.notes.forEach((note, i) => {
      const label = `${i + 1}、`
      this.text(label, MARGIN.left, y, 16, { size: 8, color: MUTED })
      const h = this.measure(note, CONTENT_W - 16, { size: 8, lineGap: 1.5 })
      this.text(note, MARGIN.left + 16, y, CONTENT_W - 16, { size: 8, color: MUTED, lineGap: 1.5 })
      y += h + 2
    })
    const bottom = PAGE.height - MARGIN.bottom - 10
    this.text(`打印时间：${printed}`, MARGIN.left, bottom, CONTENT_W / 2, { size: 9 })
    this.text(`第${page}页/共${pages}页`, MARGIN.left + CONTENT_W / 2, bottom, CONTENT_W / 2, { size: 9, align: 'right' })
  }

  private footerHeight(): number {
    let h = 13
    for (const note of this.notes) h += this.measure(note, CONTENT_W - 16, { size: 8, lineGap: 1.5 }) + 2
    return h + 18
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
        this.doc.rect(MARGIN.left, this.y + 1.5, 3, 10).fillColor(INK).fill()
        this.text(block.text, MARGIN.left + 8, this.y, CONTENT_W - 8, { size: 10.5, bold: true })
        this.y += 18
        return
      }
      case 'paragraph': {
        const opts: TextOpts = { size: 10.5, lineGap: 5, ...(block.indent ? { indent: 21 } : {}) }
        const h = this.measure(block.text, CONTENT_W, opts)
        this.ensure(h, mode)
        this.text(block.text, MARGIN.left, this.y, CONTENT_W, opts)
        this.y += h + 8
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

  private drawFields(items: { label: string; value: string }[], columns: number, mode: 'flow' | 'paged'): void {
    const colW = CONTENT_W / columns
    for (let i = 0; i < items.length; i += columns) {
      const row = items.slice(i, i + columns)
      const h = Math.max(...row.map((it) => this.measure(`${it.label}：${it.value}`, colW - 8, { size: 10 }))) + 5
      this.ensure(h, mode)
      row.forEach((it, j) => {
        const x = MARGIN.left + j * colW
        this.doc.font(FONT.B).fontSize(10).fillColor(INK)
        this.doc.text(`${it.label}：`, x, this.y, { width: colW - 8, continued: true, lineBreak: true })
        this.doc.font(FONT.R).text(it.value || '—')
      })
      this.y += h
    }
    this.y += 4
  }

  private drawGrid(widths: number[], rows: string[][], mode: 'flow' | 'paged'): void {
    const ws = scale(widths, CONTENT_W)
    for (const row of rows) {
      const h = Math.max(20, ...ws.map((w, i) => this.measure(row[i] ?? '', w - 6, { size: 9.5 }) + 8))
      this.ensure(h, mode)
      let x = MARGIN.left
      ws.forEach((w, i) => {
        const cell = row[i] ?? ''
        const label = i % 2 === 0 && cell !== ''
        this.cell(x, this.y, w, h, cell, { size: 9.5, align: 'center', bold: false }, label ? SHADE : undefined)
        x += w
      })
      this.y += h
    }
    this.y += 8
  }

  private tableColumns(block: Extract<Block, { kind: 'table' }>): TableColumn[] {
    return block.numbered ? [{ title: '序号', width: 0.55, align: 'center' }, ...block.columns] : block.columns
  }

  /** Caption row (full width) and the header (two rows when columns are grouped). Returns nothing; moves y. */
  private drawTableHead(block: Extract<Block, { kind: 'table' }>, ws: number[], continued: boolean): void {
    const cols = this.tableColumns(block)
    if (block.caption) {
      const caption = continued ? `${block.caption}（续）` : block.caption
      this.cell(MARGIN.left, this.y, CONTENT_W, 19, caption, { size: 9.5, bold: true, align: 'left' })
      this.y += 19
    }
    const grouped = cols.some((c) => c.group)
    const rowH = 16
    let x = MARGIN.left
    for (let i = 0; i < cols.length; ) {
      const col = cols[i] as TableColumn
      if (grouped && col.group) {
        let j = i
        let gw = 0
        while (j < cols.length && cols[j]?.group === col.group) gw += ws[j++] as number
        this.cell(x, this.y, gw, rowH, col.group, { size: 9, bold: true, align: 'center' }, SHADE)
        let sx = x
        for (let k = i; k < j; k++) {
          this.cell(sx, this.y + rowH, ws[k] as number, rowH, (cols[k] as TableColumn).title, { size: 8.5, bold: true, align: 'center' }, SHADE)
          sx += ws[k] as number
        }
        x += gw
        i = j
      } else {
        const h = grouped ? rowH * 2 : Math.max(rowH + 2, this.measure(col.title, (ws[i] as number) - 6, { size: 9, bold: true }) + 8)
        this.cell(x, this.y, ws[i] as number, h, col.title, { size: 9, bold: true, align: 'center' }, SHADE)
        x += ws[i] as number
        i++
      }
    }
    this.y += grouped ? rowH * 2 : Math.max(rowH + 2, ...cols.map((c, i) => this.measure(c.title, (ws[i] as number) - 6, { size: 9, bold: true }) + 8))
  }

  private rowCells(block: Extract<Block, { kind: 'table' }>, row: string[], index: number): string[] {
    return block.numbered ? [String(index + 1), ...row] : row
  }

  /** Seed layout: exactly `perPage` numbered rows on every page, empty numbered rows filling the last. */
  private drawFixedTable(block: Extract<Block, { kind: 'table' }>, rows: string[][], offset: number, perPage: number): void {
    const cols = this.tableColumns(block)
    const ws = scale(cols.map((c) => c.width), CONTENT_W)
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

  private drawFlowTable(block: Extract<Block, { kind: 'table' }>, mode: 'flow' | 'paged'): void {
    const cols = this.tableColumns(block)
    const ws = scale(cols.map((c) => c.width), CONTENT_W)
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
    for (const row of all) {
      const h = Math.max(18, ...row.cells.map((c, k) => this.measure(c, (ws[k] as number) - 6, { size: 9 }) + 7))
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
          this.cell(x, this.y, ws[k] as number, h, c, { size: 9, align: (cols[k] as TableColumn).align ?? 'center' })
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

  private cell(x: number, y: number, w: number, h: number, text: string, opts: TextOpts, fill?: string): void {
    const doc = this.doc
    if (fill) doc.rect(x, y, w, h).fillColor(fill).fill()
    doc.rect(x, y, w, h).lineWidth(0.5).strokeColor(RULE).stroke()
    if (!text) return
    const pad = 3
    const th = this.measure(text, w - 2 * pad, opts)
    this.text(text, x + pad, y + Math.max(1, (h - th) / 2), w - 2 * pad, opts)
  }

  private text(str: string, x: number, y: number, width: number, opts: TextOpts): void {
    this.doc
      .font(opts.bold ? FONT.B : FONT.R)
      .fontSize(opts.size)
      .fillColor(opts.color ?? INK)
      .text(str, x, y, {
        width,
        align: opts.align ?? 'left',
        lineGap: opts.lineGap ?? 0,
        lineBreak: true,
        ...(opts.indent ? { indent: opts.indent } : {})
      })
  }

  private measure(str: string, width: number, opts: TextOpts): number {
    this.doc.font(opts.bold ? FONT.B : FONT.R).fontSize(opts.size)
    return this.doc.heightOfString(str || ' ', { width, lineGap: opts.lineGap ?? 0, ...(opts.indent ? { indent: opts.indent } : {}) })
  }
}

function scale(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  return weights.map((w) => (w / sum) * total)
}
