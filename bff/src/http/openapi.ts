// OpenAPI 3.1 document built from the route registry in @shebao/shared (`apiRoutes`: the same zod schemas the
// BFF validates with and the miniapp types its client with), via zod 4's z.toJSONSchema (JSON Schema 2020-12 is
// OpenAPI 3.1's dialect). Request/response bodies become named components (the zod `id` from `.meta({ id })`
// when there is one, else `<OperationId>Body/Response`); `$defs` of nested ids are hoisted into components.
import { pathParams, toOpenApiPath, type ApiRoute } from '@shebao/shared'
import { z } from 'zod'

type JsonObject = Record<string, unknown>

export interface OpenApiOptions {
  title?: string
  version?: string
  description?: string
  serverUrl?: string
  /** Schema of the error envelope `{ error: { code, message, field?, requestId } }` (shared's ErrorBody). */
  errorBody?: z.ZodType
}

const ROLE_LABEL: Record<string, string> = { person: '参保人', unit: '单位经办人', reviewer: '中心审核', any: '任一已登录角色' }

/** `GET /api/cases/:serialNo/events` → `getCasesBySerialNoEvents`. */
export function operationId(route: Pick<ApiRoute, 'method' | 'path'>): string {
  const parts = route.path
    .replace(/^\/api\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((seg) => (seg.startsWith(':') ? `By${cap(seg.slice(1))}` : cap(seg.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')))))
  return route.method.toLowerCase() + parts.join('')
}

export function buildOpenApiDocument(routes: readonly ApiRoute[], opts: OpenApiOptions = {}): JsonObject {
  const components: Record<string, JsonObject> = {}
  const paths: Record<string, Record<string, JsonObject>> = {}

  const errorSchema = opts.errorBody ? toSchema(opts.errorBody, 'output', components) : fallbackErrorSchema()
  const errorRef = isRefOnly(errorSchema) ? errorSchema : { $ref: '#/components/schemas/ErrorBody' }
  if (!isRefOnly(errorSchema)) components['ErrorBody'] = errorSchema
  const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: errorRef } } })

  const sorted = [...routes].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method))
  for (const route of sorted) {
    const method = route.method.toLowerCase()
    const oasPath = toOpenApiPath(route.path)
    const opId = operationId(route)
    const op: JsonObject = { operationId: opId, summary: route.summary, tags: [route.tag] }

    const parameters: JsonObject[] = []
    const params = route.request?.params ? objectProperties(route.request.params, components) : { properties: {}, required: [] }
    for (const name of pathParams(route.path)) {
      parameters.push({ name, in: 'path', required: true, schema: params.properties[name] ?? { type: 'string' } })
    }
    if (route.request?.query) {
      const q = objectProperties(route.request.query, components)
      for (const [name, schema] of Object.entries(q.properties)) {
        const param: JsonObject = { name, in: 'query', required: q.required.includes(name) && !('default' in schema), schema }
        if (typeof schema['description'] === 'string') param['description'] = schema['description']
        parameters.push(param)
      }
    }
    if (route.idempotent) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: '幂等键：同一键重复提交返回第一次的结果',
        schema: { type: 'string', maxLength: 128 }
      })
    }
    if (parameters.length) op['parameters'] = parameters

    const body = route.request?.body
    if (body) {
      op['requestBody'] = {
        required: !body.safeParse(undefined).success,
        content: { 'application/json': { schema: schemaRef(body, 'input', components, `${cap(opId)}Body`) } }
      }
    }

    const status = String(route.status ?? 200)
    const responses: JsonObject = {}
    if (route.contentType && route.contentType !== 'application/json') {
      const binary = !route.contentType.startsWith('text/')
      responses[status] = {
        description: '成功',
        content: { [route.contentType]: { schema: binary ? { type: 'string', format: 'binary' } : { type: 'string' } } }
      }
    } else {
      responses[status] = {
        description: '成功',
        content: { 'application/json': { schema: schemaRef(route.response, 'output', components, `${cap(opId)}Response`) } }
      }
    }

    if (route.auth === 'none') {
      op['security'] = []
    } else {
      op['security'] = [{ bearer: [] }]
      op['x-auth'] = route.auth
      op['description'] = `调用方：${ROLE_LABEL[route.auth] ?? route.auth}`
      responses['401'] = errorResponse('未登录或登录已过期 (UNAUTHENTICATED / TOKEN_EXPIRED)')
      if (route.auth !== 'any') responses['403'] = errorResponse('角色不符 (FORBIDDEN)')
    }
    if (route.request?.body || route.request?.params || route.request?.query) {
      responses['400'] = errorResponse('请求参数有误 (VALIDATION_FAILED)')
    }
    if (pathParams(route.path).length) responses['404'] = errorResponse('记录不存在 (NOT_FOUND)')
    responses['default'] = errorResponse('其他错误（code 见错误目录）')
    op['responses'] = responses

    ;(paths[oasPath] ??= {})[method] = op
  }

  const info: JsonObject = { title: opts.title ?? '掌上社保 API', version: opts.version ?? '0.1.0' }
  if (opts.description) info['description'] = opts.description
  const doc: JsonObject = {
    openapi: '3.1.0',
    info,
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (ES256)' } }
    }
  }
  if (opts.serverUrl) doc['servers'] = [{ url: opts.serverUrl }]
  return doc
}

