;; A small module to try Jawa on:
;;   ./jawa run examples/hello.wat --invoke factorial 20
;;   ./jawa wat2wasm examples/hello.wat -o /tmp/hello.wasm
;;   ./jawa wasm2wat /tmp/hello.wasm
(module
  ;; One page of memory, holding a greeting.
  (memory (export "memory") 1)
  (data (i32.const 16) "Hello, WebAssembly!")

  ;; The greeting's address and length.
  (func (export "greeting") (result i32 i32)
    i32.const 16
    i32.const 19)

  ;; n! computed with a loop.
  (func $factorial (export "factorial") (param $n i64) (result i64)
    (local $acc i64)
    (local.set $acc (i64.const 1))
    (block $done
      (loop $next
        (br_if $done (i64.le_u (local.get $n) (i64.const 1)))
        (local.set $acc (i64.mul (local.get $acc) (local.get $n)))
        (local.set $n (i64.sub (local.get $n) (i64.const 1)))
        (br $next)))
    (local.get $acc)))
