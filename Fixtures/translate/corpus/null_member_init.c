// translate: a record initialised with a NULL member (`{NULL, 0, 0, 0}`), whose buffer a helper
// frees and allocates again
// exit: 0
#include <stdio.h>
#include <stdlib.h>
struct Frame { int *px; int w, h; long gen; };
static void frame_resize(struct Frame *f, int w, int h) {
    free(f->px);
    f->w = w; f->h = h;
    f->px = malloc(w * h * sizeof(int));
    for (int i = 0; i < w * h; i++) f->px[i] = (int)(f->gen * 100 + i);
    f->gen++;
}
int main(void) {
    struct Frame f = { NULL, 0, 0, 0 };
    long chk = 0;
    for (int k = 1; k <= 6; k++) {
        frame_resize(&f, k + 1, 7 - k);
        for (int i = 0; i < f.w * f.h; i++) chk = (chk * 7 + f.px[i]) % 1000003;
        chk %= 1000003;
        printf("%dx%d last=%d chk=%ld\n", f.w, f.h, f.px[f.w * f.h - 1], chk);
    }
    free(f.px);
    return 0;
}
