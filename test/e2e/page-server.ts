/** A tiny static server for the e2e page on 127.0.0.1, on a free port the OS picks. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { PageAsset } from "./build-page";

export interface PageServer {
  url: string;
  close(): Promise<void>;
}

export async function startPageServer(assets: ReadonlyMap<string, PageAsset>): Promise<PageServer> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    const asset = assets.get(path);
    if (!asset) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    response.writeHead(200, { "content-type": asset.contentType, "cache-control": "no-store" }).end(asset.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
