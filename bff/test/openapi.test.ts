import { apiRoutes, defineRoutes, ErrorBody, FenSchema, IdNumberSchema, PageQuery } from '@shebao/shared'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { buildOpenApiDocument, operationId } from '../src/http/openapi.ts'
import { apiRegistry } from '../src/http/api-registry.ts'

const Money = FenSchema.meta({ id: 'Fen', description: '金额（分）' })
const routes = defineRoutes([
  {
    method: 'POST',
    path: '/api/units/:unitId/bills/:period/pay',
    summary: '缴费',
    tag: 'unit',
    auth: 'unit',
    idempotent: true,
    status: 201,
    request: {
      params: z.object({ unitId: z.coerce.number().int(), period: z.coerce.number().int() }),
      query: PageQuery,
      body: z.object({ amount: Money, payer: z.object({ idNumber: IdNumberSchema }) })
    },
    response: z.object({ paid: Money, at: z.string() })
  },
  { method: 'GET', path: '/api/certificates/:id/pdf', summary: 'PDF', tag: 'certificates', auth: 'any', response: z.any(), contentType: 'application/pdf' }
])

describe('buildOpenApiDocument', () => {
  const doc = buildOpenApiDocument(routes, { errorBody: ErrorBody, serverUrl: 'http://x' }) as any

  it('is OpenAPI 3.1 with bearer security', () => {
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.servers).toEqual([{ url: 'http://x' }])
    expect(doc.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT (ES256)' })
  })

  it('documents params, query, idempotency, body, response, roles and errors', () => {
    const op = doc.paths['/api/units/{unitId}/bills/{period}/pay'].post
    expect(op.operationId).toBe('postUnitsByUnitIdBillsByPeriodPay')
    expect(op.tags).toEqual(['unit'])
    expect(op.security).toEqual([{ bearer: [] }])
    expect(op['x-auth']).toBe('unit')
    const names = op.parameters.map((p: any) => `${p.in}:${p.name}:${p.required}`)
    expect(names).toEqual(['path:unitId:true', 'path:period:true', 'query:page:false', 'query:pageSize:false', 'header:Idempotency-Key:false'])
    expect(op.parameters[0].schema.type).toBe('integer')
    expect(op.requestBody.required).toBe(true)
    const body = doc.components.schemas[op.requestBody.content['application/json'].schema.$ref.split('/').pop()]
    expect(body.properties.amount).toEqual({ $ref: '#/components/schemas/Fen' })
    expect(doc.components.schemas.Fen.description).toBe('金额（分）')
    expect(Object.keys(op.responses)).toEqual(['201', '400', '401', '403', '404', 'default'])
    expect(op.responses['401'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorBody' })
  })

  it('describes binary responses by content type, and public routes with empty security', () => {
    const pdf = doc.paths['/api/certificates/{id}/pdf'].get
    expect(pdf.responses['200'].content['application/pdf'].schema).toEqual({ type: 'string', format: 'binary' })
    expect(pdf.responses['403']).toBeUndefined()
    const full = buildOpenApiDocument(apiRoutes) as any
    expect(full.paths['/api/health'].get.security).toEqual([])
  })

  it('documents the whole registry with resolvable refs', () => {
    const full = buildOpenApiDocument(apiRegistry, { errorBody: ErrorBody }) as any
    expect(Object.keys(full.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/ready', '/api/openapi.json', '/api/.well-known/jwks.json']))
    for (const m of JSON.stringify(full).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
      expect(full.components.schemas[m[1]!], m[1]).toBeTruthy()
    }
  })

  it('names operations from method and path', () => {
    expect(operationId({ method: 'GET', path: '/api/health' })).toBe('getHealth')
    expect(operationId({ method: 'POST', path: '/api/auth/login-tickets/:ticketId/confirm' })).toBe('postAuthLoginTicketsByTicketIdConfirm')
  })
})
