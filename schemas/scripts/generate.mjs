// Writes schemas/json/*.schema.json from the built package (run `pnpm build` first; the package's
// `generate` script does both). Formatted with the repo's Prettier config so `prettier --check`
// and the freshness test (src/generate-json.test.ts) agree with what is written here.
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import process from "node:process";
import { URL, fileURLToPath } from "node:url";
import * as prettier from "prettier";
import { jsonSchemas } from "../dist/generate-json.js";

const outDir = fileURLToPath(new URL("../json/", import.meta.url));
await mkdir(outDir, { recursive: true });

const files = jsonSchemas();
// Remove files of parts that no longer exist, so the folder mirrors jsonSchemas() exactly.
for (const name of await readdir(outDir)) {
  if (name.endsWith(".schema.json") && !Object.hasOwn(files, name)) await rm(`${outDir}${name}`);
}
for (const [name, schema] of Object.entries(files)) {
  const path = `${outDir}${name}`;
  const options = (await prettier.resolveConfig(path)) ?? {};
  const text = await prettier.format(JSON.stringify(schema, null, 2), { ...options, filepath: path });
  await writeFile(path, text);
  process.stdout.write(`wrote schemas/json/${name}\n`);
}
