// translate: breadth-first search over a graph stored as adjacency lists of malloc'd edges
// exit: 0
#include <stdio.h>
#include <stdlib.h>

#define MAX_NODES 10

struct edge {
    int to;
    struct edge *next;
};

struct graph {
    int n;
    struct edge *adj[MAX_NODES];
};

static void add_edge(struct graph *g, int from, int to) {
    struct edge *e = malloc(sizeof(struct edge));
    e->to = to;
    e->next = g->adj[from];
    g->adj[from] = e;
}

static void add_undirected(struct graph *g, int a, int b) {
    add_edge(g, a, b);
    add_edge(g, b, a);
}

static void bfs(const struct graph *g, int start, int dist[], int prev[]) {
    int queue[MAX_NODES];
    int head = 0, tail = 0;
    for (int i = 0; i < g->n; i++) {
        dist[i] = -1;
        prev[i] = -1;
    }
    dist[start] = 0;
    queue[tail++] = start;
    while (head < tail) {
        int u = queue[head++];
        printf("visit %d (dist %d)\n", u, dist[u]);
        for (const struct edge *e = g->adj[u]; e; e = e->next) {
            if (dist[e->to] == -1) {
                dist[e->to] = dist[u] + 1;
                prev[e->to] = u;
                queue[tail++] = e->to;
            }
        }
    }
}

static void print_path(const int prev[], int target) {
    int path[MAX_NODES];
    int len = 0;
    for (int v = target; v != -1; v = prev[v])
        path[len++] = v;
    while (len-- > 0)
        printf("%d%s", path[len], len ? " -> " : "\n");
}

static void free_graph(struct graph *g) {
    for (int i = 0; i < g->n; i++) {
        struct edge *e = g->adj[i];
        while (e != NULL) {
            struct edge *tmp = e;
            e = e->next;
            free(tmp);
        }
        g->adj[i] = NULL;
    }
}

int main(void) {
    struct graph g = {0};
    int dist[MAX_NODES], prev[MAX_NODES];
    static const int edges[][2] = {
        {0, 1}, {0, 2}, {1, 3}, {2, 3}, {3, 4}, {4, 5}, {2, 6}, {6, 5}, {7, 8},
    };

    g.n = 9;
    for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++)
        add_undirected(&g, edges[i][0], edges[i][1]);

    bfs(&g, 0, dist, prev);
    for (int i = 0; i < g.n; i++) {
        if (dist[i] < 0)
            printf("node %d: unreachable\n", i);
        else
            printf("node %d: dist %d\n", i, dist[i]);
    }
    printf("path to 5: ");
    print_path(prev, 5);
    printf("path to 4: ");
    print_path(prev, 4);
    free_graph(&g);
    return 0;
}
