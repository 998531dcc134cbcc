// translate: `float` arithmetic on f-suffixed constants and float variables rounds to float at
// each step (2.0f / 3.0f, ten additions of 0.1f), printed with more digits than a float holds
// exit: 0
#include <stdio.h>

int main(void) {
    float third = 2.0f / 3.0f;
    float acc = 0.0f;
    for (int i = 0; i < 10; i++) acc = acc + 0.1f;
    float area = 3.14159f * 1.5f * 1.5f;
    printf("%.12f %.12f %d %.9f\n", third, acc, acc == 1.0f, area);
    return 0;
}
