/* File descriptors: an int from open() is a resource owned until close(). */
#include <fcntl.h>
#include <unistd.h>

// expect param fd_copy_file.src borrowed immutable
int fd_copy_file(const char *src, const char *dst) {
    // expect local fd_copy_file.in owned
    int in = open(src, O_RDONLY);
    if (in < 0)
        return -1;
    // expect local fd_copy_file.out owned
    int out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out < 0) {
        close(in);
        return -1;
    }
    // expect local fd_copy_file.buf value mutable
    char buf[4096];
    // expect local fd_copy_file.n value mutable
    ssize_t n;
    while ((n = read(in, buf, sizeof buf)) > 0)
        if (write(out, buf, (size_t)n) != n)
            break;
    close(out);
    close(in);
    return 0;
}

/* A descriptor handed over to be closed. */
// expect param fd_close_quiet.fd owned
void fd_close_quiet(int fd) {
    if (fd >= 0)
        close(fd);
}

/* Only used: the caller keeps the descriptor. */
// expect param fd_write_all.fd borrowed
// expect param fd_write_all.p borrowed immutable
int fd_write_all(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w <= 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}
