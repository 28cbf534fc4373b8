// run-wasi.mjs: runs one WASI (preview1) command module under node, for the benchmark runner.
//
//   node [--no-liftoff] run-wasi.mjs KERNEL.wasm [ARGS...]
//
// The program's own output goes to stdout as usual. Afterwards one line on stderr,
// "jawa-bench-time-ns N", gives the nanoseconds from the module's bytes in memory to the return
// of _start: compiling, instantiating and running, but not node's own startup.
//
// Why not node:wasi: in node 20 it keeps a pointer to the module's memory from the start and
// does not refresh it after memory.grow, so any output written after the memory grew goes to
// freed memory (crashes, lost output; a known node bug). The kernels need seven WASI calls, so
// this file provides them itself, reading memory.buffer afresh on every call.
import { readFileSync, writeSync } from 'node:fs';
import { basename } from 'node:path';

const [file, ...args] = process.argv.slice(2);
if (!file) {
    console.error('usage: node run-wasi.mjs KERNEL.wasm [ARGS...]');
    process.exit(2);
}

const ESUCCESS = 0, EBADF = 8, ENOSYS = 52, ESPIPE = 70;
const FILETYPE_CHARACTER_DEVICE = 2;
const encoder = new TextEncoder();
const argv = [basename(file, '.wasm'), ...args].map((a) => encoder.encode(a + '\0'));

class ProcExit extends Error {
    constructor(code) {
        super(`proc_exit(${code})`);
        this.code = code;
    }
}

let memory = null;
const view = () => new DataView(memory.buffer);
const bytes = () => new Uint8Array(memory.buffer);
const isStdio = (fd) => fd >= 0 && fd <= 2;

const wasi = {
    args_sizes_get(countPtr, sizePtr) {
        view().setUint32(countPtr, argv.length, true);
        view().setUint32(sizePtr, argv.reduce((n, a) => n + a.length, 0), true);
        return ESUCCESS;
    },
    args_get(argvPtr, bufPtr) {
        for (const a of argv) {
            view().setUint32(argvPtr, bufPtr, true);
            bytes().set(a, bufPtr);
            argvPtr += 4;
            bufPtr += a.length;
        }
        return ESUCCESS;
    },
    fd_write(fd, iovs, iovsLen, writtenPtr) {
        if (fd !== 1 && fd !== 2) return EBADF;
        let written = 0;
        for (let i = 0; i < iovsLen; i++) {
            const base = view().getUint32(iovs + 8 * i, true);
            const len = view().getUint32(iovs + 8 * i + 4, true);
            writeSync(fd, bytes().subarray(base, base + len));
            written += len;
        }
        view().setUint32(writtenPtr, written, true);
        return ESUCCESS;
    },
    fd_fdstat_get(fd, statPtr) {
        if (!isStdio(fd)) return EBADF;
        const v = view();
        v.setUint8(statPtr, FILETYPE_CHARACTER_DEVICE);
        v.setUint16(statPtr + 2, 0, true);
        v.setBigUint64(statPtr + 8, 0xffffffffffffffffn, true);
        v.setBigUint64(statPtr + 16, 0xffffffffffffffffn, true);
        return ESUCCESS;
    },
    fd_seek(fd) {
        return isStdio(fd) ? ESPIPE : EBADF;
    },
    fd_close(fd) {
        return isStdio(fd) ? ESUCCESS : EBADF;
    },
    proc_exit(code) {
        throw new ProcExit(code);
    },
};
// Any other preview1 import links, and answers "not supported".
const imports = {
    wasi_snapshot_preview1: new Proxy(wasi, { get: (t, name) => t[name] ?? (() => ENOSYS) }),
};

const moduleBytes = readFileSync(file);
const start = process.hrtime.bigint();
const module = await WebAssembly.compile(moduleBytes);
const instance = await WebAssembly.instantiate(module, imports);
memory = instance.exports.memory;
let exitCode = 0;
try {
    instance.exports._start();
} catch (e) {
    if (!(e instanceof ProcExit)) throw e;
    exitCode = e.code;
}
const elapsed = process.hrtime.bigint() - start;
console.error(`jawa-bench-time-ns ${elapsed}`);
process.exitCode = exitCode;
