;; Script threads: two threads add to one shared counter, and a thread waiting in
;; memory.atomic.wait is woken by the main thread's notify.

(module $Mem (memory (export "shared") 1 1 shared))
(register "mem" $Mem)

(module $Check
  (memory (import "mem" "shared") 1 1 shared)
  (func (export "count") (result i32) (i32.atomic.load (i32.const 0)))
  ;; notifies address 8 until it woke someone (the waiter may not be waiting yet)
  (func (export "wake") (result i32)
    (loop $again
      (br_if $again (i32.eqz (memory.atomic.notify (i32.const 8) (i32.const 1)))))
    (i32.const 1)))

(thread $T1 (shared (module $Mem))
  (register "mem" $Mem)
  (module
    (memory (import "mem" "shared") 1 1 shared)
    (func (export "run") (param $n i32)
      (loop $l
        (drop (i32.atomic.rmw.add (i32.const 0) (i32.const 1)))
        (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))))
  (invoke "run" (i32.const 100000))
  (assert_return (invoke "run" (i32.const 1)))
)

(thread $T2 (shared (module $Mem))
  (register "mem" $Mem)
  (module
    (memory (import "mem" "shared") 1 1 shared)
    (func (export "run") (param $n i32)
      (loop $l
        (drop (i32.atomic.rmw.add (i32.const 0) (i32.const 1)))
        (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))))
  (invoke "run" (i32.const 100000))
)

(wait $T1)
(wait $T2)
(assert_return (invoke $Check "count") (i32.const 200001))

(thread $Waiter (shared (module $Mem))
  (register "mem" $Mem)
  (module
    (memory (import "mem" "shared") 1 1 shared)
    (func (export "wait") (result i32)
      (memory.atomic.wait32 (i32.const 8) (i32.const 0) (i64.const -1))))
  (assert_return (invoke "wait") (i32.const 0))
)

(assert_return (invoke $Check "wake") (i32.const 1))
(wait $Waiter)
