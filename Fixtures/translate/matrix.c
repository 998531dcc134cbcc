// translate: dense row-major matrices of doubles with multiplication and trace
// exit: 0
#include <stdio.h>
#include <stdlib.h>

struct matrix {
    int rows;
    int cols;
    double *data;
};

struct matrix *matrix_new(int rows, int cols) {
    struct matrix *m = malloc(sizeof *m);
    if (m == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    m->rows = rows;
    m->cols = cols;
    m->data = calloc(rows * cols, sizeof *m->data);
    if (m->data == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    return m;
}

void matrix_free(struct matrix *m) {
    free(m->data);
    free(m);
}

struct matrix *matrix_mul(const struct matrix *a, const struct matrix *b) {
    struct matrix *r = matrix_new(a->rows, b->cols);
    for (int i = 0; i < a->rows; i++) {
        for (int j = 0; j < b->cols; j++) {
            double sum = 0.0;
            for (int k = 0; k < a->cols; k++) {
                sum += a->data[i * a->cols + k] * b->data[k * b->cols + j];
            }
            r->data[i * r->cols + j] = sum;
        }
    }
    return r;
}

void matrix_print(const struct matrix *m) {
    for (int i = 0; i < m->rows; i++) {
        for (int j = 0; j < m->cols; j++) {
            printf("%8.2f", m->data[i * m->cols + j]);
        }
        puts("");
    }
}

int main(void) {
    struct matrix *a = matrix_new(2, 3);
    struct matrix *b = matrix_new(3, 2);
    for (int i = 0; i < a->rows; i++) {
        for (int j = 0; j < a->cols; j++) {
            a->data[i * a->cols + j] = i + j * 0.5;
        }
    }
    for (int i = 0; i < b->rows; i++) {
        for (int j = 0; j < b->cols; j++) {
            b->data[i * b->cols + j] = (i + 1) * (j + 2) - 0.3;
        }
    }
    struct matrix *c = matrix_mul(a, b);
    puts("a:");
    matrix_print(a);
    puts("b:");
    matrix_print(b);
    puts("a * b:");
    matrix_print(c);
    double trace = 0.0;
    for (int i = 0; i < c->rows; i++) {
        trace += c->data[i * c->cols + i];
    }
    printf("trace: %.3f\n", trace);
    matrix_free(c);
    matrix_free(b);
    matrix_free(a);
    return 0;
}
