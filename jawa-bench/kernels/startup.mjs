// startup.mjs: the startup measurement under node, for the benchmark runner.
//
//   node [--no-liftoff] startup.mjs MODULE.wasm [SIZE]
//
// Compiles and instantiates the module (with do-nothing functions for its imports) and calls
// probe(40, 2) once. Prints the result as a "checksum" line on stdout and, on stderr, the
// nanoseconds from the bytes in memory to the call's return as "jawa-bench-time-ns N".
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
    console.error('usage: node startup.mjs MODULE.wasm');
    process.exit(2);
}
const bytes = readFileSync(file);
const start = process.hrtime.bigint();
const module = await WebAssembly.compile(bytes);
const imports = {};
for (const imp of WebAssembly.Module.imports(module)) {
    if (imp.kind === 'function') (imports[imp.module] ??= {})[imp.name] = () => 0;
}
const instance = await WebAssembly.instantiate(module, imports);
const result = instance.exports.probe(40, 2);
const elapsed = process.hrtime.bigint() - start;
console.log(`checksum ${BigInt.asUintN(64, BigInt(result)).toString(16).padStart(16, '0')}`);
console.error(`jawa-bench-time-ns ${elapsed}`);
