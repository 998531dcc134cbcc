// translate: GCC's atomic builtins (__sync_* and __atomic_*: reference counts, flags, compare-and-swap, test-and-set, fences) and clang's rotate builtins
// exit: 0
#include <stdio.h>
#include <stdint.h>
#include <stddef.h>
/* Reference counts and flags with GCC's atomic builtins (jansson, libuv-style code), and
   clang's rotate builtins (xxhash's XXH_rotl32 when __has_builtin says yes). */
typedef struct { int type; size_t refcount; } obj;
static unsigned flags;
static char once;
static long long counter = 5;
#ifndef __has_builtin
#define __has_builtin(x) 0
#endif
#if __has_builtin(__builtin_rotateleft32)
#define ROTL32 __builtin_rotateleft32
#else
#define ROTL32(x, r) (((x) << (r)) | ((x) >> (32 - (r))))
#endif
int main(void) {
  obj o = {1, 1};
  __sync_add_and_fetch(&o.refcount, 2);
  size_t left = __sync_sub_and_fetch(&o.refcount, 1);
  size_t before = __sync_fetch_and_add(&o.refcount, 10);
  int swapped = __sync_bool_compare_and_swap(&o.refcount, 12, 40);
  long long old = __sync_val_compare_and_swap(&counter, 5, -3);
  unsigned prev = __sync_fetch_and_or(&flags, 0x5u);
  __sync_fetch_and_and(&flags, ~0x1u);
  __sync_synchronize();
  __atomic_add_fetch(&o.refcount, 1, __ATOMIC_ACQ_REL);
  size_t now = __atomic_load_n(&o.refcount, __ATOMIC_ACQUIRE);
  __atomic_store_n(&flags, __atomic_fetch_xor(&flags, 0xF0u, __ATOMIC_RELAXED) | 0x100u, __ATOMIC_RELEASE);
  int first = __atomic_test_and_set(&once, __ATOMIC_SEQ_CST) == 0;
  int second = __atomic_test_and_set(&once, __ATOMIC_SEQ_CST) == 0;
  __atomic_thread_fence(__ATOMIC_SEQ_CST);
  long long exch = __atomic_exchange_n(&counter, 99, __ATOMIC_SEQ_CST);
  printf("%zu %zu %d %lld %u %zu %x %d %d %lld %lld\n", left, before, swapped, old, prev, now, flags, first, second, exch, counter);
  printf("%08x %08x\n", ROTL32(0x80000001u, 13), ROTL32(0xdeadbeefu, 0));
  return 0;
}
