#!/usr/bin/env node
// WeChat package-size gate, run after `taro build --type weapp`.
// Main package = every file under dist/ that is not inside a subpackage root (from dist/app.json subPackages);
// each subpackage = its root folder. WeChat's limits: main ≤ 2 MB, each subpackage ≤ 2 MB. Exit 1 when over.
// Usage: node scripts/package-size.mjs [distDir]
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const LIMIT = 2 * 1024 * 1024
const here = path.dirname(fileURLToPath(import.meta.url))
const dist = path.resolve(process.argv[2] ?? path.join(here, '../dist'))

// Files the developer tools do not upload (source maps, licence banners).
const IGNORED = [/\.map$/, /\.LICENSE\.txt$/]

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) walk(full, out)
    else if (!IGNORED.some((re) => re.test(entry.name))) out.push(full)
  }
  return out
}

const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KiB'
const pct = (n) => ((100 * n) / LIMIT).toFixed(1).padStart(5) + ' %'

const appJsonPath = path.join(dist, 'app.json')
if (!fs.existsSync(appJsonPath)) {
  console.error(`package-size: ${appJsonPath} not found; run \`npm run build:weapp\` first`)
  process.exit(1)
}
const appJson = JSON.parse(fs.readFileSync(appJsonPath, 'utf8'))
const subPackages = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => ({
  name: p.name ?? p.root,
  root: p.root.replace(/\/+$/, '') + '/'
}))

const sizes = new Map([['(main)', { bytes: 0, files: 0 }]])
for (const sp of subPackages) sizes.set(sp.root, { bytes: 0, files: 0, name: sp.name })

for (const file of walk(dist)) {
  const rel = path.relative(dist, file).split(path.sep).join('/')
  const sp = subPackages.find((p) => rel.startsWith(p.root))
  const bucket = sizes.get(sp ? sp.root : '(main)')
  bucket.bytes += fs.statSync(file).size
  bucket.files++
}

let failed = false
let total = 0
console.log(`\nWeChat package sizes (${path.relative(process.cwd(), dist) || dist}), limit 2 MiB each\n`)
console.log('package'.padEnd(24) + 'files'.padStart(6) + 'size'.padStart(14) + 'of limit'.padStart(10))
for (const [key, { bytes, files }] of sizes) {
  total += bytes
  const over = bytes > LIMIT
  failed ||= over
  console.log(key.padEnd(24) + String(files).padStart(6) + kb(bytes).padStart(14) + pct(bytes).padStart(10) + (over ? '  OVER LIMIT' : ''))
}
console.log('total'.padEnd(24) + ''.padStart(6) + kb(total).padStart(14))
if (failed) {
  console.error('\npackage-size: a package is over 2 MiB; move pages or components into subpackages')
  process.exit(1)
}
