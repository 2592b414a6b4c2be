// Admin (CLI, seed): create a 中心审核 account. Passwords: at least 10 characters with letters and digits; stored
// with scrypt. Usernames are lower-cased.
import { hashLowEntropySecret } from './secrets.ts'
import type { PrismaClient } from '../../db/client.ts'
import { writeAudit } from './audit.ts'

export class AdminInputError extends Error {
  override name = 'AdminInputError'
}

export function checkReviewerPassword(password: string): string | undefined {
  if (password.length < 10) return '密码至少10位'
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码须同时包含字母和数字'
  return undefined
}

export async function createReviewer(
  prisma: PrismaClient,
  input: { username: string; name: string; password: string; regionCode?: string | undefined }
): Promise<{ id: number; username: string }> {
  const username = input.username.trim().toLowerCase()
  if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(username)) throw new AdminInputError('用户名须为3–64位字母、数字、点、下划线或连字符')
  if (!input.name.trim()) throw new AdminInputError('姓名不能为空')
  const weak = checkReviewerPassword(input.password)
  if (weak) throw new AdminInputError(weak)
  if (await prisma.reviewer.findUnique({ where: { username }, select: { id: true } })) throw new AdminInputError(`用户名 ${username} 已存在`)
  const r = await prisma.reviewer.create({
    data: {
      username,
      name: input.name.trim(),
      passwordHash: await hashLowEntropySecret(input.password),
      regionCode: input.regionCode ?? null
    }
  })
  await writeAudit(prisma, { action: 'admin.reviewer_create', targetType: 'reviewer', targetId: r.id, detail: { username } })
  return { id: r.id, username }
}
