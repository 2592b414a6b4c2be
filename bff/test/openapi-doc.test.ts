// docs/openapi.json must be the document the BFF serves (regenerate with `npm run openapi`).
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../src/config.ts'
import { openApiDocumentText } from '../src/http/openapi-document.ts'

describe('docs/openapi.json', () => {
  it('matches the registry (run `npm run openapi` after changing an endpoint)', () => {
    const committed = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'openapi.json'), 'utf8')
    expect(committed === openApiDocumentText(), 'docs/openapi.json is stale: run `npm run openapi`').toBe(true)
  })
})
