/* Compression-like byte processing: LZ77 with a hash-chain match finder over generated text,
 * then decompression and a byte-for-byte check, block by block (1 MiB blocks, as real compressors
 * work, which also bounds the memory). The token stream is a flag byte per 8 items,
 * literals as bytes and matches as (length - 3, 16-bit distance). Size: input KiB. */
#include "kernel.h"

#define WINDOW 32768
#define HASH_BITS 14
#define MAX_CHAIN 32
#define MIN_MATCH 3
#define MAX_MATCH 258

static const char *WORDS[] = {
    "the ", "quick ", "brown ", "fox ", "jumps ", "over ", "lazy ", "dog ", "and ", "then ",
    "wasm ", "engine ", "runs ", "module ", "fast ", "memory ", "table ", "stack ", "of ", "a ",
    "benchmark ", "kernel ", "compress ", "byte ", "stream ", "window ", "match ", "literal ",
};

static size_t make_text(rng_t *rp, uint8_t *out, size_t n) {
    rng_t r = *rp;
    size_t len = 0;
    uint32_t prev = 0;
    while (len < n) {
        /* Words follow their predecessor often, which gives the repeats LZ77 finds. */
        uint32_t w = (rng_below(&r, 4) == 0) ? rng_below(&r, 28) : (prev * 7 + 3) % 28;
        prev = w;
        const char *s = WORDS[w];
        while (*s && len < n) out[len++] = (uint8_t) *s++;
        if (rng_below(&r, 16) == 0 && len < n) out[len++] = (uint8_t) ('0' + rng_below(&r, 10));
    }
    *rp = r;
    return len;
}

static inline uint32_t hash3(const uint8_t *p) {
    uint32_t v = (uint32_t) p[0] << 16 | (uint32_t) p[1] << 8 | p[2];
    return (v * 2654435761u) >> (32 - HASH_BITS);
}

static size_t lz_compress(const uint8_t *in, size_t n, uint8_t *out) {
    int32_t *head = malloc(sizeof(int32_t) << HASH_BITS);
    int32_t *prev = malloc(sizeof(int32_t) * n);
    for (size_t i = 0; i < ((size_t) 1 << HASH_BITS); i++) head[i] = -1;
    size_t o = 0, flag_pos = 0;
    int items = 8;
    size_t i = 0;
    while (i < n) {
        if (items == 8) { flag_pos = o++; out[flag_pos] = 0; items = 0; }
        size_t best_len = 0, best_dist = 0;
        if (i + MIN_MATCH <= n) {
            uint32_t hv = hash3(in + i);
            int32_t cand = head[hv];
            int chain = MAX_CHAIN;
            size_t limit = n - i < MAX_MATCH ? n - i : MAX_MATCH;
            while (cand >= 0 && i - (size_t) cand <= WINDOW && chain-- > 0) {
                size_t l = 0;
                while (l < limit && in[cand + l] == in[i + l]) l++;
                if (l > best_len) { best_len = l; best_dist = i - (size_t) cand; }
                cand = prev[cand];
            }
            prev[i] = head[hv];
            head[hv] = (int32_t) i;
        }
        if (best_len >= MIN_MATCH) {
            out[flag_pos] |= (uint8_t) (1 << items);
            out[o++] = (uint8_t) (best_len - MIN_MATCH);
            out[o++] = (uint8_t) best_dist;
            out[o++] = (uint8_t) (best_dist >> 8);
            /* Keep the chains current inside the match too (cheaper variants skip this). */
            for (size_t k = 1; k < best_len && i + k + MIN_MATCH <= n; k++) {
                uint32_t hv = hash3(in + i + k);
                prev[i + k] = head[hv];
                head[hv] = (int32_t) (i + k);
            }
            i += best_len;
        } else {
            out[o++] = in[i++];
        }
        items++;
    }
    free(head);
    free(prev);
    return o;
}

static size_t lz_decompress(const uint8_t *in, size_t n, uint8_t *out) {
    size_t i = 0, o = 0;
    while (i < n) {
        uint8_t flags = in[i++];
        for (int b = 0; b < 8 && i < n; b++) {
            if (flags & (1 << b)) {
                size_t len = (size_t) in[i] + MIN_MATCH;
                size_t dist = (size_t) in[i + 1] | (size_t) in[i + 2] << 8;
                i += 3;
                for (size_t k = 0; k < len; k++, o++) out[o] = out[o - dist];
            } else {
                out[o++] = in[i++];
            }
        }
    }
    return o;
}

#define BLOCK (1024 * 1024)

int main(int argc, char **argv) {
    size_t total = (size_t) kernel_size(argc, argv, 24576) * 1024;
    uint8_t *text = malloc(BLOCK);
    uint8_t *packed = malloc(BLOCK + BLOCK / 8 + 16);
    uint8_t *back = malloc(BLOCK);
    rng_t r = {0x1234567887654321ULL};
    uint64_t h = CHECKSUM_SEED;
    size_t packed_total = 0;
    for (size_t done = 0; done < total; done += BLOCK) {
        size_t n = total - done < BLOCK ? total - done : BLOCK;
        make_text(&r, text, n);
        size_t packed_len = lz_compress(text, n, packed);
        size_t back_len = lz_decompress(packed, packed_len, back);
        if (back_len != n || memcmp(text, back, n) != 0) {
            printf("round trip failed\n");
            return 1;
        }
        packed_total += packed_len;
        h = mix(h, packed_len);
        for (size_t i = 0; i < packed_len; i++) h = mix(h, packed[i]);
    }
    printf("%zu bytes packed into %zu\n", total, packed_total);
    print_checksum(h);
    return 0;
}
