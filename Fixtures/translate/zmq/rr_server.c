/* Request/reply server: binds a ZMQ_REP socket on ENDPOINT and answers
 * "World" to each of ROUNDS requests.  Gives up if no request arrives
 * within RECV_TIMEOUT_MS milliseconds.
 *
 * usage: rr_server ENDPOINT ROUNDS     e.g. rr_server tcp://127.0.0.1:5599 3
 */
#include <stdio.h>
#include <stdlib.h>
#include <zmq.h>

#define RECV_TIMEOUT_MS 5000
#define REPLY "World"
#define REPLY_LEN 5

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s ENDPOINT ROUNDS\n", argv[0]);
        return 2;
    }
    const char *endpoint = argv[1];
    int rounds = atoi(argv[2]);
    if (rounds < 1) {
        fprintf(stderr, "server: ROUNDS must be a positive number\n");
        return 2;
    }

    void *ctx = zmq_ctx_new();
    if (ctx == NULL) {
        fprintf(stderr, "server: cannot create context\n");
        return 1;
    }
    void *sock = zmq_socket(ctx, ZMQ_REP);
    if (sock == NULL) {
        fprintf(stderr, "server: cannot create socket\n");
        zmq_ctx_destroy(ctx);
        return 1;
    }
    if (zmq_bind(sock, endpoint) != 0) {
        fprintf(stderr, "server: cannot bind %s: %s\n", endpoint, zmq_strerror(zmq_errno()));
        zmq_close(sock);
        zmq_ctx_destroy(ctx);
        return 1;
    }

    int timeout = RECV_TIMEOUT_MS;
    zmq_setsockopt(sock, ZMQ_RCVTIMEO, &timeout, sizeof timeout);

    int status = 0;
    for (int i = 1; i <= rounds; i++) {
        char buf[64];
        int n = zmq_recv(sock, buf, sizeof buf - 1, 0);
        if (n == -1) {
            fprintf(stderr, "server: receive timed out\n");
            status = 1;
            break;
        }
        /* zmq_recv reports the full message size even when it truncated. */
        if (n > (int)(sizeof buf - 1))
            n = (int)(sizeof buf - 1);
        buf[n] = '\0';
        printf("server got %s\n", buf);
        if (zmq_send(sock, REPLY, REPLY_LEN, 0) == -1) {
            fprintf(stderr, "server: send failed: %s\n", zmq_strerror(zmq_errno()));
            status = 1;
            break;
        }
    }

    zmq_close(sock);
    zmq_ctx_destroy(ctx);
    return status;
}
