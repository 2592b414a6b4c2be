// Mount a registry route on a router: the method, path, guard and zod schemas come from the route's entry in
// @shebao/shared, so what is documented is what is enforced.
//
//   mountRoute(router, deps, caseRoutes.submit, async ({ params, body, auth }) => submitCase(deps.prisma, auth, params, body))
//
// The handler returns the response body (status from the entry, default 200). For non-JSON routes (entry has
// `contentType`) the handler sets ctx.body itself and returns undefined.
import type { Router } from '@koa/router'
import type { ApiRoute, RouteBody, RouteParams, RouteQuery, RouteResponse } from '@shebao/shared'
import type { Context, Middleware } from 'koa'
import type { z } from 'zod'
import type { ModuleDeps } from '../deps.ts'
import type { AuthContext } from './auth.ts'

type Parsed<R extends ApiRoute, K extends 'params' | 'query' | 'body'> = R['request'] extends { readonly [P in K]: infer S extends z.ZodType }
  ? z.output<S>
  : undefined

export interface RouteInput<R extends ApiRoute> {
  params: Parsed<R, 'params'>
  query: Parsed<R, 'query'>
  body: Parsed<R, 'body'>
  /** Present on every route whose auth is not 'none'. */
  auth: R['auth'] extends 'none' ? AuthContext | undefined : AuthContext
  ctx: Context
}

export type RouteHandler<R extends ApiRoute> = (input: RouteInput<R>) => Promise<RouteResponse<R> | undefined> | RouteResponse<R> | undefined

export interface MountOptions {
  /** Extra middleware run after the guard and before parsing (e.g. rateLimit()). */
  before?: Middleware[]
}

export function mountRoute<R extends ApiRoute>(router: Router, deps: ModuleDeps, route: R, handler: RouteHandler<R>, opts: MountOptions = {}): void {
  const guard: Middleware[] =
    route.auth === 'none' ? [] : [deps.auth.requireAuth(route.auth === 'any' ? undefined : route.auth)]
  const run: Middleware = async (ctx) => {
    const req = route.request
    // Params first (a bad id is about the resource), then query, then body. Zod errors → 400 VALIDATION_FAILED.
    const params = req?.params ? await req.params.parseAsync(ctx.params ?? {}) : undefined
    const query = req?.query ? await req.query.parseAsync(ctx.query) : undefined
    const body = req?.body ? await req.body.parseAsync(ctx.request.body) : undefined
    const result = await handler({ params, query, body, auth: ctx.state.auth, ctx } as RouteInput<R>)
    if (route.contentType && route.contentType !== 'application/json') return
    // A handler may set another status for a body of the same shape (e.g. /api/ready's 503); Koa's untouched
    // default is 404. A handler that set ctx.body itself (a pre-serialised document) returns undefined.
    const status = ctx.status === 404 || ctx.status === 200 ? (route.status ?? 200) : ctx.status
    if (result !== undefined) ctx.body = result
    if (ctx.body == null) ctx.status = 204
    else ctx.status = status
  }
  const stack = [...guard, ...(opts.before ?? []), run]
  switch (route.method) {
    case 'GET':
      router.get(route.path, ...stack)
      break
    case 'POST':
      router.post(route.path, ...stack)
      break
    case 'PUT':
      router.put(route.path, ...stack)
      break
    case 'PATCH':
      router.patch(route.path, ...stack)
      break
    case 'DELETE':
      router.delete(route.path, ...stack)
      break
  }
}

/** The typed entry for METHOD path in a route list: `routeOf(systemRoutes, 'GET', '/api/health')`. */
export function routeOf<
  const Rs extends readonly ApiRoute[],
  M extends Rs[number]['method'],
  P extends Extract<Rs[number], { method: M }>['path']
>(routes: Rs, method: M, path: P): Extract<Rs[number], { method: M; path: P }> {
  const r = routes.find((x) => x.method === method && x.path === path)
  if (!r) throw new Error(`no route ${method} ${path} in the registry`)
  return r as Extract<Rs[number], { method: M; path: P }>
}

// Re-exported for handlers' signatures.
export type { RouteBody, RouteParams, RouteQuery, RouteResponse }
