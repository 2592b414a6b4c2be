import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { computeInlineScriptHashes } from '../src/http/static-h5.ts'

describe('computeInlineScriptHashes', () => {
  it('hashes inline scripts only (as CSP expects: sha256 of the exact text, base64)', () => {
    const inline = "\n  !function(n){var e=n.document.documentElement}(window);\n"
    const html = `<html><head><script>${inline}</script><script src="/js/a.js"></script><script type="application/ld+json">{"a":1}</script><script></script></head></html>`
    const expected = `'sha256-${crypto.createHash('sha256').update(inline).digest('base64')}'`
    expect(computeInlineScriptHashes(html)).toEqual([expected])
  })

  it('finds none in a page without inline scripts', () => {
    expect(computeInlineScriptHashes('<html><script defer src="x.js"></script></html>')).toEqual([])
  })
})
