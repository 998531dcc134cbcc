/* Request/reply client: connects a ZMQ_REQ socket to ENDPOINT, sends
 * "Hello" ROUNDS times and prints each reply, received into a zmq_msg_t.
 *
 * usage: rr_client ENDPOINT ROUNDS     e.g. rr_client tcp://127.0.0.1:5599 3
 */
#include <stdio.h>
#include <stdlib.h>
#include <zmq.h>

#define RECV_TIMEOUT_MS 5000
#define REQUEST "Hello"
#define REQUEST_LEN 5

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s ENDPOINT ROUNDS\n", argv[0]);
        return 2;
    }
    const char *endpoint = argv[1];
    int rounds = atoi(argv[2]);
    if (rounds < 1) {
        fprintf(stderr, "client: ROUNDS must be a positive number\n");
        return 2;
    }

    void *ctx = zmq_ctx_new();
    if (ctx == NULL) {
        fprintf(stderr, "client: cannot create context\n");
        return 1;
    }
    void *sock = zmq_socket(ctx, ZMQ_REQ);
    if (sock == NULL) {
        fprintf(stderr, "client: cannot create socket\n");
        zmq_ctx_destroy(ctx);
        return 1;
    }

    /* Do not hang for ever if the server never answers, and drop any
     * unsent request at close time so zmq_ctx_destroy returns. */
    int timeout = RECV_TIMEOUT_MS;
    int linger = 0;
    zmq_setsockopt(sock, ZMQ_RCVTIMEO, &timeout, sizeof timeout);
    zmq_setsockopt(sock, ZMQ_LINGER, &linger, sizeof linger);

    if (zmq_connect(sock, endpoint) != 0) {
        fprintf(stderr, "client: cannot connect to %s: %s\n", endpoint, zmq_strerror(zmq_errno()));
        zmq_close(sock);
        zmq_ctx_destroy(ctx);
        return 1;
    }

    int status = 0;
    for (int i = 1; i <= rounds; i++) {
        if (zmq_send(sock, REQUEST, REQUEST_LEN, 0) == -1) {
            fprintf(stderr, "client: send failed: %s\n", zmq_strerror(zmq_errno()));
            status = 1;
            break;
        }

        zmq_msg_t reply;
        zmq_msg_init(&reply);
        if (zmq_msg_recv(&reply, sock, 0) == -1) {
            fprintf(stderr, "client: no reply in round %d\n", i);
            zmq_msg_close(&reply);
            status = 1;
            break;
        }
        size_t size = zmq_msg_size(&reply);
        printf("client got %.*s (round %d)\n", (int)size, (const char *)zmq_msg_data(&reply), i);
        zmq_msg_close(&reply);
    }

    zmq_close(sock);
    zmq_ctx_destroy(ctx);
    return status;
}
