/* czmq's destroy convention: thing_destroy(&thing) releases *self_p and nulls it. */
#include <stdlib.h>
#include <string.h>
#include <zmq.h>

typedef struct cz_thing {
    int id;
    // expect field cz_thing.name owned immutable
    char *name;
    // expect field cz_thing.handle owned
    void *handle;
} cz_thing_t;

// expect return cz_thing_new owned
// expect param cz_thing_new.ctx borrowed immutable
cz_thing_t *cz_thing_new(void *ctx, const char *name) {
    cz_thing_t *self = calloc(1, sizeof *self);
    if (!self) return NULL;
    self->name = strdup(name);
    self->handle = zmq_socket(ctx, ZMQ_PUB);
    return self;
}

// expect param cz_thing_destroy.self_p borrowed mutable rust="&mut Option<Box<cz_thing>>"
void cz_thing_destroy(cz_thing_t **self_p) {
    if (*self_p) {
        // expect local cz_thing_destroy.self owned
        cz_thing_t *self = *self_p;
        if (self->handle)
            zmq_close(self->handle);
        free(self->name);
        free(self);
        *self_p = NULL;
    }
}

// expect param cz_thing_set_id.self borrowed mutable
void cz_thing_set_id(cz_thing_t *self, int id) { self->id = id; }

/* A container whose fields are released by passing their address to cz_thing_destroy. */
typedef struct cz_pair {
    // expect field cz_pair.first owned
    cz_thing_t *first;
    // expect field cz_pair.second owned
    cz_thing_t *second;
} cz_pair_t;

// expect param cz_pair_destroy.self_p borrowed mutable
void cz_pair_destroy(cz_pair_t **self_p) {
    if (*self_p) {
        cz_pair_t *self = *self_p;
        cz_thing_destroy(&self->first);
        cz_thing_destroy(&self->second);
        free(self);
        *self_p = NULL;
    }
}

// expect param cz_demo.ctx borrowed immutable
int cz_demo(void *ctx) {
    // expect local cz_demo.thing owned mutable
    cz_thing_t *thing = cz_thing_new(ctx, "a");
    if (!thing) return -1;
    cz_thing_set_id(thing, 7);
    cz_thing_destroy(&thing);
    return thing == NULL ? 0 : 1;
}
