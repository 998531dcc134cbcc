static inline int sq(int x) { return x * x; }
int twice(int x) { return 2 * x; }
