;; Written with --debug-names: a name section with function, local, global and other names.
(module $named
  (type $t (func (param i32) (result i32)))
  (memory $memory 1)
  (table $table 1 funcref)
  (global $global (mut i32) (i32.const 0))
  (elem $elems (i32.const 0) $identity)
  (data $datas (i32.const 0) "x")
  (func $identity (type $t) (param $value i32) (result i32) (local $unused f64)
    (local.get $value))
  (func $second (local $a i32) (local $b i64)))
