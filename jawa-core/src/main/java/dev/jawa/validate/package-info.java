/**
 * Validation of modules against the WebAssembly 3.0 rules (with legacy exceptions and threads),
 * and what it yields for the execution tiers.
 *
 * <ul>
 *   <li>{@link dev.jawa.validate.Validator#validate(dev.jawa.module.Module)} checks a module and
 *       returns a {@link dev.jawa.validate.ValidatedModule}, or throws
 *       {@link dev.jawa.InvalidModuleException} worded like the spec testsuite;</li>
 *   <li>{@link dev.jawa.validate.DefinedType} is the engine-wide canonical identity of a defined
 *       type, hash-consed per recursion group by {@link dev.jawa.validate.TypeRegistry}
 *       (iso-recursive equivalence), with the declared subtyping chain;
 *       {@link dev.jawa.validate.TypeMatching} compares types written in different modules;</li>
 *   <li>{@link dev.jawa.validate.FunctionInfo} gives, per function, the operand-stack bound, the
 *       number of locals and the branch side table an interpreter follows without searching.</li>
 * </ul>
 */
package dev.jawa.validate;
