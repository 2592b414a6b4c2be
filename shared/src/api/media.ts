/**
 * Material uploads (附件材料): JPG/JPEG/PNG up to 5 MB (R08), sent as multipart/form-data (field `file`). The BFF
 * caps the stream at 5 MB, recognises the type from the bytes, re-encodes the image (auto-rotated, long edge ≤ 1600
 * px, JPEG, metadata incl. GPS removed) and keeps only that copy. Viewable by its owner (the unit or the person who
 * uploaded it) and by reviewers once it is attached to a submitted case; anyone else gets 404.
 * Errors: MEDIA_NO_FILE 400, MEDIA_TOO_LARGE 413, MEDIA_PIXELS_TOO_MANY 413, MEDIA_TYPE_NOT_ALLOWED 415,
 * MEDIA_IMAGE_INVALID 400.
 */
import { z } from 'zod';
import { InstantSchema } from './common';
import { defineRoutes } from './route';

export const MediaInfo = z.object({
  id: z.uuid(),
  mime: z.string(),
  size: z.number().int().describe('字节'),
  width: z.number().int(),
  height: z.number().int(),
  sha256: z.string(),
  url: z.string(),
  createdAt: InstantSchema,
});
export type MediaInfo = z.infer<typeof MediaInfo>;

export const MediaParams = z.object({ id: z.uuid('文件不存在') });

export const mediaRoutes = defineRoutes([
  { method: 'POST', path: '/api/media', summary: '上传材料图片（multipart/form-data，字段 file）', tag: 'media', auth: 'any', response: MediaInfo, status: 201 },
  { method: 'GET', path: '/api/media/:id', summary: '查看材料图片（JPEG）', tag: 'media', auth: 'any', request: { params: MediaParams }, response: z.any(), contentType: 'image/jpeg' },
]);
