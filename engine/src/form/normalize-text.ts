import { compileSafePattern, FIELD_LIMITS } from "@stagecraft/schemas";
import { ABSENT, INVALID, type Normalizer } from "./field-value.js";
import type { FieldOf } from "./field-of.js";
import type { FieldSite } from "./field-site.js";

/** Largest signature accepted (data URL text), 500 KB. */
export const SIGNATURE_MAX_LENGTH = 500 * 1024;
const PHONE = /^[+]?[0-9 ()-]{5,20}$/;
// Dot-separated labels without @ or whitespace: no two parts can match the same text, so no backtracking.
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
const SIGNATURE_DATA_URL = /^data:image\/(?:png|jpeg|webp|svg\+xml);base64,[A-Za-z0-9+/=]+$/;
const SIGNATURE_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/** Length in characters (code points), counted only when UTF-16 length leaves a doubt. */
function charCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single character.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** Whether text is shorter than `min` characters (UTF-16 length is an upper bound of it). */
function shorterThan(text: string, min: number): boolean {
  return text.length < min || (text.length < 2 * min && charCount(text) < min);
}

/** Whether text is longer than `max` characters. */
function longerThan(text: string, max: number): boolean {
  return text.length > max && charCount(text) > max;
}

/** Trimmed text of a string value, reporting `type` otherwise; "" means absent. */
function trimmedText(value: unknown, path: string, report: Parameters<Normalizer>[1]): string | undefined {
  if (typeof value === "string") return value.trim();
  report.report(path, "type", "must be text");
  return undefined;
}

/** Text and textarea: trimmed, length limits, and (text) an RE2 pattern; throws on a bad pattern. */
export function textNormalizer(field: FieldOf<"text"> | FieldOf<"textarea">, site: FieldSite): Normalizer {
  const path = site.path;
  const min = field.minLength ?? 0;
  const max = Math.min(field.maxLength ?? FIELD_LIMITS.textLength, FIELD_LIMITS.textLength);
  let pattern: { test(input: string): boolean } | undefined;
  let patternParams: Readonly<Record<string, unknown>> = {};
  let patternMessage = "does not match the required format";
  if (field.type === "text" && field.pattern !== undefined) {
    const compiled = compileSafePattern(field.pattern);
    if ("error" in compiled) site.fail("FORM_BAD_PATTERN", `pattern does not compile: ${compiled.error}`);
    pattern = compiled;
    patternParams = field.patternMessage
      ? { pattern: field.pattern, patternMessage: field.patternMessage }
      : { pattern: field.pattern };
    if (field.patternMessage) patternMessage = field.patternMessage.en;
  }
  return (value, report) => {
    const text = trimmedText(value, path, report);
    if (text === undefined) return INVALID;
    if (text === "") return ABSENT;
    let ok = true;
    if (min > 0 && shorterThan(text, min)) {
      report.report(path, "min_length", `must be at least ${min} characters`, { limit: min });
      ok = false;
    }
    if (longerThan(text, max)) {
      report.report(path, "max_length", `must be at most ${max} characters`, { limit: max });
      ok = false;
    } else if (pattern !== undefined && !pattern.test(text)) {
      report.report(path, "pattern", patternMessage, patternParams);
      ok = false;
    }
    return ok ? text : INVALID;
  };
}

/** A trimmed string checked by `accept`, reporting `format` with `message` when it fails. */
function formatNormalizer(
  path: string,
  maxLength: number,
  accept: (text: string) => boolean,
  message: string,
): Normalizer {
  return (value, report) => {
    const text = trimmedText(value, path, report);
    if (text === undefined) return INVALID;
    if (text === "") return ABSENT;
    if (text.length > maxLength) {
      report.report(path, "max_length", `must be at most ${maxLength} characters`, { limit: maxLength });
      return INVALID;
    }
    if (accept(text)) return text;
    report.report(path, "format", message);
    return INVALID;
  };
}

// Scheme, host (letters, digits, dots, dashes, IDN), optional port, then anything without spaces.
// No nested quantifiers, so matching is linear; the engine needs no host-provided URL class.
const HTTP_URL = /^https?:\/\/[A-Za-z0-9\u00a1-\uffff.-]+(?::\d{1,5})?(?:[/?#]\S*)?$/i;

function isHttpUrl(text: string): boolean {
  return HTTP_URL.test(text);
}

/** Phone numbers: digits, spaces, parentheses and dashes, optionally a leading +. */
export function phoneNormalizer(site: FieldSite): Normalizer {
  return formatNormalizer(site.path, 64, (text) => PHONE.test(text), "must be a phone number");
}

/** Email addresses: a simple local@domain.tld check (254 characters at most). */
export function emailNormalizer(site: FieldSite): Normalizer {
  return formatNormalizer(site.path, 254, (text) => EMAIL.test(text), "must be an email address");
}

/** Web addresses: absolute http(s) URLs. */
export function urlNormalizer(site: FieldSite): Normalizer {
  return formatNormalizer(site.path, 2048, isHttpUrl, "must be an http(s) address");
}

/** Signatures: an image data URL or the id of a stored signature, at most 500 KB. */
export function signatureNormalizer(site: FieldSite): Normalizer {
  return formatNormalizer(
    site.path,
    SIGNATURE_MAX_LENGTH,
    (text) => (text.startsWith("data:") ? SIGNATURE_DATA_URL.test(text) : SIGNATURE_ID.test(text)),
    "must be an image data URL or a signature id",
  );
}
