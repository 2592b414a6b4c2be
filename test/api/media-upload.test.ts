// Material uploads over HTTP: the 5 MB cap on the stream, type from the bytes (a PDF named .jpg is refused), the
// decompression-bomb guard (a PNG declaring 30000×30000), normalisation (rotation, ≤ 1600 px, JPEG, metadata and
// GPS stripped), and who may view the stored copy.
import zlib from 'node:zlib'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningBff } from '../helpers/bff.ts'
import { CaseFixtures, client, draftBody, startCasesBff, type UnitFx } from './cases-fixtures.ts'

let bff: RunningBff
let fx: CaseFixtures
let unit: UnitFx

beforeAll(async () => {
  bff = await startCasesBff()
  fx = new CaseFixtures(bff.prisma, bff.deps.keys)
  await fx.setup()
  unit = await fx.unit()
})
afterAll(async () => {
  await fx?.cleanup()
  await bff?.close()
})

async function upload(file: Buffer, name = 'a.jpg', type = 'image/jpeg', token = unit.clerkToken) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file)], { type }), name)
  const res = await fetch(`${bff.baseUrl}/api/media`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : undefined }
}

async function view(id: string, token: string) {
  const res = await fetch(`${bff.baseUrl}/api/media/${id}`, { headers: { authorization: `Bearer ${token}` } })
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) }
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(zlib.crc32(body) >>> 0)
  return Buffer.concat([len, body, crc])
}

/** A tiny PNG whose header declares `w`×`h` pixels (a decompression bomb's calling card). */
function pngDeclaring(w: number, h: number): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(w, 0)
  ihdr.writeUInt32BE(h, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlib.deflateSync(Buffer.alloc(1024))),
    pngChunk('IEND', Buffer.alloc(0))
  ])
}

describe('upload attacks', () => {
  it('a 6 MB file is refused with 413 while streaming', async () => {
    const r = await upload(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(6 * 1024 * 1024, 7)]))
    expect(r.status).toBe(413)
    expect(r.body.error).toMatchObject({ code: 'MEDIA_TOO_LARGE', message: '文件大小不能超过5M' })
  })

  it('a PNG declaring 30000×30000 pixels is refused before decoding', async () => {
    const bomb = pngDeclaring(30000, 30000)
    expect(bomb.length).toBeLessThan(2000)
    const r = await upload(bomb, 'bomb.png', 'image/png')
    expect(r.status).toBe(413)
    expect(r.body.error).toMatchObject({ code: 'MEDIA_PIXELS_TOO_MANY', message: '图片像素过大，请压缩后重新上传' })
  })

  it('a PDF renamed .jpg (declared image/jpeg) is refused by its bytes: 415', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')
    const r = await upload(pdf, '身份证.jpg', 'image/jpeg')
    expect(r.status).toBe(415)
    expect(r.body.error).toMatchObject({ code: 'MEDIA_TYPE_NOT_ALLOWED', message: '仅支持JPG、JPEG、PNG格式的图片' })
  })

  it('a truncated JPEG, a missing file part, a reviewer upload', async () => {
    expect((await upload(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 1)]))).body.error.code).toBe('MEDIA_IMAGE_INVALID')
    const form = new FormData()
    form.append('note', 'no file')
    const none = await fetch(`${bff.baseUrl}/api/media`, { method: 'POST', headers: { authorization: `Bearer ${unit.clerkToken}` }, body: form })
    expect(none.status).toBe(400)
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('MEDIA_NO_FILE')
    const rev = await fx.reviewerToken()
    expect((await upload(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } }).jpeg().toBuffer(), 'a.jpg', 'image/jpeg', rev.token)).status).toBe(403)
  })
})

