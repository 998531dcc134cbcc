/* Inherited mutability: in Rust what a field points to is owned or borrowed through the
   field's holder, so writing through the field, directly, through a chain of fields or
   through a local loaded from a field, needs the holder `&mut`. Reads do not. */
#include <stdio.h>
#include <string.h>

struct im_pos { int line; int col; };
struct im_file { FILE *fp; struct im_pos *pos; int *dirty; };
struct im_lexer { struct im_file *file; const char *name; };

// expect param im_direct.f borrowed mutable
void im_direct(struct im_file *f) { f->pos->col = 1; }

// Two fields down.
// expect param im_chain.lx borrowed mutable
void im_chain(struct im_lexer *lx) { lx->file->pos->line += 1; }

// Through a local loaded from the field.
// expect param im_local.lx borrowed mutable
void im_local(struct im_lexer *lx) {
    struct im_file *f = lx->file;
    f->pos->col++;
}

// An element of a buffer the holder points to.
// expect param im_mark.f borrowed mutable
void im_mark(struct im_file *f, int i) {
    int *d = f->dirty;
    d[i] = 1;
}

// A library call that writes through the field.
// expect param im_rewind.f borrowed mutable
void im_rewind(struct im_file *f) { fseek(f->fp, 0, SEEK_SET); }

// A list walked by a cursor loaded from the holder and then from itself.
struct im_node { int value; struct im_node *next; };
struct im_list { struct im_node *head; };
// expect param im_zero.l borrowed mutable
void im_zero(struct im_list *l) {
    for (struct im_node *n = l->head; n; n = n->next) n->value = 0;
}

/* Near misses: reads through the same chains, and a cursor that is only read. */
// expect param im_read.lx borrowed immutable
int im_read(const struct im_lexer *lx) {
    struct im_file *f = lx->file;
    return f->pos->line + lx->file->pos->col;
}

// expect param im_sum.l borrowed immutable
int im_sum(struct im_list *l) {
    int s = 0;
    for (struct im_node *n = l->head; n; n = n->next) s += n->value;
    return s;
}

// expect param im_name_length.lx borrowed immutable
size_t im_name_length(struct im_lexer *lx) { return strlen(lx->name); }

// Two cursors, one written: only its list is mutable.
// expect param im_copy.from_list borrowed immutable
// expect param im_copy.to_list borrowed mutable
void im_copy(struct im_list *from_list, struct im_list *to_list) {
    struct im_node *from = from_list->head, *to = to_list->head;
    for (; from && to; from = from->next, to = to->next) to->value = from->value;
}

/* Lent to a program function: the holder is mutable when that function writes. */
static void im_bump(struct im_pos *p) { p->col++; }
static int im_peek(struct im_pos *p) { return p->col; }

// expect param im_via_call.lx borrowed mutable
void im_via_call(struct im_lexer *lx) { im_bump(lx->file->pos); }

// expect param im_peek_call.lx borrowed immutable
int im_peek_call(struct im_lexer *lx) { return im_peek(lx->file->pos); }

/* A local pointing at an element inside the holder's buffer. */
struct im_state { int n_arcs; };
struct im_fst { struct im_state *states; int n; };
// expect param im_add_arc.f borrowed mutable
void im_add_arc(struct im_fst *f, int k) {
    struct im_state *s = &f->states[k];
    ++s->n_arcs;
}
// expect param im_arcs.f borrowed immutable
int im_arcs(struct im_fst *f, int k) {
    struct im_state *s = &f->states[k];
    return s->n_arcs;
}

/* Asking a stream its position: Rust's `stream_position` takes `&mut self`. */
// expect param im_tell.f borrowed mutable
long im_tell(struct im_file *f) { return ftell(f->fp); }

/* Near miss: a held pointer seen as another record (a pun, raw) and written: what a raw
   pointer reaches is no holder's loan. */
struct im_gc { int marked; };
struct im_str { int marked; int hash; };
struct im_value { struct im_gc *gc; };
// expect param im_cache_hash.v borrowed immutable
int im_cache_hash(const struct im_value *v) {
    struct im_str *s = (struct im_str *)v->gc;
    s->hash = 7;
    return s->hash;
}
