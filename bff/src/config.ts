// Environment → typed configuration, parsed once with zod at startup. Nothing else reads process.env.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

/** Repository root (…/bff/src/config.ts → …). Relative paths in the environment are resolved from here. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)
const optionalString = z.preprocess(emptyToUndefined, z.string().optional())
const boolFromEnv = (fallback: boolean) =>
  z.preprocess(emptyToUndefined, z.enum(['1', '0', 'true', 'false', 'yes', 'no']).optional())
    .transform((v) => (v === undefined ? fallback : v === '1' || v === 'true' || v === 'yes'))

const envSchema = z.object({
  NODE_ENV: z.preprocess(emptyToUndefined, z.enum(['development', 'test', 'production']).default('development')),
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
  HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z.string({ error: 'DATABASE_URL is required (mysql://user:pass@host:port/db)' })
      .regex(/^(mysql|mariadb):\/\//, 'DATABASE_URL must start with mysql:// or mariadb://')
  ),
  DB_POOL_SIZE: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(200).default(10)),
  PUBLIC_BASE_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  CORS_ORIGINS: optionalString,
  H5_DIST_DIR: optionalString,
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(LOG_LEVELS).optional()),
  /** ES256 (P-256) private key in PEM (PKCS#8 or SEC1). `\n` escapes are accepted for one-line env values. */
  JWT_PRIVATE_KEY_PEM: optionalString,
  /** Where the development key pair is generated and kept when JWT_PRIVATE_KEY_PEM is absent. */
  KEYS_DIR: optionalString,
  /** Honour X-Forwarded-For / X-Forwarded-Proto (only behind a trusted reverse proxy). */
  TRUST_PROXY: boolFromEnv(false),
  /** Public certificate verification (POST/GET /api/verify): attempts per IP per minute (default 30). */
  CERT_VERIFY_RATE_PER_MINUTE: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(30))
})

export interface Config {
  nodeEnv: 'development' | 'test' | 'production'
  port: number
  host: string
  databaseUrl: string
  dbPoolSize: number
  /** Origin the public sees (no trailing slash); used in QR/verification URLs, HSTS decision. */
  publicBaseUrl: string
  corsOrigins: string[]
  h5DistDir: string
  logLevel: (typeof LOG_LEVELS)[number]
  jwtPrivateKeyPem?: string
  keysDir: string
  trustProxy: boolean
  /** Verification attempts per IP per minute (CERT_VERIFY_RATE_PER_MINUTE; benchmarks raise it). */
  certVerifyRatePerMinute: number
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`)
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  const publicBaseUrl = (e.PUBLIC_BASE_URL ?? `http://127.0.0.1:${e.PORT}`).replace(/\/+$/, '')
  const corsOrigins = (e.CORS_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim().replace(/\/+$/, ''))
    .filter(Boolean)
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) throw new ConfigError(`Invalid CORS_ORIGINS entry: ${origin}`)
  }
  const config: Config = {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dbPoolSize: e.DB_POOL_SIZE,
    publicBaseUrl,
    corsOrigins,
    h5DistDir: path.resolve(REPO_ROOT, e.H5_DIST_DIR ?? 'miniapp/dist-h5'),
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'warn' : 'info'),
    keysDir: path.resolve(REPO_ROOT, e.KEYS_DIR ?? '.data/keys'),
    trustProxy: e.TRUST_PROXY,
    certVerifyRatePerMinute: e.CERT_VERIFY_RATE_PER_MINUTE
  }
  if (e.JWT_PRIVATE_KEY_PEM) config.jwtPrivateKeyPem = e.JWT_PRIVATE_KEY_PEM.replace(/\\n/g, '\n')
  return config
}
