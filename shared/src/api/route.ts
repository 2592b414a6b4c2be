/**
 * The endpoint registry: every endpoint is one `ApiRoute` (method, path, summary, tag, who may call it, zod
 * schemas for params / query / body / response). The BFF mounts and validates with them and builds its OpenAPI
 * document from `apiRoutes`; the mini-program types its API client with `RouteResponse` / `RouteBody`.
 *
 * Each area keeps its endpoints in its own file (`api/auth.ts`, `api/person.ts` …) exporting
 * `xxxRoutes = defineRoutes([...])`; `api/index.ts` concatenates them into `apiRoutes`.
 */
import type { z } from 'zod';
import type { Role } from '../codes/status';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call: nobody signed in required ('none'), any signed-in role ('any'), or one role. */
export type ApiAuth = 'none' | 'person' | 'unit' | 'reviewer' | 'any';

export interface ApiRequestSchemas {
  /** Path parameters (`:id` in the path), usually coercing from strings. */
  readonly params?: z.ZodType;
  /** Query string, coercing from strings. */
  readonly query?: z.ZodType;
  /** JSON body. */
  readonly body?: z.ZodType;
}

export interface ApiRoute {
  readonly method: HttpMethod;
  /** Koa-router style, parameters as `:name`: '/api/cases/:serialNo'. */
  readonly path: string;
  /** One line for the OpenAPI summary. */
  readonly summary: string;
  /** OpenAPI tag (area): 'system', 'auth', 'person', 'unit', 'cases', 'certificates', 'review' … */
  readonly tag: string;
  readonly auth: ApiAuth;
  readonly request?: ApiRequestSchemas;
  /** Success body schema (for non-JSON bodies, describe the JSON alternative or use z.any() with contentType). */
  readonly response: z.ZodType;
  /** Success status (default 200; 201 for creations). */
  readonly status?: number;
  /** Non-JSON success content type: 'application/pdf', 'text/event-stream', 'image/png' … */
  readonly contentType?: string;
  /** Accepts an `Idempotency-Key` header (every submission does). */
  readonly idempotent?: boolean;
}

/** Identity helper that keeps the literal types of one route. */
export function defineRoute<const R extends ApiRoute>(route: R): R {
  return route;
}

/** Identity helper for an area's route list, keeping literal types. */
export function defineRoutes<const R extends readonly ApiRoute[]>(routes: R): R {
  return routes;
}

/** z.output of a route's response. */
export type RouteResponse<R extends ApiRoute> = z.output<R['response']>;
/** z.input of a route's body (what the client sends). */
export type RouteBody<R extends ApiRoute> = R['request'] extends { readonly body: infer B extends z.ZodType } ? z.input<B> : never;
/** z.input of a route's query. */
export type RouteQuery<R extends ApiRoute> = R['request'] extends { readonly query: infer Q extends z.ZodType } ? z.input<Q> : never;
/** z.input of a route's path parameters. */
export type RouteParams<R extends ApiRoute> = R['request'] extends { readonly params: infer P extends z.ZodType } ? z.input<P> : never;

const AUTH_ROLE: Record<'person' | 'unit' | 'reviewer', Role> = { person: 'PERSON', unit: 'UNIT', reviewer: 'REVIEWER' };

/** May a caller with `role` (null = not signed in) call a route guarded by `auth`? */
export function authAllows(auth: ApiAuth, role: Role | null | undefined): boolean {
  if (auth === 'none') return true;
  if (role === null || role === undefined) return false;
  if (auth === 'any') return true;
  return AUTH_ROLE[auth] === role;
}

/** ':name' parameters of a path, in order. */
export function pathParams(path: string): string[] {
  return (path.match(/:[A-Za-z_][A-Za-z0-9_]*/g) ?? []).map((p) => p.slice(1));
}

/** '/api/cases/:serialNo' → '/api/cases/{serialNo}' (OpenAPI form). */
export function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
}

/** "METHOD path" keys that occur more than once (paths compared with parameter names erased). */
export function findDuplicateRoutes(routes: readonly ApiRoute[]): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const r of routes) {
    const key = `${r.method} ${r.path.replace(/:[A-Za-z_][A-Za-z0-9_]*/g, ':')}`;
    if (seen.has(key)) dups.add(`${r.method} ${r.path}`);
    seen.add(key);
  }
  return [...dups];
}
