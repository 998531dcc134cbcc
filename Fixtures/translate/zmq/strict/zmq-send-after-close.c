// strict: use-after-free -> rustc E0382 (borrow of moved value)
#include <stdio.h>
#include <string.h>
#include <zmq.h>

int main(void) {
    void *context = zmq_ctx_new();
    void *requester = zmq_socket(context, ZMQ_REQ);
    zmq_connect(requester, "tcp://127.0.0.1:5599");
    zmq_close(requester);
    zmq_send(requester, "Hello", 5, 0);   /* the socket was closed above */
    zmq_ctx_destroy(context);
    return 0;
}
