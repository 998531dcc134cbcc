/* Out-parameters: T **out written with an owned value is a mutable borrow. */
#include <stdlib.h>
#include <string.h>

struct op_conf {
    int port;
    // expect field op_conf.host owned immutable
    char *host;
};

// expect param op_conf_new.out borrowed mutable
int op_conf_new(struct op_conf **out) {
    // expect local op_conf_new.c owned mutable
    struct op_conf *c = malloc(sizeof *c);
    if (!c)
        return -1;
    c->port = 80;
    c->host = strdup("localhost");
    *out = c;
    return 0;
}

// expect param op_conf_free.c owned
void op_conf_free(struct op_conf *c) {
    free(c->host);
    free(c);
}

// expect param op_dup_name.src borrowed immutable
// expect param op_dup_name.out borrowed mutable
int op_dup_name(const char *src, char **out) {
    *out = strdup(src);
    return *out ? 0 : -1;
}

// expect param op_parse_port.s borrowed immutable
// expect param op_parse_port.out borrowed mutable rust="&mut i32"
int op_parse_port(const char *s, int *out) {
    *out = atoi(s);
    return *out > 0 ? 0 : -1;
}

int op_main(void) {
    // expect local op_main.conf owned mutable
    struct op_conf *conf = NULL;
    if (op_conf_new(&conf) != 0)
        return 1;
    // expect local op_main.port value mutable
    int port = 0;
    op_parse_port("8080", &port);
    conf->port = port;
    op_conf_free(conf);
    return 0;
}