describe('normalisation', () => {
  it('strips EXIF including GPS, rotates by orientation, re-encodes as JPEG within 1600 px', async () => {
    // 3000×2000 photo taken sideways (orientation 6 = rotate 90° clockwise to view), with a GPS position.
    const photo = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#4a7' } })
      .jpeg({ quality: 90 })
      .withExif({
        IFD0: { Make: 'TestCam', Model: 'X1' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 42/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '111/1 17/1 0/1' }
      })
      .withMetadata({ orientation: 6 })
      .toBuffer()
    const before = await sharp(photo).metadata()
    expect(before.exif).toBeDefined()
    expect(before.exif?.includes(Buffer.from('TestCam'))).toBe(true)
    expect(before.orientation).toBe(6)
    expect(before.exif?.includes(Buffer.from('GPS')) || before.exif?.includes(Buffer.from([0x88, 0x25])) || before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true) // GPS IFD pointer tag 0x8825

    const r = await upload(photo, 'IMG_0001.jpg')
    expect(r.status).toBe(201)
    expect(r.body).toMatchObject({ mime: 'image/jpeg', width: 1067, height: 1600 })
    const stored = await view(r.body.id, unit.clerkToken)
    expect(stored.status).toBe(200)
    expect(stored.type).toBe('image/jpeg')
    const meta = await sharp(stored.bytes).metadata()
    expect(meta).toMatchObject({ format: 'jpeg', width: 1067, height: 1600 })
    expect(meta.exif).toBeUndefined()
    expect(meta.orientation).toBeUndefined()
    expect(stored.bytes.includes(Buffer.from('TestCam'))).toBe(false)
    expect(stored.bytes.includes(Buffer.from('GPS'))).toBe(false)
    // Only the normalised copy is kept.
    const row = await bff.prisma.media.findUniqueOrThrow({ where: { id: r.body.id } })
    expect(row.size).toBe(stored.bytes.length)
    expect(row.data?.length).toBe(stored.bytes.length)
  })

  it('a PNG becomes a JPEG; small images are not enlarged', async () => {
    const png = await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 0, b: 255, alpha: 0.5 } } }).png().toBuffer()
    const r = await upload(png, 'scan.png', 'image/png')
    expect(r.status).toBe(201)
    expect(r.body).toMatchObject({ mime: 'image/jpeg', width: 300, height: 200 })
  })
})

describe('who may view', () => {
  it('the owner unit yes; another unit, a person and a reviewer not (404) — a reviewer once it is on a submitted case', async () => {
    const img = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#123' } }).jpeg().toBuffer()
    const r = await upload(img)
    const id = r.body.id as string
    const other = await fx.unit()
    const rev = await fx.reviewerToken()
    expect((await view(id, unit.legalRepToken)).status).toBe(200) // any clerk of the owning unit
    expect((await view(id, other.clerkToken)).status).toBe(404)
    expect((await view(id, await fx.token('person', unit.clerk.id))).status).toBe(404)
    expect((await view(id, rev.token)).status).toBe(404)
    expect((await view('not-a-uuid', unit.clerkToken)).status).toBe(400)
    // Attached to a key-information change and submitted: now the reviewer may see it.
    const c = client(bff.baseUrl, unit.clerkToken)
    const d = await c.post('/api/cases', { body: draftBody('UNIT_KEY_INFO_CHANGE', { form: { businessScope: '新的经营范围' } }) })
    await c.post(`/api/cases/${d.body.serialNo}/materials`, { body: { materialCode: 'LEGAL_REP_ID', mediaId: id } })
    expect((await view(id, rev.token)).status).toBe(404)
    expect((await c.post(`/api/cases/${d.body.serialNo}/submit`)).status).toBe(200)
    expect((await view(id, rev.token)).status).toBe(200)
    const detail = await client(bff.baseUrl, rev.token).get(`/api/review/cases/${d.body.serialNo}`)
    expect(detail.body.materials).toEqual([expect.objectContaining({ materialCode: 'LEGAL_REP_ID', name: '法人代表或负责人身份证', url: `/api/media/${id}` })])
  })
})