function cap(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s
}

/** JSON Schema for a zod schema with its `$defs` moved into components and refs rewritten. */
function toSchema(schema: z.ZodType, io: 'input' | 'output', components: Record<string, JsonObject>): JsonObject {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonObject
  delete json['$schema']
  const defs = json['$defs'] as Record<string, JsonObject> | undefined
  delete json['$defs']
  const renames = new Map<string, string>()
  for (const [name, def] of Object.entries(defs ?? {})) {
    let target = name
    const existing = components[target]
    if (existing && JSON.stringify(existing) !== JSON.stringify(rewriteRefs(def, renames))) {
      target = io === 'input' ? `${name}Input` : `${name}Output`
    }
    renames.set(name, target)
  }
  for (const [name, def] of Object.entries(defs ?? {})) {
    components[renames.get(name) as string] ??= rewriteRefs(def, renames) as JsonObject
  }
  return rewriteRefs(json, renames) as JsonObject
}

function rewriteRefs(value: unknown, renames: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, renames))
  if (!value || typeof value !== 'object') return value
  const out: JsonObject = {}
  for (const [k, v] of Object.entries(value)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')) {
      const name = v.slice('#/$defs/'.length)
      out[k] = `#/components/schemas/${renames.get(name) ?? name}`
    } else out[k] = rewriteRefs(v, renames)
  }
  return out
}

/** A $ref to a named component (named by its zod id, else `fallbackName`) for request/response bodies. */
function schemaRef(schema: z.ZodType, io: 'input' | 'output', components: Record<string, JsonObject>, fallbackName: string): JsonObject {
  const json = toSchema(schema, io, components)
  if (isRefOnly(json)) return json // the schema itself has an id: already a component
  const id = (z.globalRegistry.get(schema) as { id?: unknown } | undefined)?.id
  let name = typeof id === 'string' ? id : fallbackName
  if (components[name] && JSON.stringify(components[name]) !== JSON.stringify(json)) name = `${name}${io === 'input' ? 'Input' : 'Output'}`
  components[name] = json
  return { $ref: `#/components/schemas/${name}` }
}

function objectProperties(schema: z.ZodType, components: Record<string, JsonObject>): { properties: Record<string, JsonObject>; required: string[] } {
  let json = toSchema(schema, 'input', components)
  if (isRefOnly(json)) json = components[String(json['$ref']).replace('#/components/schemas/', '')] ?? {}
  return {
    properties: (json['properties'] as Record<string, JsonObject> | undefined) ?? {},
    required: (json['required'] as string[] | undefined) ?? []
  }
}

function isRefOnly(json: JsonObject): boolean {
  return typeof json['$ref'] === 'string' && Object.keys(json).length === 1
}

function fallbackErrorSchema(): JsonObject {
  return {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message', 'requestId'],
        properties: {
          code: { type: 'string', description: '错误码（见错误目录）' },
          message: { type: 'string', description: '面向用户的中文说明' },
          field: { type: 'string', description: '出错的字段路径' },
          requestId: { type: 'string' },
          meta: { type: 'object' }
        }
      }
    }
  }
}
