import { HttpProblem } from "../problem.js";

const IF_MATCH = /^\s*(?:W\/)?"?([1-9][0-9]{0,9})"?\s*$/;

/**
 * The version an `If-Match` header names: `3`, `"3"` or `W/"3"`; undefined without the header.
 * Anything else (several tags, `*`) is 400: a write must name the version it was based on.
 */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header.join(",") : header;
  const match = IF_MATCH.exec(value);
  const version = match?.[1] === undefined ? Number.NaN : Number(match[1]);
  if (!Number.isSafeInteger(version)) {
    throw new HttpProblem(400, 'If-Match must name one record version, e.g. If-Match: "3"', [
      { path: "/headers/if-match", code: "format", message: "must be a record version" },
    ]);
  }
  return version;
}

/** The ETag of a record version. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** 409: the record moved on since the version the client based its write on. */
export function staleVersion(current: number, expected: number): HttpProblem {
  return new HttpProblem(
    409,
    `the record is at version ${current}, not ${expected}: reload it and apply your change again`,
    [
      {
        path: "/headers/if-match",
        code: "stale_version",
        message: `the current version is ${current}`,
        params: { currentVersion: current, expectedVersion: expected },
      },
    ],
    { ETag: etagOf(current) },
  );
}

/** 428: a PATCH must say which version it changes. */
export function versionRequired(): HttpProblem {
  return new HttpProblem(428, "send If-Match with the version of the record you changed (its ETag)", [
    { path: "/headers/if-match", code: "required", message: "is required" },
  ]);
}
