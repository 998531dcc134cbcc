/* A store that keeps the keys it is given: what another module hands it must outlive the call. */
struct store { char *keys[8]; int n; };
void store_add(struct store *s, char *key);
void store_dump(const struct store *s);
int checksum(int x);
int scale(int x);
