/** System endpoints: liveness and readiness. */
import { z } from 'zod';
import { defineRoutes } from './route';

/** GET /api/health — the process is up (no dependencies checked). */
export const HealthResponse = z.object({
  status: z.literal('ok'),
  /** Package version of the BFF. */
  version: z.string().optional(),
  /** Server time, ISO 8601. */
  time: z.string(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

export const ReadyCheck = z.object({
  ok: z.boolean(),
  latencyMs: z.number().optional(),
  /** Short reason when not ok (never a stack trace or a connection string). */
  error: z.string().optional(),
});
export type ReadyCheck = z.infer<typeof ReadyCheck>;

/** GET /api/ready — dependencies reachable (database, migrations applied). 503 with the same body when not. */
export const ReadyResponse = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.record(z.string(), ReadyCheck),
});
export type ReadyResponse = z.infer<typeof ReadyResponse>;

export const systemRoutes = defineRoutes([
  { method: 'GET', path: '/api/health', summary: '存活检查', tag: 'system', auth: 'none', response: HealthResponse },
  { method: 'GET', path: '/api/ready', summary: '就绪检查（数据库等依赖）', tag: 'system', auth: 'none', response: ReadyResponse },
]);
