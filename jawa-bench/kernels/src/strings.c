/* String processing: generate words, count them in a chained hash table keyed by C strings,
 * build sentences with strcat-style copying, search them for patterns (a hand-written
 * Knuth-Morris-Pratt), reverse and upper-case them, and sort the distinct words. Size: the
 * number of words. */
#include "kernel.h"

#define TABLE 4096

typedef struct entry { struct entry *next; char *word; uint32_t count; } entry_t;

static uint32_t str_hash(const char *s) {
    uint32_t h = 2166136261u;
    while (*s) { h ^= (uint8_t) *s++; h *= 16777619u; }
    return h;
}

static void make_word(rng_t *r, char *out) {
    static const char *syllables[] = {"ka", "to", "ri", "me", "su", "na", "lo", "vi", "de", "ja", "wa", "po"};
    int parts = 1 + (int) rng_below(r, 3);
    out[0] = 0;
    for (int i = 0; i < parts; i++) strcat(out, syllables[rng_below(r, 12)]);
}

/* KMP: the number of (possibly overlapping) occurrences of pat in text. */
static long count_occurrences(const char *text, const char *pat) {
    size_t m = strlen(pat);
    int fail[64];
    fail[0] = 0;
    for (size_t i = 1, k = 0; i < m; i++) {
        while (k > 0 && pat[i] != pat[k]) k = fail[k - 1];
        if (pat[i] == pat[k]) k++;
        fail[i] = (int) k;
    }
    long found = 0;
    for (size_t k = 0; *text; text++) {
        while (k > 0 && *text != pat[k]) k = fail[k - 1];
        if (*text == pat[k]) k++;
        if (k == m) { found++; k = fail[k - 1]; }
    }
    return found;
}

static int compare_words(const void *a, const void *b) {
    return strcmp(*(char *const *) a, *(char *const *) b);
}

int main(int argc, char **argv) {
    long words = kernel_size(argc, argv, 8000000);
    rng_t r = {0x57a1265ULL};
    entry_t **table = calloc(TABLE, sizeof(entry_t *));
    long distinct = 0;
    char word[16];
    size_t sentence_cap = 1 << 16;
    char *sentence = malloc(sentence_cap);
    size_t sentence_len = 0;
    uint64_t h = CHECKSUM_SEED;
    long occurrences = 0;
    for (long w = 0; w < words; w++) {
        make_word(&r, word);
        uint32_t slot = str_hash(word) & (TABLE - 1);
        entry_t *e = table[slot];
        while (e && strcmp(e->word, word) != 0) e = e->next;
        if (!e) {
            e = malloc(sizeof *e);
            e->word = strdup(word);
            e->count = 0;
            e->next = table[slot];
            table[slot] = e;
            distinct++;
        }
        e->count++;
        size_t len = strlen(word);
        if (sentence_len + len + 2 > sentence_cap) {
            /* A full sentence: search it, reverse it, upper-case it, hash it, start again. */
            occurrences += count_occurrences(sentence, "kato") + count_occurrences(sentence, "nana");
            for (size_t a = 0, b = sentence_len - 1; a < b; a++, b--) {
                char t = sentence[a]; sentence[a] = sentence[b]; sentence[b] = t;
            }
            for (size_t i = 0; i < sentence_len; i++) {
                char ch = sentence[i];
                if (ch >= 'a' && ch <= 'z') sentence[i] = (char) (ch - 'a' + 'A');
            }
            h = mix(h, str_hash(sentence));
            sentence_len = 0;
            sentence[0] = 0;
        }
        memcpy(sentence + sentence_len, word, len);
        sentence_len += len;
        sentence[sentence_len++] = ' ';
        sentence[sentence_len] = 0;
    }
    char **list = malloc(sizeof(char *) * distinct);
    long n = 0;
    for (int i = 0; i < TABLE; i++) {
        for (entry_t *e = table[i]; e; e = e->next) {
            list[n++] = e->word;
            h = mix(h, e->count);
        }
    }
    qsort(list, n, sizeof(char *), compare_words);
    for (long i = 0; i < n; i++) h = mix(h, str_hash(list[i]));
    printf("distinct %ld, occurrences %ld\n", distinct, occurrences);
    print_checksum(mix(mix(h, (uint64_t) distinct), (uint64_t) occurrences));
    return 0;
}
