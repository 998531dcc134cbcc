/* The seed's world: a zeromq request client, its context and socket owned,
 * a message received into a zmq_msg_t, a helper that only borrows the socket. */
#include <stdio.h>
#include <string.h>
#include <zmq.h>

struct stats {
    int sent;
    int received;
};

/* Only reads through `st`: borrowed immutable. */
static void print_stats(const struct stats *st) {
    printf("sent %d, received %d\n", st->sent, st->received);
}

/* Borrows the socket, writes through `st`. */
static int request(void *socket, const char *text, struct stats *st) {
    if (zmq_send(socket, text, strlen(text), 0) < 0)
        return -1;
    st->sent++;
    zmq_msg_t reply;
    zmq_msg_init(&reply);
    if (zmq_msg_recv(&reply, socket, 0) < 0) {
        zmq_msg_close(&reply);
        return -1;
    }
    printf("received %.*s\n", (int)zmq_msg_size(&reply), (const char *)zmq_msg_data(&reply));
    st->received++;
    zmq_msg_close(&reply);
    return 0;
}

int main(int argc, char **argv) {
    const char *endpoint = argc > 1 ? argv[1] : "tcp://127.0.0.1:5555";
    struct stats st = {0, 0};
    void *context = zmq_ctx_new();
    void *requester = zmq_socket(context, ZMQ_REQ);
    zmq_connect(requester, endpoint);
    int timeout = 1000;
    zmq_setsockopt(requester, ZMQ_RCVTIMEO, &timeout, sizeof timeout);
    for (int i = 0; i < 3; i++)
        if (request(requester, "Hello", &st) != 0)
            break;
    print_stats(&st);
    zmq_close(requester);
    zmq_ctx_destroy(context);
    return 0;
}
