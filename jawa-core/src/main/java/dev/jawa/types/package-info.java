/**
 * WebAssembly types: value, reference, heap, storage and composite types, recursion groups,
 * and the types of memories, tables, globals and tags.
 *
 * <p>Every type here is immutable. Types that name another defined type do so by
 * module-relative index ({@link dev.jawa.types.TypeIndex}).
 */
package dev.jawa.types;
