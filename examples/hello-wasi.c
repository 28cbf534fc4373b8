/* A small WASI program for `jawa run`: greets its arguments, counts the lines and words of its
 * standard input, lists the directory it was given, and exits with the number of arguments.
 *
 *   clang --target=wasm32-wasi -O2 -Wl,--strip-debug -o examples/hello-wasi.wasm examples/hello-wasi.c
 *   echo "one two" | ./jawa run --dir examples::data examples/hello-wasi.wasm Ada Grace
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        printf("Hello, %s!\n", argv[i]);
    }
    if (argc == 1) {
        printf("Hello, WebAssembly!\n");
    }
    if (!isatty(0)) {
        long lines = 0, words = 0;
        int c, in_word = 0;
        while ((c = getchar()) != EOF) {
            lines += c == '\n';
            int space = c == ' ' || c == '\n' || c == '\t';
            words += !space && !in_word;
            in_word = !space;
        }
        printf("stdin: %ld lines, %ld words\n", lines, words);
    }
    DIR *dir = opendir("data");
    if (dir != NULL) {
        int n = 0;
        struct dirent *e;
        while ((e = readdir(dir)) != NULL) {
            n += e->d_name[0] != '.';
        }
        closedir(dir);
        printf("data/ has %d entries\n", n);
    }
    const char *user = getenv("USER");
    if (user != NULL) {
        printf("USER is %s\n", user);
    }
    return argc - 1;
}
