#include "impl.h"
int four(int x) { return twice(twice(x)) + sq(0); }
