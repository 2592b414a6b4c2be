// The one OpenAPI document of the BFF: served at /api/openapi.json and written to docs/openapi.json by
// `npm run openapi` (bff/test/openapi-doc.test.ts fails when the committed copy is stale).
import { apiRegistry, errorBodySchema } from './api-registry.ts'
import { buildOpenApiDocument } from './openapi.ts'
import pkg from '../../package.json' with { type: 'json' }

export function bffOpenApiDocument(serverUrl?: string): Record<string, unknown> {
  return buildOpenApiDocument(apiRegistry, {
    version: pkg.version,
    errorBody: errorBodySchema,
    ...(serverUrl === undefined ? {} : { serverUrl })
  })
}

/** The committed copy: no server URL (it depends on where the BFF runs), stable formatting. */
export function openApiDocumentText(): string {
  return JSON.stringify(bffOpenApiDocument(), null, 2) + '\n'
}
