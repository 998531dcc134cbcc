/* Weather update publisher: a ZMQ_PUB socket that sends UPDATES messages of
 * the form "ZIPCODE TEMPERATURE HUMIDITY".  The values come from a small
 * linear congruential generator so every run publishes the same sequence. */
#include <stdio.h>
#include <string.h>
#include <zmq.h>

#define ENDPOINT "tcp://127.0.0.1:5602"
#define UPDATES 1000000
#define ZIP_BASE 10000
#define ZIP_COUNT 100
#define SEED 20240601u
#define LCG_MUL 1103515245u
#define LCG_ADD 12345u

int main(int argc, char **argv) {
    (void)argc;
    (void)argv;

    void *ctx = zmq_ctx_new();
    void *pub = zmq_socket(ctx, ZMQ_PUB);
    if (zmq_bind(pub, ENDPOINT) != 0) {
        fprintf(stderr, "wuserver: cannot bind %s\n", ENDPOINT);
        zmq_close(pub);
        zmq_ctx_destroy(ctx);
        return 1;
    }

    unsigned int state = SEED;
    for (int i = 0; i < UPDATES; i++) {
        state = state * LCG_MUL + LCG_ADD;
        int zipcode = ZIP_BASE + (int)((state >> 16) % ZIP_COUNT);
        state = state * LCG_MUL + LCG_ADD;
        int temperature = (int)((state >> 16) % 215) - 80;
        state = state * LCG_MUL + LCG_ADD;
        int humidity = (int)((state >> 16) % 50) + 10;

        char update[32];
        snprintf(update, sizeof update, "%05d %d %d", zipcode, temperature, humidity);
        zmq_send(pub, update, strlen(update), 0);
    }

    zmq_close(pub);
    zmq_ctx_destroy(ctx);
    return 0;
}
