// translate: a unity build: the definitions, main included, come from an included .c file
// exit: 0
/* unity build: all definitions come from an #included .c file */
#include <stdio.h>
#include "unity_build_part.inc"
