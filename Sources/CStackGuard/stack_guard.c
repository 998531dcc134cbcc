#include "stack_guard.h"
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static __thread char *oxidize_parsing_message;
static __thread uintptr_t oxidize_stack_low;
static struct sigaction oxidize_previous_segv, oxidize_previous_bus;

static void oxidize_on_fault(int sig, siginfo_t *info, void *context) {
    uintptr_t a = (uintptr_t)info->si_addr;
    if (oxidize_parsing_message && oxidize_stack_low && a + (1u << 20) >= oxidize_stack_low
        && a < oxidize_stack_low + (1u << 20)) {
        ssize_t ignored = write(2, oxidize_parsing_message, strlen(oxidize_parsing_message));
        (void)ignored;
        _exit(2);
    }
    struct sigaction *previous = sig == SIGBUS ? &oxidize_previous_bus : &oxidize_previous_segv;
    if (previous->sa_flags & SA_SIGINFO) { previous->sa_sigaction(sig, info, context); return; }
    if (previous->sa_handler == SIG_IGN) return;
    if (previous->sa_handler == SIG_DFL) { signal(sig, SIG_DFL); raise(sig); return; }
    previous->sa_handler(sig);
}

/// Installs the handler (once, after libclang installed its own).
void oxidize_install_fault_handler(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = oxidize_on_fault;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    sigaction(SIGSEGV, &action, &oxidize_previous_segv);
    sigaction(SIGBUS, &action, &oxidize_previous_bus);
}

/// For the calling thread: an alternate signal stack, and the lowest address of its stack.
void oxidize_guard_thread(uintptr_t stack_low) {
    stack_t current;
    if (sigaltstack(NULL, &current) == 0 && !(current.ss_flags & SS_DISABLE)) { oxidize_stack_low = stack_low; return; }
    stack_t alternate;
    alternate.ss_size = 1u << 16;
    alternate.ss_sp = malloc(alternate.ss_size);
    alternate.ss_flags = 0;
    if (alternate.ss_sp && sigaltstack(&alternate, NULL) == 0) oxidize_stack_low = stack_low;
}

/// The message printed if this thread's stack runs out; NULL when it no longer parses.
void oxidize_set_parsing(const char *message) {
    char *previous = oxidize_parsing_message;
    oxidize_parsing_message = message ? strdup(message) : NULL;
    free(previous);
}
