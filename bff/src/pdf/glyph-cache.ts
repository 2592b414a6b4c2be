// pdfkit embeds a subset of our CJK font in every PDF: fontkit's TrueType subset (TTFSubset) copies each glyph the
// document used out of the 10 MB `glyf` table, and for that decodes the glyph's whole outline (only to learn whether
// it is a composite glyph whose component ids must be renumbered) and reads its metrics — again for every document,
// though a proof's glyphs are mostly the same labels. This keeps, per font and process, what TTFSubset derives from a
// glyph (its bytes, its components, advance and left bearing) and gives each document's subset a `_addGlyph` that
// reads it from there; the subset's bytes are the same as fontkit's own (bff/test/pdf-glyph-cache.test.ts).
// fontkit has no option for this; the hook checks the subset's shape and leaves anything else (CFF fonts, variable
// fonts, another fontkit) to fontkit.
import type { PdfDoc } from './document.ts'

interface GlyphData {
  bytes: Uint8Array
  /** Composite glyph: the component glyph ids and where they sit in `bytes`. */
  components: { glyphID: number; pos: number }[] | null
  advance: number
  bearing: number
}

/** The fields of fontkit 2's TTFSubset that its `_addGlyph` fills. */
interface TtfSubset {
  glyf: Uint8Array[]
  loca: { offsets: number[] }
  hmtx: { metrics: { advance: number; bearing: number }[] }
  offset: number
  includeGlyph(gid: number): number
  _addGlyph(gid: number): number
}

/** The fontkit font internals read here (the same calls TTFSubset makes). */
interface TtfFont {
  _variationProcessor?: unknown
  directory: { tables: Record<string, unknown> }
  loca: { offsets: number[] }
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array }
  getGlyph(gid: number): {
    advanceWidth: number
    _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null
    _getMetrics(): { leftBearing: number }
  }
}

const caches = new WeakMap<object, Map<number, GlyphData>>()
/** Glyphs kept per font (a few hundred bytes each; CJK text of a whole year of proofs stays far below). */
const GLYPHS_MAX = 30_000

function readGlyph(font: TtfFont, gid: number): GlyphData {
  const glyph = font.getGlyph(gid)
  const decoded = glyph._decode()
  const start = font.loca.offsets[gid] as number
  const end = font.loca.offsets[gid + 1] as number
  const stream = font._getTableStream('glyf')
  stream.pos += start
  // A copy: the cache must not pin (or share) the stream's buffer view.
  const bytes = new Uint8Array(stream.readBuffer(end - start))
  const components = decoded && decoded.numberOfContours < 0 ? (decoded.components ?? []).map((c) => ({ glyphID: c.glyphID, pos: c.pos })) : null
  return { bytes, components, advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing }
}

function isTtfSubset(subset: unknown): subset is TtfSubset {
  const s = subset as Partial<TtfSubset> | null
  return !!s && typeof s._addGlyph === 'function' && typeof s.includeGlyph === 'function'
}

/** Give the subset of the current font of `doc` (parsed from `font`) the process-wide glyph cache of that font. */
export function shareGlyphCache(doc: PdfDoc, font: object): void {
  const embedded = (doc as unknown as { _font?: { font?: unknown; subset?: unknown } })._font
  const f = font as TtfFont
  if (!embedded || embedded.font !== font || !isTtfSubset(embedded.subset)) return
  if (f._variationProcessor || !f.directory?.tables?.['glyf'] || f.directory.tables['CFF '] || !f.loca?.offsets) return
  let cache = caches.get(font)
  if (!cache) caches.set(font, (cache = new Map()))
  const glyphs = cache
  embedded.subset._addGlyph = function (this: TtfSubset, gid: number): number {
    let g = glyphs.get(gid)
    if (!g) {
      g = readGlyph(f, gid)
      if (glyphs.size < GLYPHS_MAX) glyphs.set(gid, g)
    }
    let bytes = g.bytes
    if (g.components) {
      // Renumber the components to this subset's ids (and include them), on a copy.
      bytes = new Uint8Array(g.bytes)
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      for (const c of g.components) view.setUint16(c.pos, this.includeGlyph(c.glyphID))
    }
    this.glyf.push(bytes)
    this.loca.offsets.push(this.offset)
    this.hmtx.metrics.push({ advance: g.advance, bearing: g.bearing })
    this.offset += bytes.length
    return this.glyf.length - 1
  }
}
