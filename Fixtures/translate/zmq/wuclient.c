/* Weather update subscriber: a ZMQ_SUB socket that subscribes to one
 * zipcode (argv[1], default DEFAULT_ZIP), collects SAMPLES updates and
 * prints their average temperature. */
#include <stdio.h>
#include <string.h>
#include <zmq.h>

#define ENDPOINT "tcp://127.0.0.1:5602"
#define DEFAULT_ZIP "10042"
#define SAMPLES 10
#define BUF_SIZE 64

int main(int argc, char **argv) {
    const char *filter = DEFAULT_ZIP;
    if (argc > 2) {
        fprintf(stderr, "usage: %s [ZIPCODE]\n", argv[0]);
        return 2;
    }
    if (argc == 2)
        filter = argv[1];

    void *ctx = zmq_ctx_new();
    void *sub = zmq_socket(ctx, ZMQ_SUB);
    if (zmq_connect(sub, ENDPOINT) != 0) {
        fprintf(stderr, "wuclient: cannot connect to %s\n", ENDPOINT);
        zmq_close(sub);
        zmq_ctx_destroy(ctx);
        return 1;
    }
    zmq_setsockopt(sub, ZMQ_SUBSCRIBE, filter, strlen(filter));
    printf("Collecting updates for zipcode %s\n", filter);

    int total_temp = 0;
    int count = 0;
    while (count < SAMPLES) {
        char buf[BUF_SIZE];
        int n = zmq_recv(sub, buf, BUF_SIZE - 1, 0);
        if (n < 0)
            break;
        if (n > BUF_SIZE - 1)
            n = BUF_SIZE - 1;
        buf[n] = '\0';

        int zip = 0;
        int temp = 0;
        int hum = 0;
        if (sscanf(buf, "%d %d %d", &zip, &temp, &hum) != 3)
            continue;
        total_temp += temp;
        count++;
    }

    if (count > 0)
        printf("Average temperature for zipcode '%s' was %dF\n", filter, total_temp / count);
    else
        puts("No updates received");

    zmq_close(sub);
    zmq_ctx_destroy(ctx);
    return 0;
}
