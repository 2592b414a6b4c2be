// `prisma generate` without internet — the ONLY place that knows this trick (ARCHITECTURE.md, TOOLCHAIN.md).
//
// The Prisma CLI wants its native schema engine before any command and downloads it from binaries.prisma.sh, which
// these machines cannot reach. `generate` never runs that engine, so pointing PRISMA_SCHEMA_ENGINE_BINARY at any
// existing file is enough (Prisma 7 has no query-engine binary any more: the client uses the WebAssembly query
// compiler shipped in the npm package plus the driver adapter). A real engine path set by the caller is respected.
//
//   node scripts/prisma-generate.mjs [--force]      (npm run prisma:generate)
//
// Skips when the client in bff/src/db/generated was generated from the same schema text by the same Prisma version
// (a stamp file next to it), unless --force.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCHEMA = path.join(ROOT, 'prisma', 'schema.prisma');
const require = createRequire(import.meta.url);

/** The client generator's output folder, read from schema.prisma (relative to the schema file). */
function outputDir(schemaText) {
  const block = /generator\s+client\s*\{([\s\S]*?)\}/.exec(schemaText)?.[1] ?? '';
  const out = /^\s*output\s*=\s*"([^"]+)"/m.exec(block)?.[1];
  return out ? path.resolve(path.dirname(SCHEMA), out) : null;
}

/**
 * Generate the Prisma client. Returns { generated: boolean, ms, output }.
 * @param {{ force?: boolean, log?: (msg: string) => void }} [opts]
 */
export function prismaGenerate({ force = false, log = (m) => console.log(`[prisma] ${m}`) } = {}) {
  const t0 = Date.now();
  if (!fs.existsSync(SCHEMA)) throw new Error(`${path.relative(ROOT, SCHEMA)} not found`);
  const schemaText = fs.readFileSync(SCHEMA, 'utf8');
  const pkgJson = require.resolve('prisma/package.json');
  const prismaVersion = JSON.parse(fs.readFileSync(pkgJson, 'utf8')).version;
  const out = outputDir(schemaText);
  const stampFile = out ? path.join(out, '.generate-stamp') : null;
  const stamp = createHash('sha256').update(`prisma ${prismaVersion}\n`).update(schemaText).digest('hex');

  if (!force && stampFile && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8').trim() === stamp && fs.existsSync(path.join(out, 'client.ts'))) {
    log(`client is up to date (${path.relative(ROOT, out)})`);
    return { generated: false, ms: Date.now() - t0, output: out };
  }

  const env = { ...process.env };
  if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !fs.existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
    const dummy = path.join(ROOT, '.data', 'prisma-offline', 'schema-engine');
    fs.mkdirSync(path.dirname(dummy), { recursive: true });
    fs.writeFileSync(
      dummy,
      '#!/bin/sh\necho "placeholder from scripts/prisma-generate.mjs: Prisma\'s schema engine is not available offline;' +
        ' migrations are applied by bff/src/db/migrate.ts" >&2\nexit 1\n',
      { mode: 0o755 },
    );
    env.PRISMA_SCHEMA_ENGINE_BINARY = dummy;
  }
  env.PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING = '1'; // no .sha256 download for the placeholder
  env.CHECKPOINT_DISABLE = '1'; // no update/telemetry check (it would only time out)
  env.PRISMA_HIDE_UPDATE_MESSAGE = '1';

  const cli = path.join(path.dirname(pkgJson), 'build', 'index.js');
  const r = spawnSync(process.execPath, [cli, 'generate', '--schema', SCHEMA], { cwd: ROOT, env, encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`prisma generate failed (exit ${r.status}):\n${(r.stdout || '') + (r.stderr || '')}`.trim());
  }
  if (stampFile) fs.writeFileSync(stampFile, stamp + '\n');
  const ms = Date.now() - t0;
  log(`generated client (prisma ${prismaVersion}) into ${out ? path.relative(ROOT, out) : '?'} in ${ms} ms`);
  return { generated: true, ms, output: out };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    prismaGenerate({ force: process.argv.includes('--force') });
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
