#!/usr/bin/env node
// First-load JS of the H5 build: the <script src> files that dist-h5/index.html loads before the first page
// renders (raw and gzip -9), plus the CSS it links and the total of all JS for reference.
// Usage: node scripts/h5-size.mjs [distDir]
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const dist = path.resolve(process.argv[2] ?? path.join(here, '../dist-h5'))
const indexHtml = path.join(dist, 'index.html')
if (!fs.existsSync(indexHtml)) {
  console.error(`h5-size: ${indexHtml} not found; run \`npm run build:h5\` first`)
  process.exit(1)
}
const html = fs.readFileSync(indexHtml, 'utf8')

const local = (ref) => path.join(dist, ref.replace(/^https?:\/\/[^/]+/, '').replace(/^\//, '').split('?')[0])
const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1])
const styles = [...html.matchAll(/<link\b[^>]*\bhref="([^"]+\.css)"/g)].map((m) => m[1])
const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).filter((s) => s.trim())

function measure(file) {
  const buf = fs.readFileSync(file)
  return { raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length }
}
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KiB'

function table(title, refs) {
  let raw = 0
  let gzip = 0
  console.log(`\n${title}`)
  for (const ref of refs) {
    const s = measure(local(ref))
    raw += s.raw
    gzip += s.gzip
    console.log('  ' + ref.padEnd(36) + kb(s.raw) + kb(s.gzip) + ' gz')
  }
  console.log('  ' + 'total'.padEnd(36) + kb(raw) + kb(gzip) + ' gz')
  return { raw, gzip }
}

const js = table('First-load JS (scripts in index.html)', scripts)
table('First-load CSS (stylesheets in index.html)', styles)

const allJs = fs.readdirSync(path.join(dist, 'js')).filter((f) => f.endsWith('.js'))
let allRaw = 0
let allGz = 0
for (const f of allJs) {
  const s = measure(path.join(dist, 'js', f))
  allRaw += s.raw
  allGz += s.gzip
}
console.log(`\nAll JS (${allJs.length} files, incl. lazy pages)`.padEnd(39) + kb(allRaw) + kb(allGz) + ' gz')
console.log(`Inline <script> blocks in index.html: ${inline.length}${inline.length ? ' (CSP script-src \'self\' will block them)' : ''}`)
console.log(`\nFIRST_LOAD_JS raw=${js.raw} gzip=${js.gzip}`)
