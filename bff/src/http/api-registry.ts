// The endpoint list the BFF documents (and checks its routers against): shared's `apiRoutes` plus the few
// infrastructure endpoints that exist only on the BFF side.
import { apiRoutes, defineRoutes, ErrorBody, type ApiRoute } from '@shebao/shared'
import { z } from 'zod'

export const errorBodySchema = ErrorBody

const Jwks = z.object({
  keys: z.array(
    z.object({
      kty: z.literal('EC'),
      crv: z.literal('P-256'),
      x: z.string(),
      y: z.string(),
      kid: z.string().describe('RFC 7638 thumbprint'),
      alg: z.literal('ES256'),
      use: z.literal('sig')
    })
  )
})

/** BFF-only infrastructure endpoints: the mini-program never calls them, so they stay out of shared's client-facing
 *  registry and are documented from here. */
export const bffOnlyRoutes = defineRoutes([
  { method: 'GET', path: '/api/openapi.json', summary: 'OpenAPI 3.1 接口文档', tag: 'system', auth: 'none', response: z.record(z.string(), z.unknown()) },
  { method: 'GET', path: '/api/.well-known/jwks.json', summary: '签名公钥（JWKS，ES256）', tag: 'system', auth: 'none', response: Jwks }
])

export const apiRegistry: readonly ApiRoute[] = [...apiRoutes, ...bffOnlyRoutes]
