// pdfkit shapes every string with fontkit (OpenType layout) and caches the result per document; the labels, notes
// and column titles of our PDFs repeat across documents, so share that cache per font across documents (bounded).
// Cached runs are read-only for pdfkit (glyph ids and positions, subset inclusion happens at encode time).
import type PDFDocument from 'pdfkit'

type Doc = InstanceType<typeof PDFDocument>

const layoutCaches = new Map<object, { entries: Record<string, unknown>; size: number }>()
const LAYOUT_CACHE_MAX = 20_000

/** Point the registered font `name` of `doc` (parsed from `font`) at the process-wide layout cache of that font. */
export function shareLayoutCache(doc: Doc, name: string, font: object): void {
  doc.font(name)
  const embedded = (doc as unknown as { _font?: { layoutCache?: Record<string, unknown> } })._font
  if (!embedded || !embedded.layoutCache) return
  let shared = layoutCaches.get(font)
  if (!shared || shared.size > LAYOUT_CACHE_MAX) {
    shared = { entries: Object.create(null) as Record<string, unknown>, size: 0 }
    layoutCaches.set(font, shared)
  }
  const cache = shared
  embedded.layoutCache = new Proxy(cache.entries, {
    set(target, key, value) {
      if (!(key in target)) cache.size++
      return Reflect.set(target, key, value)
    }
  })
}
