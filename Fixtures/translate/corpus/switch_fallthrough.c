// translate: character classification with grouped case labels, deliberate fall-through and a default
// exit: 0
#include <stdio.h>

enum cls { VOWEL, CONSONANT, DIGIT, SPACE, PUNCT, OTHER, NCLASSES };

static const char *cls_name[NCLASSES] = {"vowel", "consonant", "digit", "space", "punct", "other"};

static enum cls classify(char c) {
    switch (c) {
    case 'A': case 'E': case 'I': case 'O': case 'U':
    case 'a': case 'e': case 'i': case 'o': case 'u':
        return VOWEL;
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
        return DIGIT;
    case ' ':
    case '\t':
    case '\n':
        return SPACE;
    case '.': case ',': case '!': case '?': case ';': case ':':
    case '\'': case '"': case '-':
        return PUNCT;
    default:
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            return CONSONANT;
        return OTHER;
    }
}

/* Points per letter: each case adds its bonus and falls into the next one. */
static int score(char c) {
    int pts = 0;
    switch (c | 0x20) {
    case 'q':
    case 'z':
        pts += 5;
        /* fall through */
    case 'j':
    case 'x':
        pts += 3;
        /* fall through */
    case 'k':
        pts += 1;
        /* fall through */
    default:
        pts += 1;
        break;
    case ' ':
        break;
    }
    return pts;
}

int main(void) {
    const char *text = "Quick, jazzy sphinx: 42 vows?\tOK! #1 @home";
    int counts[NCLASSES] = {0};
    int total = 0;

    for (const char *p = text; *p; p++) {
        enum cls k = classify(*p);
        counts[k]++;
        total += score(*p);
    }
    for (int i = 0; i < NCLASSES; i++)
        printf("%-9s %d\n", cls_name[i], counts[i]);
    printf("score %d\n", total);

    const char probe[] = "qjkAz ";
    for (int i = 0; probe[i] != '\0'; i++)
        printf("'%c' -> %s, %d pts\n", probe[i], cls_name[classify(probe[i])], score(probe[i]));

    int state = 2, steps = 0;
    switch (state) {
    case 1:
        steps++;
        /* fall through */
    case 2:
        steps += 10;
        /* fall through */
    case 3:
        steps += 100;
        break;
    case 4:
        steps = -1;
    }
    printf("steps from state 2: %d\n", steps);
    return 0;
}
