import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";

// A local receiver of the runtime's outbound webhooks; `answer` decides each response (it may
// hold one open to keep a rule run in the middle of its webhook action).

/** One delivery the receiver got. */
export interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A running receiver. */
export interface WebhookServer {
  url: string;
  deliveries: Delivery[];
  close(): Promise<void>;
}

/** Start a receiver on 127.0.0.1; `answer` responds to each delivery (default 204 at once). */
export async function startWebhookServer(
  answer: (delivery: Delivery, response: ServerResponse) => void = (_delivery, response) => {
    response.statusCode = 204;
    response.end();
  },
): Promise<WebhookServer> {
  const deliveries: Delivery[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const delivery = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      deliveries.push(delivery);
      answer(delivery, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    deliveries,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
