// Reading one uploaded file from a multipart/form-data request with busboy, with the size cap enforced on the
// stream: past the cap nothing more is kept in memory (the rest of the body is read and discarded so the client
// gets its 413 instead of a reset connection; a body far beyond the cap is cut off). An optional sniffer looks at
// the first bytes as they arrive and can refuse the file before the rest is buffered.
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import busboy from 'busboy'
import { AppError, type ErrorCode } from '../../http/errors.ts'

export interface UploadedFile {
  buffer: Buffer
  /** What the client called it (never trusted for the type). */
  filename: string
  /** What the client claimed (never trusted). */
  declaredMime: string
}

export interface ReadFileOptions {
  /** Form field carrying the file. */
  field?: string
  maxBytes: number
  /** Error for a file over maxBytes. */
  tooLarge: ErrorCode
  /** Called once with the first ≥ 16 bytes (or the whole file if shorter): return an error code to refuse. */
  sniff?: (head: Buffer) => ErrorCode | undefined
  /** Error when no file part came. */
  missing: ErrorCode
}

/** Beyond this many bytes of request body we stop draining and cut the connection. */
const DRAIN_LIMIT_FACTOR = 4

export function readUploadedFile(req: IncomingMessage, headers: IncomingHttpHeaders, opts: ReadFileOptions): Promise<UploadedFile> {
  const field = opts.field ?? 'file'
  const hardLimit = opts.maxBytes * DRAIN_LIMIT_FACTOR + 1024 * 1024
  const declared = Number(headers['content-length'] ?? NaN)
  if (Number.isFinite(declared) && declared > hardLimit) {
    req.destroy()
    return Promise.reject(new AppError(opts.tooLarge))
  }
  return new Promise<UploadedFile>((resolve, reject) => {
    let bb: busboy.Busboy
    try {
      bb = busboy({ headers, limits: { fileSize: opts.maxBytes, files: 1, fields: 10, parts: 12, fieldSize: 1024 } })
    } catch (cause) {
      reject(new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: '请以 multipart/form-data 上传文件', cause }))
      return
    }
    let failure: ErrorCode | undefined
    let result: UploadedFile | undefined
    let received = 0
    req.on('data', (chunk: Buffer) => {
      received += chunk.length
      if (received > hardLimit) {
        failure ??= opts.tooLarge
        req.unpipe(bb)
        req.destroy()
        reject(new AppError(failure))
      }
    })
    bb.on('file', (name, stream, info) => {
      if (name !== field || result || failure) {
        stream.resume()
        return
      }
      const chunks: Buffer[] = []
      let size = 0
      let sniffed = !opts.sniff
      stream.on('data', (chunk: Buffer) => {
        if (failure) return
        chunks.push(chunk)
        size += chunk.length
        if (!sniffed && size >= 16) {
          sniffed = true
          const bad = opts.sniff?.(Buffer.concat(chunks))
          if (bad) {
            failure = bad
            chunks.length = 0
          }
        }
      })
      stream.on('limit', () => {
        failure ??= opts.tooLarge
        chunks.length = 0 // drop what we had; the rest is discarded as it streams in
      })
      stream.on('end', () => {
        if (failure) return
        const buffer = Buffer.concat(chunks)
        if (!sniffed) {
          const bad = opts.sniff?.(buffer)
          if (bad) {
            failure = bad
            return
          }
        }
        result = { buffer, filename: info.filename ?? '', declaredMime: info.mimeType ?? '' }
      })
    })
    bb.on('error', (cause) => reject(new AppError('BAD_REQUEST', { detail: '上传内容格式不正确', cause })))
    bb.on('close', () => {
      if (failure) reject(new AppError(failure))
      else if (!result || result.buffer.length === 0) reject(new AppError(opts.missing))
      else resolve(result)
    })
    req.pipe(bb)
  })
}
