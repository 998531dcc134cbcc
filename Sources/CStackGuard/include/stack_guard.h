// Stack exhaustion while parsing: C nested deeper than the parser's stack (100,000 unary minus
// signs) would kill the process with SIGSEGV and no message. A thread that parses calls
// `oxidize_guard_thread` (an alternate signal stack, its stack's lowest address) and names what
// it parses with `oxidize_set_parsing`; a fault within reach of that stack's end then prints the
// message and exits 2. Any other fault goes on to the handler that was there before (libclang's
// crash recovery). Written in C because a signal handler may only do async-signal-safe work.
#pragma once
#include <stdint.h>

/// Installs the handler (once, after libclang installed its own).
void oxidize_install_fault_handler(void);
/// For the calling thread: an alternate signal stack, and the lowest address of its stack.
void oxidize_guard_thread(uintptr_t stack_low);
/// The message printed if this thread's stack runs out; NULL when it no longer parses.
void oxidize_set_parsing(const char *message);
