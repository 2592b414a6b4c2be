// Prisma's own schema parser, offline: the `prisma` CLI package ships the prisma-schema WebAssembly module
// (build/prisma_schema_build_bg.wasm, the same code as @prisma/prisma-schema-wasm that @prisma/internals' getDMMF
// calls). Its wasm-bindgen glue is bundled inside the CLI and not exported, so this file is a minimal glue of our own
// (four imports, strings in and out). Only `get_dmmf` is used. If a Prisma upgrade changes the wasm's import names,
// loadPrismaSchemaWasm() fails loudly; compare with the glue in node_modules/prisma/build/cli.js (`vo.get_dmmf`).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
let wasm = null;
let panicMessage = '';

function loadPrismaSchemaWasm() {
  if (wasm) return wasm;
  const file = path.join(path.dirname(require.resolve('prisma/package.json')), 'build', 'prisma_schema_build_bg.wasm');
  const module = new WebAssembly.Module(fs.readFileSync(file));
  const dec = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
  const str = (ptr, len) => dec.decode(new Uint8Array(wasm.memory.buffer).subarray(ptr >>> 0, (ptr >>> 0) + len));
  const glue = {};
  for (const imp of WebAssembly.Module.imports(module)) {
    const n = imp.name;
    if (n.startsWith('__wbg_Error_')) glue[n] = (p, l) => new Error(str(p, l));
    else if (n.startsWith('__wbg___wbindgen_throw_')) glue[n] = (p, l) => { throw new Error(str(p, l)); };
    else if (n.startsWith('__wbg_set_message_')) glue[n] = (p, l) => { panicMessage = str(p, l); };
    else if (n === '__wbindgen_init_externref_table') {
      glue[n] = () => {
        const t = wasm.__wbindgen_externrefs;
        const o = t.grow(4);
        t.set(0, undefined); t.set(o, undefined); t.set(o + 1, null); t.set(o + 2, true); t.set(o + 3, false);
      };
    } else throw new Error(`prisma-dmmf: unknown wasm import ${imp.module}.${n} (Prisma upgraded? see scripts/lib/prisma-dmmf.mjs)`);
  }
  wasm = new WebAssembly.Instance(module, { __wbindgen_placeholder__: glue }).exports;
  wasm.__wbindgen_start();
  return wasm;
}

/** Prisma's DMMF ({ datamodel: { models, enums, indexes, … }, schema, mappings }) for a schema string. */
export function getDMMF(prismaSchema) {
  const w = loadPrismaSchemaWasm();
  const input = new TextEncoder().encode(JSON.stringify({ prismaSchema, noColor: true }));
  const ptr = w.__wbindgen_malloc(input.length, 1) >>> 0;
  new Uint8Array(w.memory.buffer).set(input, ptr);
  let ret;
  try {
    ret = w.get_dmmf(ptr, input.length);
  } catch (e) {
    throw new Error(`prisma get_dmmf panicked: ${panicMessage || e.message}`);
  }
  const [outPtr, outLen, errRef, isErr] = ret;
  if (isErr) {
    const err = w.__wbindgen_externrefs.get(errRef);
    w.__externref_table_dealloc(errRef);
    throw new Error(`Prisma schema is invalid:\n${err?.message ?? err}`);
  }
  const text = new TextDecoder().decode(new Uint8Array(w.memory.buffer).subarray(outPtr >>> 0, (outPtr >>> 0) + outLen));
  w.__wbindgen_free(outPtr, outLen, 1);
  return JSON.parse(text);
}

/** getDMMF of a schema file. */
export function getDMMFFromFile(file) {
  return getDMMF(fs.readFileSync(file, 'utf8'));
}

/**
 * Foreign-key constraint names given with `@relation(…, map: "name")`. Prisma's DMMF does not carry them, so this
 * reads them from the schema text: Map of "Model.relationField" → name. (Narrow on purpose: it only looks at
 * `@relation(...)` on field lines inside `model` blocks.)
 */
export function relationMapNames(source) {
  const out = new Map();
  let model = null;
  for (const line of source.split('\n')) {
    const head = /^\s*model\s+(\w+)\s*\{/.exec(line);
    if (head) { model = head[1]; continue; }
    if (/^\s*\}/.test(line)) { model = null; continue; }
    if (!model) continue;
    const rel = /^\s*(\w+)\s+\S+\s.*@relation\(([^)]*)\)/.exec(line.replace(/\/\/.*$/, ''));
    const map = rel && /\bmap\s*:\s*"([^"]+)"/.exec(rel[2]);
    if (map) out.set(`${model}.${rel[1]}`, map[1]);
  }
  return out;
}
