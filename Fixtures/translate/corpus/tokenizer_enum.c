// translate: lexer producing enum token kinds from an expression string, consumed by a switch on the kind
// exit: 0
#include <ctype.h>
#include <stdio.h>
#include <string.h>

enum token_kind {
    TOK_NUMBER,
    TOK_IDENT,
    TOK_PLUS,
    TOK_MINUS,
    TOK_STAR,
    TOK_SLASH,
    TOK_LPAREN,
    TOK_RPAREN,
    TOK_ASSIGN,
    TOK_EQ,
    TOK_END,
    TOK_ERROR
};

struct token {
    enum token_kind kind;
    const char *start;
    int len;
    long value;
};

struct lexer {
    const char *src;
    const char *pos;
};

static const char *kind_name(enum token_kind k) {
    switch (k) {
    case TOK_NUMBER: return "NUMBER";
    case TOK_IDENT: return "IDENT";
    case TOK_PLUS: return "PLUS";
    case TOK_MINUS: return "MINUS";
    case TOK_STAR: return "STAR";
    case TOK_SLASH: return "SLASH";
    case TOK_LPAREN: return "LPAREN";
    case TOK_RPAREN: return "RPAREN";
    case TOK_ASSIGN: return "ASSIGN";
    case TOK_EQ: return "EQ";
    case TOK_END: return "END";
    default: return "ERROR";
    }
}

static struct token next_token(struct lexer *lx) {
    struct token t = {TOK_ERROR, NULL, 0, 0};
    while (isspace((unsigned char)*lx->pos))
        lx->pos++;
    t.start = lx->pos;
    char c = *lx->pos;
    if (c == '\0') {
        t.kind = TOK_END;
        return t;
    }
    if (isdigit((unsigned char)c)) {
        t.kind = TOK_NUMBER;
        while (isdigit((unsigned char)*lx->pos))
            t.value = t.value * 10 + (*lx->pos++ - '0');
    } else if (isalpha((unsigned char)c) || c == '_') {
        t.kind = TOK_IDENT;
        while (isalnum((unsigned char)*lx->pos) || *lx->pos == '_')
            lx->pos++;
    } else {
        lx->pos++;
        switch (c) {
        case '+': t.kind = TOK_PLUS; break;
        case '-': t.kind = TOK_MINUS; break;
        case '*': t.kind = TOK_STAR; break;
        case '/': t.kind = TOK_SLASH; break;
        case '(': t.kind = TOK_LPAREN; break;
        case ')': t.kind = TOK_RPAREN; break;
        case '=':
            if (*lx->pos == '=') {
                lx->pos++;
                t.kind = TOK_EQ;
            } else {
                t.kind = TOK_ASSIGN;
            }
            break;
        default: t.kind = TOK_ERROR; break;
        }
    }
    t.len = (int)(lx->pos - t.start);
    return t;
}

static void lex_all(const char *src) {
    struct lexer lx = {src, src};
    int counts[TOK_ERROR + 1] = {0};
    int depth = 0, max_depth = 0;
    printf("input: %s\n", src);
    for (;;) {
        struct token t = next_token(&lx);
        counts[t.kind]++;
        switch (t.kind) {
        case TOK_NUMBER:
            printf("  %-6s %ld\n", kind_name(t.kind), t.value);
            break;
        case TOK_IDENT:
            printf("  %-6s %.*s\n", kind_name(t.kind), t.len, t.start);
            break;
        case TOK_LPAREN:
            if (++depth > max_depth)
                max_depth = depth;
            printf("  %s\n", kind_name(t.kind));
            break;
        case TOK_RPAREN:
            depth--;
            printf("  %s\n", kind_name(t.kind));
            break;
        case TOK_ERROR:
            printf("  %s at column %d: '%c'\n", kind_name(t.kind), (int)(t.start - src), *t.start);
            break;
        case TOK_END:
            printf("  numbers=%d idents=%d errors=%d max_depth=%d balanced=%s\n", counts[TOK_NUMBER],
                   counts[TOK_IDENT], counts[TOK_ERROR], max_depth, depth == 0 ? "yes" : "no");
            return;
        default:
            printf("  %s '%.*s'\n", kind_name(t.kind), t.len, t.start);
            break;
        }
    }
}

int main(void) {
    lex_all("total = (price_1 + 42) * qty / 7");
    lex_all("x == 10 - (y * (z + 3)");
    lex_all("a $ 5 # b");
    return 0;
}
