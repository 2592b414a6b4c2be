// 附件材料 upload: JPG/JPEG/PNG ≤ 5 MB (R08). The cap is enforced on the stream (busboy limits); the type comes from
// the magic bytes, not the name or the declared MIME type (a PDF renamed .jpg is refused); the image is decoded
// with a pixel limit (decompression bombs: a small PNG declaring 30000×30000 is refused from its header, before
// decoding) and re-encoded by sharp: rotated upright by its EXIF orientation, long edge ≤ 1600 px, JPEG (mozjpeg,
// q75), and — sharp's default when no metadata is asked for — without EXIF/XMP/ICC, so GPS positions are gone.
// Only the normalised copy is stored.
import crypto from 'node:crypto'
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import { ATTACHMENT_MAX_BYTES, type MediaInfo } from '@shebao/shared'
import sharp from 'sharp'
import type { PrismaClient } from '../../db/client.ts'
import type { AuthContext } from '../../http/auth.ts'
import { AppError, type ErrorCode } from '../../http/errors.ts'
import { readUploadedFile } from './multipart.ts'
import { defaultMediaStorage, type MediaStorage } from './storage.ts'

export const MAX_INPUT_PIXELS = 40_000_000
export const MAX_EDGE = 1600
export const JPEG_QUALITY = 75

export type SniffedType = 'image/jpeg' | 'image/png'

/** The image type from the file's first bytes, or undefined. */
export function sniffImageType(head: Buffer): SniffedType | undefined {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg'
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  return undefined
}

function sniff(head: Buffer): ErrorCode | undefined {
  return sniffImageType(head) ? undefined : 'MEDIA_TYPE_NOT_ALLOWED'
}

export interface NormalisedImage {
  bytes: Buffer
  width: number
  height: number
}

/** Decode with limits and re-encode; errors are the catalogue's Chinese answers. */
export async function normaliseImage(input: Buffer): Promise<NormalisedImage> {
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata()
  } catch (cause) {
    throw new AppError('MEDIA_IMAGE_INVALID', { cause })
  }
  if (!meta.width || !meta.height) throw new AppError('MEDIA_IMAGE_INVALID')
  if (meta.width * meta.height > MAX_INPUT_PIXELS) throw new AppError('MEDIA_PIXELS_TOO_MANY')
  try {
    const { data, info } = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', sequentialRead: true })
      .rotate()
      .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: JPEG_QUALITY, mozjpeg: true })
      .toBuffer({ resolveWithObject: true })
    return { bytes: data, width: info.width, height: info.height }
  } catch (cause) {
    if (/pixel limit/i.test(String((cause as Error)?.message))) throw new AppError('MEDIA_PIXELS_TOO_MANY', { cause })
    throw new AppError('MEDIA_IMAGE_INVALID', { cause })
  }
}

export async function uploadMedia(
  prisma: PrismaClient,
  auth: AuthContext,
  upload: { req: IncomingMessage; headers: IncomingHttpHeaders },
  storage: MediaStorage = defaultMediaStorage
): Promise<MediaInfo> {
  if (auth.role === 'reviewer') throw new AppError('FORBIDDEN')
  const file = await readUploadedFile(upload.req, upload.headers, {
    maxBytes: ATTACHMENT_MAX_BYTES,
    tooLarge: 'MEDIA_TOO_LARGE',
    missing: 'MEDIA_NO_FILE',
    sniff
  })
  const image = await normaliseImage(file.buffer)
  const id = crypto.randomUUID()
  const sha256 = crypto.createHash('sha256').update(image.bytes).digest('hex')
  const loc = await storage.put(id, image.bytes)
  const row = await prisma.media.create({
    data: {
      id,
      ownerRole: auth.role === 'unit' ? 'UNIT' : 'PERSON',
      ownerPersonId: auth.personId ?? null,
      ownerUnitId: auth.role === 'unit' ? (auth.unitId as number) : null,
      kind: 'IMAGE',
      mime: 'image/jpeg',
      size: image.bytes.length,
      width: image.width,
      height: image.height,
      sha256,
      storage: loc.storage,
      storageKey: loc.storageKey,
      data: loc.data
    },
    select: { id: true, createdAt: true }
  })
  return {
    id: row.id,
    mime: 'image/jpeg',
    size: image.bytes.length,
    width: image.width,
    height: image.height,
    sha256,
    url: `/api/media/${row.id}`,
    createdAt: row.createdAt.toISOString()
  }
}
