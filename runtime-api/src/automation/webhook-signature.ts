import { createHmac } from "node:crypto";

// Standard Webhooks (standardwebhooks.com): the receiver verifies
//   webhook-signature = "v1," + base64(HMAC-SHA256(key, `${webhook-id}.${webhook-timestamp}.${body}`))
// with the key it was given as `whsec_<base64 key>`. Each workspace has its own key, derived from
// the server secret so nothing extra is stored: HMAC-SHA256(serverSecret, "stagecraft-webhook:" + id).
// Rotating the server secret rotates every workspace's key.

/** The signing key of a workspace's outbound webhooks (32 bytes). */
export function webhookSigningKey(serverSecret: string, workspaceId: string): Buffer {
  return createHmac("sha256", serverSecret).update(`stagecraft-webhook:${workspaceId}`).digest();
}

/** The key as Standard Webhooks receivers are configured with it: `whsec_` + base64. */
export function webhookSecretText(key: Uint8Array): string {
  return `whsec_${Buffer.from(key).toString("base64")}`;
}

/** The Standard Webhooks headers of one delivery. */
export interface SignatureHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

/** Sign a body: `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature` (`v1,<base64>`). */
export function signWebhook(key: Uint8Array, id: string, at: Date, body: string): SignatureHeaders {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  return { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": `v1,${signature}` };
}
