package dev.jawa.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.Linker;
import dev.jawa.module.Import;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** All 46 functions of wasi_snapshot_preview1 are defined, and every one is called by a test program. */
class FunctionCoverageTest {

    /** The functions of wasi_snapshot_preview1, from its witx definition. */
    static final Set<String> PREVIEW1 = Set.of(
            "args_get", "args_sizes_get", "environ_get", "environ_sizes_get", "clock_res_get", "clock_time_get",
            "fd_advise", "fd_allocate", "fd_close", "fd_datasync", "fd_fdstat_get", "fd_fdstat_set_flags",
            "fd_fdstat_set_rights", "fd_filestat_get", "fd_filestat_set_size", "fd_filestat_set_times", "fd_pread",
            "fd_prestat_get", "fd_prestat_dir_name", "fd_pwrite", "fd_read", "fd_readdir", "fd_renumber", "fd_seek",
            "fd_sync", "fd_tell", "fd_write", "path_create_directory", "path_filestat_get",
            "path_filestat_set_times", "path_link", "path_open", "path_readlink", "path_remove_directory",
            "path_rename", "path_symlink", "path_unlink_file", "poll_oneoff", "proc_exit", "proc_raise",
            "sched_yield", "random_get", "sock_accept", "sock_recv", "sock_send", "sock_shutdown");

    static final List<String> PROGRAMS = List.of("args_env", "clocks", "stdio", "signal", "files", "dirs", "poll",
            "readonly", "sandbox", "sockets", "trap");

    @Test
    void definesAllFortySix() {
        Wasi wasi = Wasi.addTo(new Linker(), WasiConfig.builder().build());
        assertEquals(46, PREVIEW1.size());
        assertEquals(new TreeSet<>(PREVIEW1), new TreeSet<>(wasi.functionNames()));
    }

    @Test
    void everyFunctionIsImportedByATestProgram() {
        Set<String> imported = new TreeSet<>();
        for (String p : PROGRAMS) {
            for (Import i : ProgramRun.module(p).imports()) {
                assertEquals(Wasi.MODULE, i.module(), p + " imports only WASI");
                imported.add(i.name());
            }
        }
        Set<String> missing = new TreeSet<>(PREVIEW1);
        missing.removeAll(imported);
        assertTrue(missing.isEmpty(), "not called by any test program: " + missing);
    }
}
