import { CLOUD_FILE_ID } from '../cloudfunctions/contract/formats';

/**
 * The dev stand-in for cloud storage, and the one mapping rule between its file ids and URLs:
 *
 *   cloud://styleclub-dev.local/<path>   ↔   /api/dev/files/<path>
 *
 * In WeChat, Taro.cloud.uploadFile gives `cloud://<env>.<bucket>/<path>` and <image> shows it
 * as is. The dev gateway's `POST /api/dev/upload` hands out ids under DEV_FILE_ID_PREFIX and
 * serves them under DEV_FILES_ROUTE; the H5 build maps an id to its URL with this same rule.
 * `<path>` is plain segments (CLOUD_FILE_ID's: no empty, "." or ".." segment, no "%" or "\"),
 * so a mapped URL never points outside the files folder. No Node imports: the H5 build may use it.
 */
export const DEV_FILE_ID_PREFIX = 'cloud://styleclub-dev.local/';
export const DEV_FILES_ROUTE = '/api/dev/files/';
/** ids and paths are at most this long (isAvatarRef's limit) */
const MAX_ID_CHARS = 512;

/** The `<path>` of a dev file id, or null when it is not one (another env, or not a plain path). */
export function devFilePath(fileID: string): string | null {
  if (!fileID.startsWith(DEV_FILE_ID_PREFIX) || fileID.length > MAX_ID_CHARS || !CLOUD_FILE_ID.test(fileID)) return null;
  return fileID.slice(DEV_FILE_ID_PREFIX.length);
}

/** The dev file id of a `<path>`, or null when the path is not plain. */
export function devFileId(filePath: string): string | null {
  return devFilePath(DEV_FILE_ID_PREFIX + filePath) === null ? null : DEV_FILE_ID_PREFIX + filePath;
}

/** `cloud://styleclub-dev.local/<path>` → `/api/dev/files/<path>`; null for any other id. */
export function devFileUrl(fileID: string): string | null {
  const filePath = devFilePath(fileID);
  return filePath === null ? null : DEV_FILES_ROUTE + filePath;
}

/** `/api/dev/files/<path>` (raw, not decoded) → `cloud://styleclub-dev.local/<path>`; null for any other route. */
export function devFileIdOfRoute(route: string): string | null {
  return route.startsWith(DEV_FILES_ROUTE) ? devFileId(route.slice(DEV_FILES_ROUTE.length)) : null;
}
