// probe: v10_csmith, a program written to test one corner of C's semantics in translation
#include <stdio.h>
#include <stdint.h>
static int32_t g_1 = -1;
static uint8_t g_2 = 0xF0;
static int16_t g_3[3] = {-7, 0, 7};
static volatile uint32_t g_4 = 0x12345678;
static int64_t g_5 = -0x7FFFFFFFFFFFFFFFLL;
static uint16_t func_1(int8_t p1, uint32_t p2) {
    int32_t l = p1;
    for (g_2 = 0; g_2 <= 5; g_2 += 2) {
        l ^= (g_3[g_2 % 3] >= p2) | (g_1 <= (int32_t)p2);
        g_3[1] = (int16_t)(l * 3);
    }
    return (uint16_t)((g_4 >> 4) + l);
}
int main(void) {
    uint16_t r = func_1(-3, 7);
    g_5 += (int64_t)r * (g_1 < 0 ? 2 : 3);
    uint32_t crc = 0xFFFFFFFF;
    crc ^= r; crc = (crc >> 1) ^ (0xEDB88320 & -(crc & 1)); crc ^= (uint32_t)g_5;
    printf("checksum = %X %d %d %lld %u\n", crc, g_3[1], g_2, (long long)g_5, r);
    int8_t s8 = -100; uint8_t u8 = (uint8_t)s8 >> 2; int8_t s8b = s8 >> 2;
    printf("%u %d\n", u8, s8b);
    int16_t safe = (int16_t)((int16_t)20000 + (int16_t)20000); printf("%d\n", safe);
    return 0;
}
