/* fuzz_knit.c - libFuzzer harness for `cx knit`: each input is a report,
 * written to a file and knitted by the command itself (cli/knit*.c linked
 * in) to HTML with --keep-going and --json, so the Markdown scanner, the
 * regions, bound numbers, the splicing and the cmark-gfm rendering all see
 * it.  Run with -close_fd_mask=3: the command reports on stdout and stderr.
 * A finding is a crash, a sanitizer report or a leak.  Build and run:
 * make fuzz-knit (tests/fuzz/README.md). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../cli/knit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static char dir[] = "/tmp/cx_fuzz_knit_XXXXXX";
static char report[64], out[64];

static void out_of_memory(size_t request)
{
    (void)request;
    __builtin_trap();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    cx_set_out_of_memory_handler(out_of_memory);
    if (!mkdtemp(dir)) __builtin_trap();
    snprintf(report, sizeof report, "%s/r.md", dir);
    snprintf(out, sizeof out, "%s/r.html", dir);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fopen(report, "wb");
    if (!f) return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    /* A small step budget: a long loop in a block is legal, not a finding.
     * The time budget (1 s) also bounds the page's rendering, which ends
     * the process when it runs out: far above what 2 KB take. */
    char *argv[] = {"knit",      report, "-o",           out,   "--keep-going", "--json",
                    "--timeout", "1",    "--max-memory", "64M", "--max-steps",  "20000",
                    NULL};
    int status = cx_cli_knit(12, argv);
    if (status != 0 && status != 1 && status != 2 && status != 3 && status != 4) __builtin_trap();
    unlink(out);
    return 0;
}
