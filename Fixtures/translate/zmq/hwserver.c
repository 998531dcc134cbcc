/* Minimal "hello world" server: a ZMQ_REP socket on a fixed endpoint that
 * answers "World" to each of ROUNDS "Hello" requests. */
#include <stdio.h>
#include <zmq.h>

#define ENDPOINT "tcp://127.0.0.1:5601"
#define ROUNDS 3
#define BUF_SIZE 16

int main(int argc, char **argv) {
    (void)argc;
    (void)argv;

    void *ctx = zmq_ctx_new();
    void *responder = zmq_socket(ctx, ZMQ_REP);
    if (zmq_bind(responder, ENDPOINT) != 0) {
        fprintf(stderr, "hwserver: cannot bind %s\n", ENDPOINT);
        zmq_close(responder);
        zmq_ctx_destroy(ctx);
        return 1;
    }

    for (int i = 0; i < ROUNDS; i++) {
        char buf[BUF_SIZE];
        int n = zmq_recv(responder, buf, BUF_SIZE - 1, 0);
        if (n < 0)
            break;
        if (n > BUF_SIZE - 1)
            n = BUF_SIZE - 1;
        buf[n] = '\0';
        printf("Received %s\n", buf);
        zmq_send(responder, "World", 5, 0);
    }

    zmq_close(responder);
    zmq_ctx_destroy(ctx);
    return 0;
}
