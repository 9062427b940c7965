// Receiving a delivered file over HTTP (multipart/form-data: the file and a few text fields), for
// every import route: collection batches, measure lists, list entries. The file is streamed to a
// temporary folder (imports read it more than once); the caller removes it with `done()`.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError, errors } from '../../errors.js';

const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

export interface Upload { dir: string; file: string | null; fileName: string; fields: Record<string, string> }

/** multipart only inside the given scope: the rest of the API keeps its JSON-only bodies. */
export async function registerMultipart(scope: FastifyInstance): Promise<void> {
  await scope.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 4096 } });
}

/** Streams the file part to a temporary file. */
export async function receive(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 415, '请以 multipart/form-data 上传文件（字段 file）。');
  const dir = await mkdtemp(path.join(tmpdir(), 'xinyong-upload-'));
  const up: Upload = { dir, file: null, fileName: '', fields: {} };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (up.file) throw errors.badRequest('TOO_MANY_FILES', '一次只能上传一个文件。');
        up.fileName = part.filename || 'upload';
        up.file = path.join(dir, 'upload');
        await pipeline(part.file, createWriteStream(up.file));
        if (part.file.truncated) throw new AppError('BODY_TOO_LARGE', 413, `文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，请拆分后分批导入，或使用命令行 xinyong import。`);
      } else up.fields[part.fieldname] = String(part.value ?? '');
    }
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  return up;
}

export async function discard(up: Upload): Promise<void> {
  await rm(up.dir, { recursive: true, force: true });
}

/** The optional allOrNothing field: true/false/1/0/on. */
export function allOrNothingField(up: Upload): { value: boolean; error?: { path: string; message: string } } {
  const aon = (up.fields.allOrNothing ?? '').trim().toLowerCase();
  if (aon && !['true', 'false', '1', '0', 'on'].includes(aon)) return { value: false, error: { path: 'body.allOrNothing', message: '应为 true 或 false' } };
  return { value: ['true', '1', 'on'].includes(aon) };
}

/** The API returns at most 1,000 rejects (rejectsTotal says how many); the command line all. */
export function cutRejects<T extends { rejects: unknown[] }>(summary: T, limit = 1000): T {
  return summary.rejects.length > limit ? { ...summary, rejects: summary.rejects.slice(0, limit) } : summary;
}
