/* GLib/GObject: g_object_ref/unref make shared objects, g_malloc/g_strdup/g_free owned ones. */
typedef void *gpointer;
gpointer g_object_ref(gpointer);
void g_object_unref(gpointer);
gpointer g_malloc(unsigned long);
void g_free(gpointer);
char *g_strdup(const char *);

struct go_window {
    // expect field go_window.widget shared
    gpointer widget;
    // expect field go_window.title owned rust="String"
    char *title;
    int width;
};

// expect return go_window_new owned
// expect param go_window_new.widget shared
// expect param go_window_new.title borrowed immutable
struct go_window *go_window_new(gpointer widget, const char *title) {
    // expect local go_window_new.w owned mutable
    struct go_window *w = g_malloc(sizeof *w);
    w->widget = g_object_ref(widget);
    w->title = g_strdup(title);
    w->width = 640;
    return w;
}

// expect param go_window_free.w owned
void go_window_free(struct go_window *w) {
    g_object_unref(w->widget);
    g_free(w->title);
    g_free(w);
}

// expect param go_drop_widget.obj shared
void go_drop_widget(gpointer obj) {
    g_object_unref(obj);
}

// expect param go_swap_widget.w borrowed mutable
// expect param go_swap_widget.widget shared
void go_swap_widget(struct go_window *w, gpointer widget) {
    // expect local go_swap_widget.old shared
    gpointer old = w->widget;
    w->widget = g_object_ref(widget);
    g_object_unref(old);
}
