// JSON Schemas that several route plugins share, so the same path is checked the same way everywhere.

/** An id in a path or body: a non-empty string of at most 100 characters. */
export const id = { type: "string", minLength: 1, maxLength: 100 } as const;

/** A share link's secret token in a path (issued 43 characters long; longer ones are refused unread). */
export const shareToken = { type: "string", minLength: 1, maxLength: 200 } as const;

/** The params of a route under `/api/apps/:appId`. */
export const appParams = {
  type: "object",
  required: ["appId"],
  additionalProperties: false,
  properties: { appId: id },
} as const;

/** The typed params `appParams` checks. */
export interface AppParams {
  appId: string;
}
