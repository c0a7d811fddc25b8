import { escapePointer, FORBIDDEN_KEYS } from "@stagecraft/schemas";
import { ABSENT, INVALID, isPlainObject, type Normalizer } from "./field-value.js";
import type { FieldOf } from "./field-of.js";
import type { FieldSite } from "./field-site.js";

/** The parts of an address, from the largest region to the street detail. */
export const ADDRESS_PARTS = ["province", "city", "district", "detail"] as const;
type AddressPart = (typeof ADDRESS_PARTS)[number];
/** A postal address as a record holds it (only the filled parts). */
export type Address = Partial<Record<AddressPart, string>>;
const PART_SET: ReadonlySet<string> = new Set(ADDRESS_PARTS);
const PART_MAX_LENGTH = 500;

/** Addresses: an object of trimmed text parts; `detailRequired` makes `detail` mandatory. */
export function addressNormalizer(field: FieldOf<"address">, site: FieldSite): Normalizer {
  const path = site.path;
  const detailRequired = field.detailRequired === true;
  return (value, report) => {
    if (!isPlainObject(value)) {
      report.report(path, "type", "must be an address ({province, city, district, detail})");
      return INVALID;
    }
    let ok = true;
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.includes(key)) {
        report.report(`${path}/${key}`, "forbidden_key", `"${key}" may not be used as a key`);
        ok = false;
      } else if (!PART_SET.has(key)) {
        report.report(`${path}/${escapePointer(key)}`, "unknown_field", "is not a part of an address");
        ok = false;
      }
    }
    const address: Address = {};
    let filled = 0;
    for (const part of ADDRESS_PARTS) {
      const raw = value[part];
      if (raw === undefined || raw === null) continue;
      if (typeof raw !== "string") {
        report.report(`${path}/${part}`, "type", "must be text");
        ok = false;
        continue;
      }
      const text = raw.trim();
      if (text === "") continue;
      if (text.length > PART_MAX_LENGTH) {
        report.report(`${path}/${part}`, "max_length", `must be at most ${PART_MAX_LENGTH} characters`, {
          limit: PART_MAX_LENGTH,
        });
        ok = false;
        continue;
      }
      address[part] = text;
      filled++;
    }
    if (!ok) return INVALID;
    if (filled === 0) return ABSENT;
    if (detailRequired && address.detail === undefined) {
      report.report(`${path}/detail`, "required", "is required");
      return INVALID;
    }
    return address;
  };
}
