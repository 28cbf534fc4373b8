;; A failing assertion inside a thread is the script's failure, at its line.
(module $M (memory (export "m") 1 1 shared) (func (export "one") (result i32) (i32.const 1)))
(thread $T (shared (module $M))
  (assert_return (invoke $M "one") (i32.const 1))
  (assert_return (invoke $M "one") (i32.const 2))
)
(wait $T)
(wait $Nobody)
