#include "shapes.h"
static int clamp(int v) { return v > 100 ? 100 : v; }
int seg_len2(segment s) { int dx = s.b.x - s.a.x, dy = s.b.y - s.a.y; shapes_made++; return clamp(dx*dx + dy*dy); }
