// Where normalised media bytes live, behind one interface: the database (media.data, LONGBLOB) by default; a
// local-disk or S3-compatible store can implement the same two calls (ARCHITECTURE.md "Scaling").
import type { PrismaClient } from '../../db/client.ts'
import type { Tx } from '../../db/tx.ts'

export interface StoredLocation {
  storage: string
  storageKey: string | null
  /** Bytes kept in the media row itself (database storage), else null. */
  data: Uint8Array<ArrayBuffer> | null
}

export interface MediaStorage {
  readonly name: string
  put(id: string, bytes: Buffer): Promise<StoredLocation>
  get(row: { id: string; storage: string; storageKey: string | null }, db: PrismaClient | Tx): Promise<Buffer | null>
}

export class DatabaseMediaStorage implements MediaStorage {
  readonly name = 'db'
  async put(_id: string, bytes: Buffer): Promise<StoredLocation> {
    return { storage: this.name, storageKey: null, data: new Uint8Array(bytes) }
  }
  async get(row: { id: string }, db: PrismaClient | Tx): Promise<Buffer | null> {
    const r = await db.media.findUnique({ where: { id: row.id }, select: { data: true } })
    return r?.data ? Buffer.from(r.data) : null
  }
}

export const defaultMediaStorage: MediaStorage = new DatabaseMediaStorage()
