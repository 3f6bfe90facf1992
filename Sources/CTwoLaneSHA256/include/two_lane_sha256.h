#ifndef BAOCAO_TWO_LANE_SHA256_H
#define BAOCAO_TWO_LANE_SHA256_H
#include <stddef.h>
#include <stdint.h>

/// Whether this processor has the SHA extensions (with SSSE3 and SSE4.1):
/// the block functions below may be called only when it does.
int baocao_sha256_lanes_available(void);

/// Runs SHA-256's compression over `blocks` 64-byte blocks of `data`,
/// updating `state` (the eight working words, H0 first).
void baocao_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

/// The same over two independent messages at once, `blocks` blocks of each:
/// one core's SHA units run the two chains interleaved, about 1.65 times
/// the bytes per second of one chain (docs/performance.md).
void baocao_sha256_blocks_x2(uint32_t first_state[8], const uint8_t *first,
                             uint32_t second_state[8], const uint8_t *second, size_t blocks);
#endif
