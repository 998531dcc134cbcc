/* The seed's own examples (shared/seed/rust-memory-management.txt). */
#include <string.h>
#include <zmq.h>

/* Ownership: zeromq owns the context, we must tell it to free it. */
int zs_client(void) {
    // expect local zs_client.context owned rust="zmq::Context"
    void *context = zmq_ctx_new();
    // expect local zs_client.requester owned rust="zmq::Socket"
    void *requester = zmq_socket(context, ZMQ_REQ);
    zmq_connect(requester, "tcp://localhost:5555");
    // expect local zs_client.msg owned mutable rust="zmq::Message"
    zmq_msg_t msg;
    zmq_msg_init_size(&msg, 5);
    memcpy(zmq_msg_data(&msg), "Hello", 5);
    zmq_msg_send(&msg, requester, 0);
    zmq_msg_close(&msg);
    zmq_close(requester);
    zmq_ctx_destroy(context);
    return 0;
}

/* The socket borrows the context; the returned socket is owned by the caller. */
// expect return zs_open_socket owned rust="zmq::Socket"
// expect param zs_open_socket.context borrowed immutable
void *zs_open_socket(void *context) {
    return zmq_socket(context, ZMQ_REP);
}

/* Taking ownership: the context is moved in and destroyed. */
// expect param zs_shutdown.context owned rust="zmq::Context"
void zs_shutdown(void *context) {
    zmq_ctx_destroy(context);
}

/* Not taking ownership: the seed's length(). */
typedef struct some_large_struct {
    int x;
    int padding;
    char payload[4096];
} some_large_struct_t;

// expect param length.datum borrowed immutable rust="&some_large_struct"
int length(some_large_struct_t *datum) {
    return datum->x - datum->padding;
}

/* Inherited mutability: a field of a local is assigned, so the local needs `let mut`. */
struct Point { int x; int y; };

int zs_points(void) {
    // expect local zs_points.value value mutable
    struct Point value = { 24, 42 };
    value.x = 42;
    // expect local zs_points.origin value immutable
    struct Point origin = { 0, 0 };
    return value.x + value.y + origin.x;
}
