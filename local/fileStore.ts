import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The images the dev upload takes: Content-Type → extension, and the bytes each must start with. */
export const IMAGE_TYPES = {
  'image/png': { ext: 'png', label: 'PNG' },
  'image/jpeg': { ext: 'jpg', label: 'JPEG' },
  'image/webp': { ext: 'webp', label: 'WebP' },
} as const;
export type ImageType = keyof typeof IMAGE_TYPES;
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

const CONTENT_TYPE_OF_EXT: Record<string, ImageType> = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' };

export function isImageType(value: string): value is ImageType {
  return Object.prototype.hasOwnProperty.call(IMAGE_TYPES, value);
}

/** The image type these bytes are by their magic number, or null. */
export function sniffImage(bytes: Buffer): ImageType | null {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** Content-addressed name of an avatar: `avatars/<sha256 hex>.<ext>`. */
export function avatarPath(bytes: Buffer, type: ImageType): string {
  return `avatars/${createHash('sha256').update(bytes).digest('hex')}.${IMAGE_TYPES[type].ext}`;
}

/** The Content-Type a stored file is served with, by its extension; null: not served. */
export function contentTypeOf(filePath: string): ImageType | null {
  const ext = /\.([a-z]+)$/.exec(filePath)?.[1];
  return ext !== undefined && Object.prototype.hasOwnProperty.call(CONTENT_TYPE_OF_EXT, ext) ? CONTENT_TYPE_OF_EXT[ext]! : null;
}

/** Files by plain relative path (see files.ts); callers pass only paths that passed devFilePath. */
export interface FileStore {
  put(filePath: string, bytes: Buffer): Promise<void>;
  /** the bytes, or null when there is no such regular file inside the store */
  get(filePath: string): Promise<Buffer | null>;
}

export function memoryFileStore(): FileStore {
  const files = new Map<string, Buffer>();
  return {
    async put(filePath, bytes) {
      files.set(filePath, Buffer.from(bytes));
    },
    async get(filePath) {
      return files.get(filePath) ?? null;
    },
  };
}

/** Files under `root` (the dev server's `<data dir>/files`); nothing outside it is read or written. */
export function directoryFileStore(root: string): FileStore {
  const base = path.resolve(root);
  const inside = (filePath: string): string | null => {
    const file = path.resolve(base, ...filePath.split('/'));
    return file.startsWith(base + path.sep) ? file : null;
  };
  return {
    async put(filePath, bytes) {
      const file = inside(filePath);
      if (!file) throw new Error(`file path outside the store: ${filePath}`);
      if (fs.existsSync(file)) return; // content-addressed: the same name holds the same bytes
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      // written whole, then renamed: a reader never sees half a file
      const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
      await fs.promises.writeFile(temp, bytes);
      await fs.promises.rename(temp, file);
    },
    async get(filePath) {
      const file = inside(filePath);
      if (!file) return null;
      try {
        // no symlinks: a link inside the folder could point anywhere
        const [stat, real, realBase] = await Promise.all([fs.promises.lstat(file), fs.promises.realpath(file), fs.promises.realpath(base)]);
        if (!stat.isFile() || !real.startsWith(realBase + path.sep)) return null;
        return await fs.promises.readFile(real);
      } catch {
        return null;
      }
    },
  };
}
