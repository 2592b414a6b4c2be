// `npm run openapi`: write docs/openapi.json from the shared route registry (the same document /api/openapi.json serves).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { openApiDocumentText } from '../bff/src/http/openapi-document.ts'

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'openapi.json')
fs.writeFileSync(out, openApiDocumentText())
console.log(`wrote ${path.relative(process.cwd(), out)}`)
