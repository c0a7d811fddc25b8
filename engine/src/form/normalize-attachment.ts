import { escapePointer, FORBIDDEN_KEYS } from "@stagecraft/schemas";
import { ABSENT, INVALID, isPlainObject, type IssueReporter, type Normalizer } from "./field-value.js";
import type { FieldOf } from "./field-of.js";
import type { FieldSite } from "./field-site.js";
import { checkCount } from "./normalize-choice.js";
import { ID_MAX_LENGTH } from "./normalize-id.js";

/** Most files one field may hold when its definition sets no maxFiles. */
export const FILES_MAX_ITEMS = 50;
const IMAGE_ACCEPT = ["image/*", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp", ".heic"];
const FILE_KEYS: ReadonlySet<string> = new Set(["id", "name", "size", "mime", "url"]);

/** A stored file as a record holds it. */
export interface Attachment {
  id: string;
  name: string;
  size?: number;
  mime?: string;
  url?: string;
}

/** Whether a file's mime type or name matches one entry of an accept list ("image/*", ".pdf", "application/pdf"). */
function accepts(accept: readonly string[], name: string, mime: string | undefined): boolean {
  const lowerName = name.toLowerCase();
  const lowerMime = mime?.toLowerCase();
  return accept.some((entry) => {
    const rule = entry.toLowerCase();
    if (rule.startsWith(".")) return lowerName.endsWith(rule);
    if (lowerMime === undefined) return false;
    return rule.endsWith("/*") ? lowerMime.startsWith(rule.slice(0, -1)) : lowerMime === rule;
  });
}

function text(value: unknown, max: number): value is string {
  return typeof value === "string" && value !== "" && value.length <= max;
}

/** One file object, or undefined after reporting what is wrong with it. */
function attachmentOf(
  value: unknown,
  path: string,
  report: IssueReporter,
  accept: readonly string[] | undefined,
  maxBytes: number | undefined,
): Attachment | undefined {
  if (!isPlainObject(value)) {
    report.report(path, "type", "must be a file ({id, name, size?, mime?, url?})");
    return undefined;
  }
  let ok = true;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.includes(key)) {
      report.report(`${path}/${key}`, "forbidden_key", `"${key}" may not be used as a key`);
      ok = false;
    } else if (!FILE_KEYS.has(key)) {
      report.report(`${path}/${escapePointer(key)}`, "unknown_field", "is not a file property");
      ok = false;
    }
  }
  const { id, name, size, mime, url } = value;
  if (!text(id, ID_MAX_LENGTH)) {
    report.report(`${path}/id`, "type", "must be a file id");
    ok = false;
  }
  if (!text(name, 255)) {
    report.report(`${path}/name`, "type", "must be a file name (at most 255 characters)");
    ok = false;
  }
  if (size !== undefined && (typeof size !== "number" || !Number.isFinite(size) || size < 0)) {
    report.report(`${path}/size`, "type", "must be a size in bytes");
    ok = false;
  } else if (size !== undefined && maxBytes !== undefined && size > maxBytes) {
    report.report(`${path}/size`, "maximum", `must be at most ${maxBytes} bytes`, { limit: maxBytes });
    ok = false;
  }
  if (mime !== undefined && !text(mime, 100)) {
    report.report(`${path}/mime`, "type", "must be a media type");
    ok = false;
  }
  if (url !== undefined && !text(url, 2048)) {
    report.report(`${path}/url`, "type", "must be an address");
    ok = false;
  }
  if (!ok || typeof id !== "string" || typeof name !== "string") return undefined;
  const mimeText = typeof mime === "string" ? mime : undefined;
  if (accept !== undefined && !accepts(accept, name, mimeText)) {
    report.report(path, "file_type", "is not an accepted kind of file", { accept });
    return undefined;
  }
  const file: Attachment = { id, name };
  if (typeof size === "number") file.size = size;
  if (mimeText !== undefined) file.mime = mimeText;
  if (typeof url === "string") file.url = url;
  return file;
}

/** Files and images: an array of file objects, within maxFiles, maxSizeMb and accept. */
export function attachmentNormalizer(field: FieldOf<"file"> | FieldOf<"image">, site: FieldSite): Normalizer {
  const path = site.path;
  const maxFiles = Math.min(field.maxFiles ?? FILES_MAX_ITEMS, FILES_MAX_ITEMS);
  const maxBytes = field.maxSizeMb === undefined ? undefined : Math.floor(field.maxSizeMb * 1024 * 1024);
  const accept = field.accept ?? (field.type === "image" ? IMAGE_ACCEPT : undefined);
  return (value, report) => {
    if (!Array.isArray(value)) {
      report.report(path, "type", "must be a list of files");
      return INVALID;
    }
    if (value.length === 0) return ABSENT;
    if (!checkCount(value.length, undefined, maxFiles, path, report)) return INVALID;
    const files: Attachment[] = [];
    for (let i = 0; i < value.length; i++) {
      const file = attachmentOf(value[i], `${path}/${i}`, report, accept, maxBytes);
      if (file !== undefined) files.push(file);
    }
    return files.length === value.length ? files : INVALID;
  };
}
