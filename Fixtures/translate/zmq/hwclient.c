/* Minimal "hello world" client: a ZMQ_REQ socket on a fixed endpoint that
 * sends "Hello" ROUNDS times and prints each reply. */
#include <stdio.h>
#include <zmq.h>

#define ENDPOINT "tcp://127.0.0.1:5601"
#define ROUNDS 3
#define BUF_SIZE 16

int main(int argc, char **argv) {
    (void)argc;
    (void)argv;

    void *ctx = zmq_ctx_new();
    void *requester = zmq_socket(ctx, ZMQ_REQ);
    zmq_connect(requester, ENDPOINT);

    for (int i = 0; i < ROUNDS; i++) {
        char buf[BUF_SIZE];
        printf("Sending Hello %d\n", i);
        zmq_send(requester, "Hello", 5, 0);
        int n = zmq_recv(requester, buf, BUF_SIZE - 1, 0);
        if (n < 0)
            break;
        if (n > BUF_SIZE - 1)
            n = BUF_SIZE - 1;
        buf[n] = '\0';
        printf("Received %s %d\n", buf, i);
    }

    zmq_close(requester);
    zmq_ctx_destroy(ctx);
    return 0;
}
